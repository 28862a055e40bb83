import Foundation
import PaodongEngine
import PaodongModel
import PaodongScenario
import PaodongTestSupport
import Testing

/// Conservation, determinism and common random numbers, on a 0.1 % city.
@Suite struct EngineTests {
    static func scenario(_ name: String, scale: Double = 0.001, seed: UInt64 = 11) throws -> Scenario {
        try ScenarioLoader.load(path: CLI.scenario(name)).scaled(by: scale).withSeed(seed)
    }

    /// The lower-bound kernel draws the needs as the day loop does (same tables, same `needs`
    /// streams), so it opens exactly the model's applications; its counts do not depend on the
    /// thread count, and every application gets one channel.
    @Test(arguments: ["shenzhen-2020.yaml", "baseline-2012.yaml"])
    func lowerBoundKernelOpensTheModelsApplications(_ name: String) throws {
        let s = try Self.scenario(name, scale: 0.01)
        let model = try Simulation(scenario: s, threads: 2).run()
        let one = LowerBoundKernel(scenario: s, threads: 1).run(), two = LowerBoundKernel(scenario: s, threads: 2).run()
        #expect(one.applications > 100_000)
        // The residence permits that follow a work permit need the lifecycle: the kernel has none.
        #expect(model.tally[.permitFollowUps] > 0)
        #expect(one.applications == model.tally[.applications] - model.tally[.permitFollowUps])
        #expect(one.byChannel == two.byChannel && one.paperTrips == two.paperTrips && one.reviewDays == two.reviewDays)
        #expect(one.byChannel.reduce(0, +) == one.applications)
        // Online channels exist in both eras; the kernel's window share is the model's within 0.05
        // (the model's agents also learn from their trips, the kernel's do not).
        let window = Double(one.byChannel[Channel.window.rawValue]) / Double(one.applications)
        let modelWindow = Double(model.tally.completed(on: .window)) / Double(model.tally[.completed])
        #expect(abs(window - modelWindow) < 0.05, "window share: kernel \(window), model \(modelWindow)")
    }

    /// Every need becomes an application that is completed or still open; a bundle serves several
    /// needs; trips are the sum of their parts, which are counted where they happen.
    @Test(arguments: ["shenzhen-2020.yaml", "baseline-2012.yaml"])
    func conservation(_ name: String) throws {
        let s = try Self.scenario(name)
        let result = try Simulation(scenario: s, threads: 2).run()
        let t = result.tally
        #expect(t[.needs] > 10_000)
        #expect(t[.applications] == t[.completed] + Int64(result.openApplications))
        #expect(t[.needs] == t[.completedNeeds] + Int64(result.openNeeds))
        if s.parameters.reforms[Bundles.self]?.enabled == true {
            #expect(t[.bundledApplications] > 0)
            #expect(t[.applications] < t[.needs])
        } else {
            // One application per need, but for the residence permits still waiting for their work permit.
            #expect(t[.permitPairs] >= t[.permitFollowUps] && t[.permitFollowUps] > 0)
            #expect(t[.applications] == t[.needs] - (t[.permitPairs] - t[.permitFollowUps]))
        }
        #expect(t[.trips] == t[.documentTrips] + t[.submissionTrips] + t[.collectionTrips] + t[.hometownTrips])
        #expect(t[.trips0] + t[.trips1] + t[.trips2] + t[.trips3Plus] == t[.completed])
        #expect(t[.zeroTrip] == t[.trips0])
        #expect(Channel.allCases.reduce(Int64(0)) { $0 + t.completed(on: $1) } == t[.completed])
        // Per item, segment and district tallies add up to the city's.
        var segmentApps: Int64 = 0
        for s in 0..<Segment.count { segmentApps += t.segment(s, .applications) }
        #expect(segmentApps == t[.applications])
        var districtTrips: Int64 = 0
        for d in result.districts.indices { districtTrips += t.district(d, .trips) }
        #expect(districtTrips == t[.trips])
        var dailyNeeds: Int64 = 0
        for d in 0..<s.parameters.days { dailyNeeds += t.day(d, .needs) }
        #expect(dailyNeeds == t[.needs])
        // Halls served every visit that completed applications count, and more (those of open ones).
        let hallServed = result.queues.reduce(Int64(0)) { $0 + $1.served }
        #expect(hallServed >= t[.servedVisits] && t[.servedVisits] > 0)
    }

    /// The needs follow their configured rate: 0.8 per resident-year and 2.5 per business-year.
    @Test func needsFollowTheDemandRates() throws {
        let s = try Self.scenario("shenzhen-2020.yaml", scale: 0.002)
        let result = try Simulation(scenario: s, threads: 2).run()
        let p = s.parameters
        let expected = Double(result.residents) * p.demand.needsPerResidentYear + Double(result.businesses) * p.demand.needsPerBusinessYear
        let needs = Double(result.tally[.needs])
        // Poisson counts with bundles of a few needs: 5 standard deviations is far below 3 %.
        #expect(abs(needs - expected) / expected < 0.03, "needs \(needs) vs \(expected)")
    }

    /// Common random numbers: the same agents have the same needs on the same days in every scenario.
    @Test func sameNeedsInEveryScenario() throws {
        let a = try Simulation(scenario: Self.scenario("shenzhen-2020.yaml"), threads: 2).run()
        let b = try Simulation(scenario: Self.scenario("baseline-2012.yaml"), threads: 1).run()
        #expect(a.tally[.needs] == b.tally[.needs])
        for d in 0..<a.scenario.days { #expect(a.tally.day(d, .needs) == b.tally.day(d, .needs)) }
        // The reforms change what happens to the needs.
        #expect(a.tally[.trips] != b.tally[.trips])
    }

    /// Byte-identical reports for 1, 2, 3 and 8 threads; another seed gives other numbers. The
    /// city is large enough for 12 chunks and 758 queues, so that workers really do take pieces
    /// in different orders from run to run (dynamic scheduling).

}
