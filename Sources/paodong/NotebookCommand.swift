import ArgumentParser
import Foundation
import PaodongReports

/// `paodong notebook DIR`: a Jupyter notebook that charts a run or comparison directory.
struct NotebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notebook", abstract: "Write a Jupyter notebook (pandas, matplotlib) charting a run, comparison, sweep or prioritize directory.")

    @Argument(help: "A run (paodong run), comparison (paodong compare), sweep (paodong sweep, merge) or prioritize directory.")
    var directory: String

    @Option(help: "The notebook to write (default: DIR/report.ipynb).")
    var out: String?

    @Flag(help: "Replace an existing notebook.")
    var force = false

    func run() throws {
        let dir = URL(fileURLWithPath: directory).standardizedFileURL.path
        let fm = FileManager.default
        let kind: Notebook.Kind
        if fm.fileExists(atPath: dir + "/sweep.csv") { kind = .sweep }
        else if fm.fileExists(atPath: dir + "/ranking.csv") { kind = .ranking }
        else if fm.fileExists(atPath: dir + "/staffing.csv") { kind = .staffing }
        else if fm.fileExists(atPath: dir + "/summary.csv") || fm.fileExists(atPath: dir + "/comparison.csv") { kind = .run }
        else {
            printError("error: \(dir): not a paodong run, comparison, sweep, prioritize or staff directory (none of \(RunDirectory.markers.joined(separator: ", ")))")
            throw ExitCode(66)
        }
        let target = out ?? dir + "/report.ipynb"
        if fm.fileExists(atPath: target) && !force {
            printError("error: \(target): already exists; pass --force to replace it")
            throw ExitCode(73)
        }
        do {
            // A relative path keeps the notebook portable: relative to the notebook's own folder,
            // where Jupyter runs it.
            let data = directory.hasPrefix("/") ? dir : Self.relativePath(from: URL(fileURLWithPath: target).deletingLastPathComponent().standardizedFileURL.path, to: dir)
            try Notebook(directory: data, kind: kind).encoded().write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            printError("error: \(target): cannot write the notebook: \(error.localizedDescription)")
            throw ExitCode(73)
        }
        print(target)
    }

    /// The path of `target` seen from the folder `base` (both absolute, standardized).
    static func relativePath(from base: String, to target: String) -> String {
        let b = base.split(separator: "/"), t = target.split(separator: "/")
        var common = 0
        while common < min(b.count, t.count) && b[common] == t[common] { common += 1 }
        let ups = Array(repeating: "..", count: b.count - common)
        let rest = t[common...].map(String.init)
        let parts = ups + rest
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
