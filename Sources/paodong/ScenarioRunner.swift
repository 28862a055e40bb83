import ArgumentParser
import Foundation
import PaodongEngine
import PaodongModel
import PaodongReports
import PaodongScenario
import PaodongServe

/// What `run` and `compare` do with their options: load, scale, re-seed and size-check a scenario,
/// run its replications, and move a finished output directory into place. `RunOptions` only
/// parses and checks the options.
struct ScenarioRunner {
    let options: RunOptions
    var threads: Int { options.threads }
    var scale: Double { options.scale }
    var seed: UInt64? { options.seed }
    var overrides: [String] { options.overrides }

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
        if let available = MemoryEstimate.available(limit: Self.memoryLimit), estimate.bytes > available {
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

    /// `PAODONG_MEMORY_LIMIT_BYTES`: the memory a run may use, in place of what the system says is
    /// available (a container's limit, or a test of the refusal). The library reads no environment.
    static let memoryLimit = ProcessInfo.processInfo.environment["PAODONG_MEMORY_LIMIT_BYTES"].flatMap { Int($0) }
    /// `PAODONG_HOTLINE_SCHEDULE=beside|same-day|next-day` forces where the hotline's lines play (for
    /// measuring; results are the same either way); unset or anything else: by the thread count.
    static let lineSchedule = ProcessInfo.processInfo.environment["PAODONG_HOTLINE_SCHEDULE"].flatMap(Simulation.LineSchedule.init(rawValue:))

    /// Runs the replications of one scenario. When `profile` is given, each replication's phase
    /// times are added to it; with `live`, each day is published to the page as scenario `index`.
    func simulate(_ scenario: Scenario, replications: Int, progress: Progress, profile: SimulationProfile? = nil,
                  live: LiveRun? = nil, index: Int = 0) throws -> [RunResult] {
        var results: [RunResult] = []
        for r in 0..<replications {
            let replica = scenario.withSeed(scenario.parameters.seed &+ UInt64(r))
            let simulation = Simulation(scenario: replica, threads: threads, profile: profile.map { SimulationProfile(threads: $0.threads) },
                                        lineSchedule: Self.lineSchedule)
            if let live {
                live.watch(simulation, scenario: index, replication: r + 1)
                simulation.progress = { done, total in progress.update(done, total); live.dayDone(done) }
            } else {
                simulation.progress = { done, total in progress.update(done, total) }
            }
            simulation.isCancelled = { Interruption.shared.isSet }
            if r == 0 { for w in simulation.context.layout.warnings { progress.note("warning: \(w)") } }
            let result = try simulation.run()
            if r == 0 {
                for w in result.warnings.dropFirst(simulation.context.layout.warnings.count) { progress.note("warning: \(w)") }
            }
            results.append(result)
            if let profile, let own = simulation.profile { profile.add(own) }
        }
        return results
    }
}
