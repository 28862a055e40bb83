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

    // The 12345 general line's day (shenzhen-2020's roster by hour, 22,000 calls, four kinds,
    // redials): the workload recursion the model runs and the event kernel it replaced (the same
    // results bit for bit, CallCentreKernelTests). One day per iteration.
    for (name, recursion) in [("Call centre day, general line (recursion)", true), ("Call centre day, general line (events)", false)] {
        Benchmark(name, configuration: .init(metrics: metrics, maxDuration: .seconds(10), maxIterations: 200)) { benchmark in
            let staffing = [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.15, 0.3, 0.6, 0.95, 1.0, 0.95,
                            0.7, 0.75, 0.95, 0.95, 0.9, 0.75, 0.55, 0.45, 0.35, 0.3, 0.2, 0.12]
            let byHour = [0.3, 0.2, 0.15, 0.1, 0.1, 0.2, 0.5, 1.5, 4.5, 8.5, 9.0, 8.5,
                          6.0, 6.5, 8.5, 8.5, 8.0, 6.5, 4.5, 3.5, 3.0, 2.5, 1.5, 0.8]
            let centre = CallCentre(agents: staffing.map { Int(($0 * 210).rounded()) }, periodMinutes: 60, serviceMean: [4, 6, 8, 5],
                                    patienceMean: 2, redialProbability: 0.5, redialDelayMean: 10, lastArrival: 1440, thresholdMin: 0.25)
            let draws = RandomStream(seed: 1, chunk: 0, purpose: .needs)
            let hours = DiscreteTable(weights: byHour)
            let arrival = (0..<22_000).map { _ in (Double(draws.discrete(hours)) + draws.uniform()) * 60 }.sorted()
            let kind = (0..<arrival.count).map { _ in UInt8(draws.uniformInt(4)) }
            var r = CallCentre.Results()
            benchmark.startMeasurement()
            for i in benchmark.scaledIterations {
                let rng = RandomStream(seed: UInt64(i), chunk: 1, purpose: .hotline)
                arrival.withUnsafeBufferPointer { a in
                    kind.withUnsafeBufferPointer { k in
                        if recursion { centre.run(arrival: a, kind: k, rng: rng, into: &r) } else { centre.runEvents(arrival: a, kind: k, rng: rng, into: &r) }
                    }
                }
            }
            benchmark.stopMeasurement()
            blackHole(r.busyMinutes)
        }
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
