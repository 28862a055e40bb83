import Foundation
import PaodongTestSupport
import Testing

/// Hostile and broken input: the right sysexits code, a message naming file, line and key, and no
/// run directory left behind.
@Suite struct BadInputTests {
    /// Writes a scenario that extends the shipped one with `body`, runs it and checks the outcome.
    func check(_ body: String, status: Int32, mentions: [String], file: String = "bad.yaml",
               extends: Bool = true) throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let header = extends ? "extends: \(CLI.scenario("quick.yaml"))\n" : ""
        let path = try tmp.write(file, header + body)
        let out = tmp.path("out")
        let r = try CLI.run(["run", path, "--out", out, "--quiet"])
        #expect(r.status == status, "exit \(r.status): \(r.stderr)")
        for m in mentions { #expect(r.stderr.contains(m), "stderr lacks '\(m)': \(r.stderr)") }
        #expect(!FileManager.default.fileExists(atPath: out), "a run directory was left behind")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp.url.path).filter { $0.contains("partial") }
        #expect(leftovers.isEmpty)
    }

    @Test func malformedYAML() throws {
        try check("population:\n  residents: [1, 2\n", status: 65, mentions: ["bad.yaml:", "malformed YAML"])
    }

    @Test func unknownKeyNamesFileLineAndKey() throws {
        try check("population:\n  residnets: 1000\n", status: 65, mentions: ["bad.yaml:3", "population.residnets", "unknown key", "residents"])
    }

    @Test func negativeRate() throws {
        try check("demand:\n  needs_per_resident_year: -0.5\n", status: 65,
                  mentions: ["bad.yaml:3", "demand.needs_per_resident_year", "out of range"])
    }

    @Test func shareAboveOne() throws {
        try check("population:\n  registered_share: 1.5\n", status: 65,
                  mentions: ["bad.yaml:3", "population.registered_share", "between 0 and 1"])
    }

    @Test func missingDataFile() throws {
        try check("data:\n  districts: no-such-file.csv\n", status: 66, mentions: ["no-such-file.csv", "not found"])
    }

    @Test func missingScenarioFile() throws {
        let r = try CLI.run(["validate", "/nonexistent/scenario.yaml"])
        #expect(r.status == 66)
        #expect(r.stderr.contains("/nonexistent/scenario.yaml"))
    }

    @Test func wrongType() throws {
        try check("days: many\n", status: 65, mentions: ["bad.yaml:2", "days", "integer"])
    }

    @Test func nanAndInfinity() throws {
        try check("demand:\n  needs_per_business_year: .nan\nhalls:\n  overtime_min: .inf\n", status: 65,
                  mentions: ["demand.needs_per_business_year", "halls.overtime_min"])
    }

    @Test func extendsCycle() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        _ = try tmp.write("a.yaml", "extends: b.yaml\n")
        let b = try tmp.write("b.yaml", "extends: a.yaml\n")
        let r = try CLI.run(["validate", b])
        #expect(r.status == 65)
        #expect(r.stderr.contains("extends cycle"))
    }

    @Test func aliasBomb() throws {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 { text += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        try check(text, status: 65, mentions: ["alias bomb"], extends: false)
    }

    @Test func binaryGarbage() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let path = tmp.path("garbage.yaml")
        try Data((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 2654435761 >> 7) }).write(to: URL(fileURLWithPath: path))
        let r = try CLI.run(["validate", path])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("garbage.yaml"))
    }

    @Test func directoryInsteadOfFile() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let r = try CLI.run(["validate", tmp.url.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("is a directory"))
    }

    @Test func crossFieldErrorsAreAllReported() throws {
        try check("population:\n  age_shares: {child: 0.5, adult: 0.5, senior: 0.5}\ncatalog:\n  level_volume_shares: {community: 0.5, street: 0.5, district: 0.5, city: 0.5}\n",
                  status: 65, mentions: ["population.age_shares", "catalog.level_volume_shares", "sum to 1"])
    }

    @Test func existingOutputIsNotOverwritten() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let out = tmp.path("out")
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: false)
        _ = try tmp.write("out/keep.txt", "precious")
        let r = try CLI.run(["run", CLI.scenario("quick.yaml"), "--scale", "0.05", "--out", out, "--quiet"])
        #expect(r.status == 73)
        #expect(try String(contentsOfFile: out + "/keep.txt", encoding: .utf8) == "precious")
        let forced = try CLI.run(["run", CLI.scenario("quick.yaml"), "--scale", "0.05", "--out", out, "--quiet", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(FileManager.default.fileExists(atPath: out + "/summary.csv"))
        #expect(!FileManager.default.fileExists(atPath: out + "/keep.txt"))
    }

    /// A run that would not fit in memory is refused before it starts, with the estimate.
    @Test func runTooBigForMemoryIsRefused() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let out = tmp.path("out")
        let r = try CLI.run(["run", CLI.scenario("shenzhen-2020.yaml"), "--out", out, "--quiet"],
                            environment: ["PAODONG_MEMORY_LIMIT_BYTES": "100000000"])
        #expect(r.status == 65)
        #expect(r.stderr.contains("needs about") && r.stderr.contains("MiB is available"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aScaleThatLeavesNoAgentIsRefused() throws {
        let tiny = try CLI.run(["run", CLI.scenario("quick.yaml"), "--scale", "0.000001", "--out", "/tmp/paodong-never-written", "--quiet"])
        #expect(tiny.status == 65)
        #expect(tiny.stderr.contains("leaves no agent"))
        #expect(!FileManager.default.fileExists(atPath: "/tmp/paodong-never-written"))
    }

    @Test func badOptionsAreUsageErrors() throws {
        let r = try CLI.run(["run", CLI.scenario("quick.yaml"), "--threads", "0"])
        #expect(r.status == 64)
        let q = try CLI.run(["queue", "--servers", "2", "--arrival-rate", "1", "--service-mean", "5"])
        #expect(q.status == 64)
        #expect(q.stderr.contains("unstable"))
    }
}
