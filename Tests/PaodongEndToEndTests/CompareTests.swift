import Foundation
import PaodongTestSupport
import Testing

/// The same run gives the same report whatever the thread count (the CLI, every CSV).
@Suite struct DeterminismTests {
    @Test func reportsDoNotDependOnThreads() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let files = ["summary.csv", "by_item.csv", "by_segment.csv", "by_district.csv", "halls.csv", "daily.csv", "hotline.csv"]
        var outputs: [[Data]] = []
        for (threads, seed) in [(1, 5), (2, 5), (3, 5), (8, 5), (2, 6)] {
            let out = tmp.path("t\(threads)-s\(seed)")
            let r = try CLI.run(["run", CLI.scenario("shenzhen-2020.yaml"), "--scale", "0.03", "--threads", String(threads),
                                 "--seed", String(seed), "--out", out, "--quiet"])
            #expect(r.status == 0, "\(r.stderr)")
            outputs.append(try files.map { try Data(contentsOf: URL(fileURLWithPath: out + "/" + $0)) })
        }
        for (k, file) in files.enumerated() {
            #expect(outputs[0][k] == outputs[1][k], "\(file) differs between 1 and 2 threads")
            #expect(outputs[0][k] == outputs[2][k], "\(file) differs between 1 and 3 threads")
            #expect(outputs[0][k] == outputs[3][k], "\(file) differs between 1 and 8 threads")
        }
        #expect(outputs[1][0] != outputs[4][0], "another seed must give another summary")
    }
}


/// `paodong compare`: paired differences with common random numbers.
@Suite struct CompareTests {
    @Test func aScenarioAgainstItselfDiffersByNothing() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let out = tmp.path("cmp")
        let quick = CLI.scenario("quick.yaml")
        let r = try CLI.run(["compare", quick, quick, "--scale", "0.1", "--replications", "3", "--out", out, "--quiet"])
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
                             "--scale", "0.002", "--replications", "3", "--out", out, "--quiet"])
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
