// paodong-lower-bound SCENARIO.yaml [--threads N] [--scale F]
// Runs `LowerBoundKernel` (the least work a simulated year could cost: needs, items, channels,
// certificates and review days drawn as the model draws them, no queues, no lifecycle) and prints
// one line: seconds for the population, for the year, applications, and applications per second.
// Benchmarks/scaling.sh runs it beside the full model.
import ArgumentParser
import Foundation
import PaodongEngine
import PaodongModel
import PaodongScenario

@main
struct LowerBound: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paodong-lower-bound", abstract: "Time the lower-bound kernel of a scenario's year (Benchmarks/scaling.sh).")

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    @Option(help: "Worker threads (default: all cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Multiply the populations by F.")
    var scale: Double = 1

    func validate() throws {
        guard threads >= 1 && threads <= 1024 else { throw ValidationError("--threads must be between 1 and 1024, found \(threads)") }
        guard scale.isFinite && scale > 0 && scale <= 100 else { throw ValidationError("--scale must be above 0 and at most 100, found \(scale)") }
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: scenario) else {
            FileHandle.standardError.write(Data("paodong-lower-bound: \(scenario): no such file\n".utf8))
            throw ExitCode(66)
        }
        var loaded: Scenario
        do { loaded = try ScenarioLoader.load(path: scenario, overrides: []) } catch {
            FileHandle.standardError.write(Data("paodong-lower-bound: \(error)\n".utf8))
            throw ExitCode(65)
        }
        if scale != 1 { loaded = loaded.scaled(by: scale) }
        let r = LowerBoundKernel(scenario: loaded, threads: threads).run()
        let total = r.setupSeconds + r.yearSeconds
        print(String(format: "lower_bound threads=%d setup_s=%.3f year_s=%.3f total_s=%.3f applications=%lld apps_per_s=%.0f review_days=%.0f",
                     threads, r.setupSeconds, r.yearSeconds, total, r.applications, Double(r.applications) / total, r.reviewDays))
    }
}
