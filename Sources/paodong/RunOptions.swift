import ArgumentParser
import Foundation
import PaodongEngine
import PaodongModel
import PaodongReports
import PaodongScenario

/// Options shared by `run` and `compare`, parsed and checked; `ScenarioRunner` acts on them.
struct RunOptions: ParsableArguments {
    @Option(help: "Seed (default: the scenario's). Replication r uses seed + r - 1.")
    var seed: UInt64?

    @Option(help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Multiply the populations by F; levels with less than one hall keep full-size halls with background visits (1 % and 10 % are faithful to full scale within the README's table; below 1 % a warning says the miniature is not faithful).")
    var scale: Double = 1

    @Option(help: "Replications on seeds seed, seed+1, … (default: 1 for run, 5 for compare)")
    var replications: Int?

    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Override one scenario key, e.g. --set process.approval_mean_days=4 or --set reforms.kiosks.include=[P001,B006]; repeatable, the last wins; merged like a child file over its parent and validated the same way (every key: paodong validate --explain). With compare, applies to every scenario.",
        valueName: "key.path=value"))
    var overrides: [String] = []

    @Flag(help: "Replace an existing output directory (only after the new run succeeded).")
    var force = false

    @Flag(help: "No progress on standard error.")
    var quiet = false

    @Flag(help: "Start every CSV file with a UTF-8 byte-order mark, so that Excel shows the Chinese names.")
    var excel = false

    func validate() throws {
        guard threads >= 1 && threads <= 1024 else { throw ValidationError("--threads must be between 1 and 1024, found \(threads)") }
        guard scale.isFinite && scale > 0 && scale <= 100 else { throw ValidationError("--scale must be above 0 and at most 100, found \(scale)") }
        if let r = replications, !(1...1000).contains(r) {
            throw ValidationError("--replications must be between 1 and 1000, found \(r)")
        }
    }
}
