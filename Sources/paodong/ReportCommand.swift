import ArgumentParser
import Foundation
import PaodongReports

/// `paodong report DIR`: a plain-text summary for a memo, printed and written to DIR/summary.md.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Print a plain-text summary of a run or comparison and write it to DIR/summary.md.")

    @Argument(help: "A run directory or a comparison directory.")
    var directory: String

    func run() throws {
        let dir = URL(fileURLWithPath: directory).standardizedFileURL.path
        let text: String
        do { text = try Memo.make(directory: dir) } catch let e as Memo.Failure {
            printError("error: \(e)")
            if case .notARunDirectory = e { throw ExitCode(66) }
            throw ExitCode(65)
        }
        print(text, terminator: "")
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: dir + "/summary.md"), options: .atomic) } catch {
            printError("error: \(dir)/summary.md: cannot write: \(error.localizedDescription)")
            throw ExitCode(73)
        }
    }
}
