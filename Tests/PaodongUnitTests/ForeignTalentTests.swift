import Foundation
import PaodongEngine
import PaodongModel
import PaodongScenario
import PaodongTestSupport
import Testing

/// The foreign residents and their two permits, before and after `merged_services` (the article's
/// 外国人就业居留事务服务中心), on a 1 % city: about 300 foreign residents, 180 permit needs a year.
@Suite struct ForeignTalentTests {
    static func run(_ name: String, _ overrides: [String] = [], scale: Double = 0.01) throws -> RunResult {
        let s = try ScenarioLoader.load(path: CLI.scenario(name), overrides: overrides).scaled(by: scale).withSeed(5)
        return try Simulation(scenario: s, threads: 2).run()
    }

    /// The certificate ids an item asks for.
    static func certificates(_ id: String, in r: RunResult) throws -> Set<String> {
        let item = try #require(r.catalog.items.first { $0.id == id })
        return Set(item.certificates.map { r.catalog.certificates[$0].id })
    }

    /// Every applicant lacks every paper copy (one trip each) and no certificate is electronic, so
    /// a permit application's document trips are exactly the certificates it asks for: before the
    /// merge, the work permit's and then the residence permit's (the work permit among them);
    /// after it, one application whose certificates are the union less the shared work permit, so
    /// the residence permit adds none of its own. Applications per permit need fall from 2 to 1.
    @Test func theMergedPairIsOneApplicationAndAsksForNoCopyOfTheWorkPermit() throws {
        let paper = ["process.lack_copy_probability=1", "reforms.e_certificates.enabled=false"]
        let before = try Self.run("foreign-talent-before.yaml", paper)
        let after = try Self.run("foreign-talent-after.yaml", paper)
        let work = try Self.certificates("B010", in: before), residence = try Self.certificates("B011", in: before)
        #expect(residence.contains("work_permit") && !work.contains("work_permit"))
        let merged = work.union(residence).subtracting(["work_permit"])
        // The second item brings no certificate trip of its own: what it asks for besides the work
        // permit, the work permit's application asks for too (the passport).
        #expect(merged == work)

        let b = before.tally, a = after.tally
        // Common random numbers: the same permit needs on the same days.
        #expect(b[.needs] == a[.needs])
        #expect(b[.permitPairs] == a[.permitPairs] && b[.permitPairs] > 100)
        #expect(b[.permitFollowUps] > 0 && b[.permitFollowUps] <= b[.permitPairs])
        #expect(a[.permitFollowUps] == 0)

        #expect(b[.permitDocumentTrips] == Int64(work.count) * b[.permitPairs] + Int64(residence.count) * b[.permitFollowUps])
        #expect(a[.permitDocumentTrips] == Int64(merged.count) * a[.permitPairs])

        #expect(b[.permitsCompleted] > 100 && a[.permitsCompleted] > 100)
        #expect(b[.permitApplications] == 2 * b[.permitsCompleted])
        #expect(a[.permitApplications] == a[.permitsCompleted])
        // Fewer trips and sooner both permits, per permit need.
        let tripsBefore = Double(b[.permitTrips]) / Double(b[.permitsCompleted])
        let tripsAfter = Double(a[.permitTrips]) / Double(a[.permitsCompleted])
        #expect(tripsAfter < tripsBefore - 1, "trips per permit need \(tripsBefore) → \(tripsAfter)")
        let leadBefore = Double(b[.permitLeadDays]) / Double(b[.permitsCompleted])
        let leadAfter = Double(a[.permitLeadDays]) / Double(a[.permitsCompleted])
        #expect(leadAfter < leadBefore, "days to both permits \(leadBefore) → \(leadAfter)")
    }

    /// The foreign residents are the declared share of the residents, counted in the segment's
    /// two slots on top of the age-band partition; their applications and completions are a
    /// part of the partition's, and every permit application is one of theirs.
    @Test func theForeignSegmentAddsUp() throws {
        let r = try Self.run("foreign-talent-before.yaml")
        let t = r.tally
        let share = r.scenario.population.foreignShare
        let foreign = r.segmentAgents[Segment.foreign] + r.segmentAgents[Segment.foreign + 1]
        // Binomial count: 5 standard deviations.
        let expected = Double(r.residents) * share
        #expect(abs(Double(foreign) - expected) < 5 * (expected * (1 - share)).squareRoot(), "\(foreign) vs \(expected)")
        #expect(r.segmentAgents[0..<Segment.count].reduce(0, +) == r.agents)
        #expect(r.segmentAgents.count == Segment.slots)

        let apps = t.segment(Segment.foreign, .applications) + t.segment(Segment.foreign + 1, .applications)
        let completed = t.segment(Segment.foreign, .completed) + t.segment(Segment.foreign + 1, .completed)
        // Permit applications opened: the work permits (pairs, not merged) and the residence permits.
        #expect(apps >= t[.permitPairs] + t[.permitFollowUps])
        #expect(apps > t[.permitPairs] + t[.permitFollowUps], "foreign residents have other needs too")
        #expect(completed <= apps && completed > 0)
        var partition: Int64 = 0
        for s in 0..<Segment.count { partition += t.segment(s, .applications) }
        #expect(partition == t[.applications])
        #expect(apps < partition)

        // Without foreign residents: no permit need, empty slots, and the partition's agents unchanged.
        let none = try Self.run("foreign-talent-before.yaml", ["population.foreign_share=0"])
        #expect(none.tally[.permitPairs] == 0 && none.tally[.permitsCompleted] == 0)
        #expect(none.segmentAgents[Segment.foreign] == 0 && none.segmentAgents[Segment.foreign + 1] == 0)
        #expect(none.agents == r.agents)
    }
}
