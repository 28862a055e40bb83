import Benchmark
import Foundation
import PaodongEngine
import PaodongModel
import PaodongScenario

/// Scenarios are read from the repository's Scenarios/ folder, beside this package.
private let scenarios = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Scenarios")

private func scenario(_ name: String, scale: Double = 1) -> Scenario {
    // A benchmark cannot run without its scenario; a broken file is a bug to fix, not to measure.
    let s = try! ScenarioLoader.load(path: scenarios.appendingPathComponent(name).path)
    return s.scaled(by: scale)
}

let benchmarks: @Sendable () -> Void = {
    let metrics: [BenchmarkMetric] = [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident]

    // The queue kernel: M/M/20 at ρ = 0.9, one million customers per iteration (customers per second).
    Benchmark("Queue kernel M/M/20 rho 0.9",
              configuration: .init(metrics: metrics, scalingFactor: .mega, maxDuration: .seconds(20), maxIterations: 10)) { benchmark in
        let n = benchmark.scaledIterations.count
        let arrivals = RandomStream(seed: 1, chunk: 0, purpose: .needs)
        var c = QueueKernel.Customers()
        var t = 0.0
        for _ in 0..<n {
            t += arrivals.exponential(mean: 10.0 / (0.9 * 20))
            c.arrival.append(t)
        }
        c.patience = Array(repeating: .infinity, count: n)
        c.stages = Array(repeating: 1, count: n)
        c.group = Array(repeating: 0, count: n)
        c.serviceMean = Array(repeating: 10, count: n)
        let kernel = QueueKernel(servers: [20], distribution: .exponential, ticketCap: nil, maxStages: 1)
        var r = QueueKernel.Results()
        let rng = RandomStream(seed: 2, chunk: 0, purpose: .queue)
        benchmark.startMeasurement()
        kernel.run(c, closeAt: .infinity, rng: rng, into: &r)
        benchmark.stopMeasurement()
        blackHole(r.wait.last)
    }

    // Population synthesis: one million agents per iteration (agents per second).
    Benchmark("Population synthesis",
              configuration: .init(metrics: metrics, scalingFactor: .mega, maxDuration: .seconds(20), maxIterations: 20)) { benchmark in
        let s = scenario("shenzhen-2020.yaml")
        let p = s.parameters.population
        let pop = Population(residents: benchmark.scaledIterations.count, businesses: 0)
        let districts = DiscreteTable(weights: s.districts.map(\.residents10k))
        let ages = DiscreteTable(weights: p.ageShares)
        benchmark.startMeasurement()
        for c in pop.chunks.indices {
            pop.synthesize(chunk: c, parameters: p, districtTable: districts, ageTable: ages, foreignAgeTable: ages, seed: 7)
        }
        benchmark.stopMeasurement()
        blackHole(pop.agents[0].state)
    }

    // One simulated working day of the full city, after a month of warm-up (all cores).
    Benchmark("One working day, full city",
              configuration: .init(metrics: metrics, maxDuration: .seconds(60), maxIterations: 5)) { benchmark in
        let simulation = Simulation(scenario: scenario("shenzhen-2020.yaml"), threads: ProcessInfo.processInfo.activeProcessorCount)
        let calendar = simulation.context.calendar
        var t = 0
        while t < 30 { simulation.runDay(t); t += 1 }
        while !calendar.isWorking(t) { simulation.runDay(t); t += 1 }
        benchmark.startMeasurement()
        simulation.runDay(t)
        benchmark.stopMeasurement()
    }

    // A year of the 1 % city (quick.yaml), all cores; applications per second is a custom metric.
    let applicationsPerSecond = BenchmarkMetric.custom("applications/s", polarity: .prefersLarger, useScalingFactor: false)
    Benchmark("1 % city year",
              configuration: .init(metrics: metrics + [applicationsPerSecond], maxDuration: .seconds(60), maxIterations: 10)) { benchmark in
        let simulation = Simulation(scenario: scenario("quick.yaml"), threads: ProcessInfo.processInfo.activeProcessorCount)
        let start = ContinuousClock.now
        benchmark.startMeasurement()
        let result = try simulation.run()
        benchmark.stopMeasurement()
        let seconds = (ContinuousClock.now - start) / .seconds(1)
        benchmark.measurement(applicationsPerSecond, Int(Double(result.tally[.applications]) / seconds))
    }
}
