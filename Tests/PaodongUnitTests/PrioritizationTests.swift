import Foundation
import PaodongModel
import PaodongReports
import PaodongScenario
import PaodongTestSupport
import Testing

/// What `paodong prioritize` writes into a scenario keeps what the reform reached and adds the
/// chosen units (no simulation needed to check it).
@Suite struct PrioritizationTests {
    static func load() throws -> Scenario { try ScenarioLoader.load(path: CLI.scenario("shenzhen-2020.yaml")) }

    @Test func addedLifeEventsAreBundledAndNoneIsLost() throws {
        let s = try Self.load()
        let job = try Prioritization(scenario: s, reform: "bundles", add: 5, objective: .trips, replications: 1, threads: 1)
        let before = ResolvedReforms(scenario: s, kiosksAvailable: true).bundledEvents
        #expect(job.candidates == before.indices.filter { !before[$0] })
        // The five largest unbundled events, and five from the end of the list.
        for events in [Array(job.candidates.prefix(5)), Array(job.candidates.suffix(5))] {
            let grown = job.extended(s, with: events)
            let after = ResolvedReforms(scenario: grown, kiosksAvailable: true).bundledEvents
            #expect(before.indices.allSatisfy { !before[$0] || after[$0] }, "an event bundled before is lost")
            #expect(events.allSatisfy { after[$0] }, "an added event is not bundled")
            let bundles = try #require(grown.parameters.reforms[Bundles.self])
            #expect(Array(bundles.selection.include.suffix(5)) == events.map { s.catalog.lifeEvents[$0].id })
            // The fewest items that do it: one fewer loses an event.
            var smaller = bundles
            smaller.items -= 1
            var tight = grown
            tight.parameters.reforms = grown.parameters.reforms.replacing(smaller)
            let fewer = ResolvedReforms(scenario: tight, kiosksAvailable: true).bundledEvents
            #expect(!(before.indices.allSatisfy { !before[$0] || fewer[$0] } && events.allSatisfy { fewer[$0] }))
        }
    }

    @Test func addedItemsAreReachedAndNoneIsLost() throws {
        let s = try Self.load()
        let job = try Prioritization(scenario: s, reform: "instant_approval", add: 10, objective: .trips, replications: 1, threads: 1)
        let before = ResolvedReforms(scenario: s, kiosksAvailable: true).flags
        let added = Array(job.candidates.suffix(10))
        let after = ResolvedReforms(scenario: job.extended(s, with: added), kiosksAvailable: true).flags
        #expect(before.indices.allSatisfy { !before[$0].contains(.instant) || after[$0].contains(.instant) })
        #expect(added.allSatisfy { after[$0].contains(.instant) })
        #expect(after.filter { $0.contains(.instant) }.count == before.filter { $0.contains(.instant) }.count + 10)
        #expect(added.allSatisfy { !s.catalog.items[$0].physicalPresence })
    }

    /// A bundled event's application takes an item reform only with every item of the event, so
    /// the candidates of one event are one group (joined through shared items), none larger than N.
    @Test func bundledEventCandidatesAreChosenTogether() throws {
        #expect(Prioritization.complements([1, 2, 3, 4, 5, 6], events: [[1, 2], [2, 3], [5, 6, 9]], limit: 3) == [[1, 2, 3], [4], [5, 6]])
        #expect(Prioritization.complements([1, 2, 3, 4, 5, 6], events: [[1, 2], [2, 3], [5, 6, 9]], limit: 2) == [[1], [2], [3], [4], [5, 6]])
        #expect(Prioritization.complements([3, 1, 2], events: [[7], [2]], limit: 5) == [[3], [1], [2]])

        let s = try Self.load()
        let job = try Prioritization(scenario: s, reform: "instant_approval", add: 50, objective: .trips, replications: 1, threads: 1)
        #expect(job.groups.flatMap { $0 }.sorted() == job.candidates, "every candidate in one group")
        let policy = ResolvedReforms(scenario: s, kiosksAvailable: true)
        let open = Set(job.candidates)
        let groupOf = Dictionary(uniqueKeysWithValues: job.groups.enumerated().flatMap { g, members in members.map { ($0, g) } })
        var joined = 0
        for (e, event) in s.catalog.lifeEvents.enumerated() where policy.bundledEvents[e] {
            let members = event.items.filter { open.contains($0) }
            guard members.count > 1, event.items.allSatisfy({ open.contains($0) || policy.flags[$0].contains(.instant) }) else { continue }
            #expect(Set(members.map { groupOf[$0]! }).count == 1, "\(event.id): \(members)")
            joined += 1
        }
        #expect(joined > 0, "shenzhen-2020 bundles events with items instant approval does not reach")
        #expect(job.groups.allSatisfy { $0.count <= 50 })
    }

    /// The choice among groups (some of a group's items alone, or all of it): the largest sum of
    /// savings holding exactly N units, against every choice of small random instances (or,
    /// where none holds N, the best of the most below it).
    @Test func groupsFillNByTheBestSum() {
        var rng = SplitMix(state: 20261207)
        for _ in 0..<300 {
            let count = Int.random(in: 1...6, using: &rng), n = Int.random(in: 1...8, using: &rng)
            let options = (0..<count).map { _ in
                [0.0] + (0..<Int.random(in: 1...4, using: &rng)).map { _ in Double(Int.random(in: -20...100, using: &rng)) }
            }
            var best: (units: Int, value: Double) = (-1, -.infinity)
            func search(_ g: Int, _ units: Int, _ value: Double) {
                guard g < count else {
                    if units <= n && (units > best.units || (units == best.units && value > best.value)) { best = (units, value) }
                    return
                }
                for k in options[g].indices { search(g + 1, units + k, value + options[g][k]) }
            }
            search(0, 0, 0)
            let taken = Prioritization.fill(n, options: options)
            #expect(taken.count == count && taken.indices.allSatisfy { taken[$0] >= 0 && taken[$0] < options[$0].count })
            #expect(taken.reduce(0, +) == best.units, "\(options) n \(n)")
            #expect(taken.indices.reduce(0) { $0 + options[$1][taken[$1]] } == best.value, "\(options) n \(n)")
        }
        // Every group one unit: the first N, as ranked, ties to the earlier.
        #expect(Prioritization.fill(3, options: [[0, 5], [0, 4], [0, 3], [0, 2], [0, 1]]) == [1, 1, 1, 0, 0])
        #expect(Prioritization.fill(2, options: [[0, 4], [0, 3], [0, 3], [0, 3]]) == [1, 1, 0, 0])
        #expect(Prioritization.fill(3, options: [[0, -1], [0, -2], [0, -2], [0, -5]]) == [1, 1, 1, 0])
        // A group worth less than its best item alone plus another lone unit: the item alone.
        #expect(Prioritization.fill(2, options: [[0, 10, 12], [0, 5]]) == [1, 1])
        #expect(Prioritization.fill(2, options: [[0, 10, 16], [0, 5]]) == [2, 0])
    }

    @Test func addedCertificateTypesAreCoveredAndNoneIsLost() throws {
        let s = try Self.load()
        let job = try Prioritization(scenario: s, reform: "e_certificates", add: 7, objective: .trips, replications: 1, threads: 1)
        let before = ResolvedReforms(scenario: s, kiosksAvailable: true).certificateCovered
        #expect(job.candidates == before.indices.filter { !before[$0] })
        let added = Array(job.candidates.suffix(7))   // the least-used types: the ones volume would never take
        let grown = job.extended(s, with: added)
        let after = ResolvedReforms(scenario: grown, kiosksAvailable: true).certificateCovered
        #expect(before.indices.allSatisfy { !before[$0] || after[$0] })
        #expect(added.allSatisfy { after[$0] })
        #expect(after.filter { $0 }.count == before.filter { $0 }.count + 7)
        #expect(grown.parameters.reforms[ElectronicCertificates.self]?.include == added.map { s.catalog.certificates[$0].id })
    }

    /// `reforms.e_certificates.include` is checked like every reform's key: unknown ids, more named than covered.
    @Test func namedCertificateTypesAreValidated() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let path = try tmp.write("ec.yaml", """
            extends: \(CLI.scenario("shenzhen-2020.yaml"))
            reforms:
              e_certificates: {include: [id_card, nope, C0400], types: 1}
            """)
        do {
            _ = try ScenarioLoader.load(path: path)
            Issue.record("an unknown certificate type was accepted")
        } catch let e as ScenarioError {
            #expect(e.issues.contains { $0.key == "reforms.e_certificates.include" && $0.message.contains("unknown certificate type 'nope'") && $0.line == 3 })
            #expect(e.issues.contains { $0.message.contains("3 types named but `types` is 1") })
        }
    }
}

/// SplitMix64, for the tests' random instances (a fixed seed: a failure repeats).
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
