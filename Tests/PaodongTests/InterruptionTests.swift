import Foundation
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
        process.arguments = ["run", CLI.scenario("shenzhen-2020.yaml"), "--scale", "0.3", "--out", out, "--force", "--quiet"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 2)
        #expect(process.isRunning, "the run must still be going when the signal comes")
        let sent = Date()
        kill(process.processIdentifier, sig)
        process.waitUntilExit()
        let stopped = Date().timeIntervalSince(sent)
        #expect(process.terminationStatus == 130)
        // Within a second of work, with half a second of slack for a loaded machine.
        #expect(stopped < 1.5, "stopped after \(stopped) s")
        #expect(try String(contentsOfFile: out + "/previous.txt", encoding: .utf8) == "an earlier run")
        #expect(!FileManager.default.fileExists(atPath: out + "/summary.csv"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp.url.path).filter { $0.contains("partial") }
        #expect(leftovers.isEmpty, "temporary directory left: \(leftovers)")
    }
}
