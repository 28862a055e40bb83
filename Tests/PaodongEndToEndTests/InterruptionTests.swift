import Foundation
import PaodongTestSupport
import Testing

/// SIGINT and SIGTERM stop a run between days, remove its temporary directory and exit 130;
/// a previous run directory is left untouched.
@Suite(.serialized) struct InterruptionTests {
    @Test(arguments: [SIGINT, SIGTERM])
    func signalStopsTheRunCleanly(_ sig: Int32) throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let out = tmp.path("out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        // A previous run's directory (--force may replace it, but only after a successful run).
        _ = try tmp.write("out/summary.csv", "an earlier run")
        // The full city for ten years: the signal comes at the first progress line (day 1), long
        // before the end on any machine.
        let (status, seen) = try CLI.interrupt(["run", CLI.scenario("shenzhen-2020.yaml"), "--set", "days=3650", "--out", out, "--force"],
                                               when: "day ", signal: sig)
        #expect(seen.contains("day "), "no progress before the signal: \(seen)")
        #expect(status == 130)
        #expect(try String(contentsOfFile: out + "/summary.csv", encoding: .utf8) == "an earlier run")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["summary.csv"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp.url.path).filter { $0.contains("partial") }
        #expect(leftovers.isEmpty, "temporary directory left: \(leftovers)")
    }
}
