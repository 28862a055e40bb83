import Foundation
import PaodongTestSupport
import Testing

/// `paodong compare`: paired differences with common random numbers.
@Suite struct CompareTests {
    @Test func aScenarioAgainstItselfDiffersByNothing() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let out = tmp.path("cmp")
        let quick = CLI.scenario("quick.yaml")
        // 40 days: a smoke run of the command (the fast tier); the identity holds for any length.
        let r = try CLI.run(["compare", quick, quick, "--scale", "0.1", "--replications", "3", "--set", "days=40", "--set", "holidays=[]", "--out", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try readCSV(out + "/comparison.csv")
        #expect(rows.count > 20)
        for row in rows {
            #expect(row["replications"] == "3")
            if let d = Double(row["delta"] ?? "") { #expect(d == 0, "\(row["metric"]!): delta \(d)") }
            if let lo = Double(row["ci_low"] ?? ""), let hi = Double(row["ci_high"] ?? "") {
                #expect(lo == 0 && hi == 0, "\(row["metric"]!): [\(lo), \(hi)]")
            }
        }
        #expect(FileManager.default.fileExists(atPath: out + "/quick/summary.csv"))
        #expect(FileManager.default.fileExists(atPath: out + "/quick-2/summary.csv"))
    }

    /// The reforms cut trips, and the 95 % interval of the paired difference excludes zero.
    @Test func reformsCutTripsWithAnIntervalThatExcludesZero() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let out = tmp.path("cmp")
        let r = try CLI.run(["compare", CLI.scenario("baseline-2012.yaml"), CLI.scenario("shenzhen-2020.yaml"),
                             "--scale", "0.002", "--replications", "3", "--set", "days=60", "--set", "holidays=[]", "--out", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try readCSV(out + "/comparison.csv")
        let trips = try #require(rows.first { $0["metric"] == "trips_per_need" })
        let hi = try #require(Double(trips["ci_high"] ?? ""))
        let lo = try #require(Double(trips["ci_low"] ?? ""))
        #expect(lo <= hi && hi < 0)
        let needs = try #require(rows.first { $0["metric"] == "needs" })
        #expect(Double(needs["delta"] ?? "") == 0, "common random numbers: the same needs in both scenarios")
        #expect(r.stdout.contains("trips avoided"))
    }
}
