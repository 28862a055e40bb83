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
        _ = try tmp.write("out/previous.txt", "an earlier run")
        let process = Process()
        process.executableURL = CLI.executable
        // The full city for ten years: the signal comes at the first progress line (day 1), long
        // before the end on any machine, so nothing here depends on how fast the machine is.
        process.arguments = ["run", CLI.scenario("shenzhen-2020.yaml"), "--set", "days=3650", "--out", out, "--force"]
        process.standardOutput = FileHandle.nullDevice
        let stderr = Pipe()
        process.standardError = stderr
        try process.run()
        // Wait until the day loop runs: progress prints "day N/3650" on standard error.
        var seen = ""
        while !seen.contains("day "), process.isRunning {
            let data = stderr.fileHandleForReading.availableData
            if data.isEmpty { break }
            seen += String(decoding: data, as: UTF8.self)
        }
        #expect(seen.contains("day "), "no progress before the signal: \(seen)")
        kill(process.processIdentifier, sig)
        // Keep draining standard error so that the child never blocks on a full pipe.
        while !stderr.fileHandleForReading.availableData.isEmpty {}
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(try String(contentsOfFile: out + "/previous.txt", encoding: .utf8) == "an earlier run")
        #expect(!FileManager.default.fileExists(atPath: out + "/summary.csv"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp.url.path).filter { $0.contains("partial") }
        #expect(leftovers.isEmpty, "temporary directory left: \(leftovers)")
    }
}
