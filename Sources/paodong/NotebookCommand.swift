import ArgumentParser
import Foundation
import PaodongReports

/// `paodong notebook DIR`: a Jupyter notebook that charts a run or comparison directory.
struct NotebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notebook", abstract: "Write a Jupyter notebook (pandas, matplotlib) charting a run or comparison directory.")

    @Argument(help: "A run directory (paodong run) or a comparison directory (paodong compare).")
    var directory: String

    @Option(help: "The notebook to write (default: DIR/report.ipynb).")
    var out: String?

    @Flag(help: "Replace an existing notebook.")
    var force = false

    func run() throws {
        let dir = URL(fileURLWithPath: directory).standardizedFileURL.path
        let fm = FileManager.default
        guard fm.fileExists(atPath: dir + "/summary.csv") || fm.fileExists(atPath: dir + "/comparison.csv") else {
            printError("error: \(dir): not a paodong run or comparison directory (no summary.csv or comparison.csv)")
            throw ExitCode(66)
        }
        let target = out ?? dir + "/report.ipynb"
        if fm.fileExists(atPath: target) && !force {
            printError("error: \(target): already exists; pass --force to replace it")
            throw ExitCode(73)
        }
        do {
            // The path as the user wrote it: a relative path keeps the notebook portable.
            try Notebook(directory: directory).encoded().write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            printError("error: \(target): cannot write the notebook: \(error.localizedDescription)")
            throw ExitCode(73)
        }
        print(target)
    }
}
