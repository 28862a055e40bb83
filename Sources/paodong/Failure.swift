import ArgumentParser
import Foundation
import PaodongModel
import PaodongReports

/// Prints an error to standard error and turns it into the sysexits code of docs/model.md, "Outputs".
func fail(_ error: Error) -> ExitCode {
    switch error {
    case let e as ScenarioError:
        printError(e.description)
        return ExitCode(e.exitCode)
    case let e as RunDirectory.Failure:
        printError("error: \(e)")
        return ExitCode(73)
    case let e as ExitCode:
        return e
    default:
        printError("error: \(error)")
        return ExitCode(70)
    }
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// Exit code for an interrupted run (SIGINT/SIGTERM).
let interruptedExitCode = ExitCode(130)
