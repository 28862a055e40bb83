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
        // The hotline's lines play as pieces of the same day's queue phase on 1–3 threads at this
        // scale (3 %) and beside the workers on 4 or more; the last two runs force the other two
        // schedules (beside, profiled, and next-day).
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
                for label in ["set-up: population synthesised", "1 needs and due actions", "3 queues (halls, kiosk pools)",
                              "hotline lines (own pieces)", "total"] {
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
