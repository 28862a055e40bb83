import Foundation
import PaodongTestSupport
import Testing

/// The same run gives the same report whatever the thread count, the hotline lines' schedule and
/// profiling (the CLI, every CSV).
@Suite struct DeterminismTests {
    @Test func reportsDoNotDependOnThreads() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let files = ["summary.csv", "by_item.csv", "by_segment.csv", "by_district.csv", "halls.csv", "daily.csv", "hotline.csv"]
        var outputs: [[Data]] = []
        // The hotline's lines play as pieces of the next day on 1–3 threads and beside the workers
        // on 4 or more; the last two runs force the other schedule, one of them profiled.
        let runs: [(threads: Int, seed: Int, schedule: String?)] = [(1, 5, nil), (2, 5, nil), (3, 5, nil), (8, 5, nil), (2, 6, nil),
                                                                     (2, 5, "beside"), (8, 5, "next-day")]
        for (i, run) in runs.enumerated() {
            let out = tmp.path("run\(i)")
            var arguments = ["run", CLI.scenario("shenzhen-2020.yaml"), "--scale", "0.03", "--threads", String(run.threads),
                             "--seed", String(run.seed), "--out", out, "--quiet"]
            if run.schedule == "beside" { arguments.append("--profile") }
            let r = try CLI.run(arguments, environment: run.schedule.map { ["PAODONG_HOTLINE_SCHEDULE": $0] } ?? [:])
            #expect(r.status == 0, "\(r.stderr)")
            if run.schedule == "beside" {
                for label in ["1 needs and due actions", "3 queues (halls, kiosk pools)", "hotline lines (own pieces)", "total"] {
                    #expect(r.stderr.contains(label), "the profile lacks \(label): \(r.stderr)")
                }
            }
            outputs.append(try files.map { try Data(contentsOf: URL(fileURLWithPath: out + "/" + $0)) })
        }
        for (k, file) in files.enumerated() {
            for i in [1, 2, 3, 5, 6] {
                #expect(outputs[0][k] == outputs[i][k], "\(file) differs between run 0 and run \(i) (\(runs[i]))")
            }
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
