import ArgumentParser
import Foundation
import PaodongEngine
import PaodongModel
import PaodongReports
import PaodongScenario

/// Options shared by `run` and `compare`.
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

    /// Loads, scales and re-seeds a scenario; errors carry their sysexits code.
    func load(_ path: String) throws -> Scenario {
        var scenario = try ScenarioLoader.load(path: path, overrides: overrides)
        if scale != 1 {
            scenario = scenario.scaled(by: scale)
            let agents = Double(scenario.parameters.population.residents + scenario.parameters.population.businesses) * scenario.parameters.scale
            if agents > 2e9 {
                throw ScenarioError.invalid([ScenarioIssue(file: path, key: "scale", message: "--scale \(scale) gives \(Int(agents)) agents; at most 2,000,000,000")])
            }
        }
        let p = scenario.parameters
        if (Double(p.population.residents) * p.scale).rounded() + (Double(p.population.businesses) * p.scale).rounded() < 1 {
            throw ScenarioError.invalid([ScenarioIssue(file: path, key: "scale",
                message: "scale \(p.scale) leaves no agent to simulate; allowed: a scale that keeps at least one resident or business")])
        }
        if let seed { scenario = scenario.withSeed(seed) }
        // Refuse a run that would not fit rather than be killed by the operating system.
        let estimate = MemoryEstimate(scenario: scenario, threads: threads)
        if let available = MemoryEstimate.available(), estimate.bytes > available {
            throw ScenarioError.invalid([ScenarioIssue(
                file: path, key: "population",
                message: "this run needs about \(MemoryEstimate.format(estimate.bytes)) of memory and \(MemoryEstimate.format(available)) is available; lower --scale or the population")])
        }
        return scenario
    }

    /// Writes the output with `write`, then moves the directory into place; on any failure or an
    /// interruption the temporary directory is removed and the error becomes its exit code.
    func finish(_ directory: RunDirectory, write: () throws -> Void) throws {
        do {
            try write()
            if Interruption.shared.isSet { directory.discard(); throw interruptedExitCode }
            try directory.commit()
        } catch let e as ExitCode {
            throw e
        } catch {
            directory.discard()
            throw fail(error)
        }
    }

    /// Runs the replications of one scenario.
    func simulate(_ scenario: Scenario, replications: Int, progress: Progress) throws -> [RunResult] {
        var results: [RunResult] = []
        for r in 0..<replications {
            let replica = scenario.withSeed(scenario.parameters.seed &+ UInt64(r))
            let simulation = Simulation(scenario: replica, threads: threads)
            simulation.progress = { done, total in progress.update(done, total) }
            simulation.isCancelled = { Interruption.shared.isSet }
            if r == 0 { for w in simulation.context.layout.warnings { progress.note("warning: \(w)") } }
            let result = try simulation.run()
            if r == 0 {
                for w in result.warnings.dropFirst(simulation.context.layout.warnings.count) { progress.note("warning: \(w)") }
            }
            results.append(result)
        }
        return results
    }
}
