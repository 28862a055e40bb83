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
