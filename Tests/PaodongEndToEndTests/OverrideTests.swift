import Foundation
import PaodongTestSupport
import Testing

/// `--set key.path=value`: merged exactly like a child file, recorded in the manifest, and bad
/// overrides refused with a message that names them.
@Suite struct OverrideTests {
    /// A run with overrides writes the same summary, byte for byte, as a run of a child file that
    /// sets the same keys.
    @Test func anOverrideIsAChildFile() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let child = try tmp.write("child.yaml", """
            extends: \(CLI.scenario("quick.yaml"))
            process:
              approval_mean_days: 3.5
            reforms:
              kiosks: {include: [P001]}
            """)
        let a = try CLI.run(["run", child, "--scale", "0.2", "--out", tmp.path("file"), "--quiet"])
        let b = try CLI.run(["run", CLI.scenario("quick.yaml"), "--scale", "0.2", "--out", tmp.path("set"), "--quiet",
                             "--set", "process.approval_mean_days=9", "--set", "process.approval_mean_days=3.5",
                             "--set", "reforms.kiosks.include=[P001]"])
        #expect(a.status == 0 && b.status == 0, "\(a.stderr) \(b.stderr)")
        let plain = try CLI.run(["run", CLI.scenario("quick.yaml"), "--scale", "0.2", "--out", tmp.path("plain"), "--quiet"])
        #expect(plain.status == 0)
        let summary = { (dir: String) in try String(contentsOfFile: tmp.path(dir) + "/summary.csv", encoding: .utf8) }
        // Same scenario name (quick), so the files compare whole.
        #expect(try summary("file").replacingOccurrences(of: "child", with: "quick") == summary("set"))
        #expect(try summary("plain") != summary("set"), "the override changed nothing")
        let manifest = try String(contentsOfFile: tmp.path("set") + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"process.approval_mean_days=3.5\""))
        #expect(manifest.contains("\"approval_mean_days\" : 3.5"))
    }

    @Test(arguments: [
        ("reforms.e_certificates.types=abc", ["--set reforms.e_certificates.types=abc", "reforms.e_certificates.types", "an integer"]),
        ("reforms.e_certificates.typo=3", ["reforms.e_certificates.typo", "unknown key", "types"]),
        ("process.approval_mean_days", ["expected key.path=value"]),
        ("a..b=1", ["not a key path"]),
        ("process.approval_mean_days=[1", ["not valid YAML"]),
        ("process.approval_mean_days=400", ["process.approval_mean_days", "out of range", "365"]),
        ("reforms.instant_approval.include=[P999]", ["unknown item 'P999'"]),
    ])
    func badOverridesAreRefused(_ override: String, _ mentions: [String]) throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let r = try CLI.run(["run", CLI.scenario("quick.yaml"), "--out", tmp.path("out"), "--quiet", "--set", override])
        #expect(r.status == 65, "exit \(r.status): \(r.stderr)")
        for m in mentions { #expect(r.stderr.contains(m), "stderr lacks '\(m)': \(r.stderr)") }
        #expect(!FileManager.default.fileExists(atPath: tmp.path("out")))
    }
}
