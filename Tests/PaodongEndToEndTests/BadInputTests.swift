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
        // --force replaces only what paodong wrote (or an empty directory): not this folder, nor a file.
        let refused = try CLI.run(["run", CLI.scenario("quick.yaml"), "--scale", "0.05", "--out", out, "--quiet", "--force"])
        #expect(refused.status == 73 && refused.stderr.contains("not a paodong output directory"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: out + "/keep.txt", encoding: .utf8) == "precious")
        let file = try tmp.write("notes.yaml", "precious too")
        let onFile = try CLI.run(["run", CLI.scenario("quick.yaml"), "--scale", "0.05", "--out", file, "--quiet", "--force"])
        #expect(onFile.status == 73, "\(onFile.stderr)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == "precious too")
        // A previous run is replaced, and so is an empty directory.
        let previous = tmp.path("previous")
        #expect(try CLI.run(["run", CLI.scenario("quick.yaml"), "--scale", "0.05", "--set", "days=5", "--set", "holidays=[]",
                             "--out", previous, "--quiet"]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: previous + "/summary.csv"))
        let forced = try CLI.run(["run", CLI.scenario("quick.yaml"), "--scale", "0.05", "--out", previous, "--quiet", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: previous + "/summary.csv")) != before, "the 365-day run replaced the 5-day one")
        let empty = tmp.path("empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: false)
        #expect(try CLI.run(["run", CLI.scenario("quick.yaml"), "--scale", "0.05", "--set", "days=5", "--set", "holidays=[]",
                             "--out", empty, "--quiet", "--force"]).status == 0)
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

    /// `reforms.merged_services` and `demand.foreign_permits` (README, "One window for foreign
    /// talent"): every wrong declaration names its file, line and key, and what is allowed.
    @Test(arguments: [
        ("halls:\n  levels:\n    city:\n      own_windows: [{department: mars, windows: 3}]",
         ["bad.yaml", "halls.levels.city.own_windows", "unknown department 'mars'", "exit_entry"]),
        ("halls:\n  levels:\n    city:\n      own_windows: [{department: science, windows: 3}, {department: science, windows: 2}]",
         ["bad.yaml:5", "halls.levels.city.own_windows[1]", "department 'science' has two rows"]),
        ("halls:\n  levels:\n    city:\n      own_windows: [{department: science, windows: 0}]",
         ["bad.yaml:5", "halls.levels.city.own_windows[0].windows", "1"]),
        ("halls:\n  levels:\n    city:\n      own_windows: [{department: science, windows: 2}]\n      windows_by_group: [{district: Futian, group: shared, windows: 150}]",
         ["bad.yaml", "halls.levels.city.own_windows", "windows_by_group"]),
        ("reforms:\n  merged_services: {enabled: true, items: [B010, B010]}",
         ["bad.yaml:3", "reforms.merged_services.items", "named twice"]),
        ("reforms:\n  merged_services: {enabled: true, items: [B010, X999]}",
         ["bad.yaml:3", "reforms.merged_services.items", "unknown item 'X999'"]),
        ("reforms:\n  merged_services: {enabled: true, items: [B010, B011, P001]}",
         ["bad.yaml:3", "reforms.merged_services.items", "exactly two"]),
        ("reforms:\n  merged_services: {enabled: true, items: [B011, B010]}",
         ["bad.yaml:3", "reforms.merged_services.items", "demand.foreign_permits.items", "same order"]),
        ("reforms:\n  merged_services: {enabled: true, departments: [science, mars]}",
         ["bad.yaml:3", "reforms.merged_services.departments", "unknown department 'mars'", "exit_entry"]),
        ("reforms:\n  merged_services: {enabled: true, departments: [science, psb]}",
         ["bad.yaml:3", "reforms.merged_services.departments", "'psb' leads neither B010 nor B011"]),
        ("reforms:\n  merged_services: {enabled: true, departments: [science]}",
         ["bad.yaml:3", "reforms.merged_services.departments", "at least two"]),
        ("reforms:\n  merged_services: {enabled: true, levels: [moon]}",
         ["bad.yaml:3", "reforms.merged_services.levels", "unknown hall level 'moon'", "community, street, district, city"]),
        // Only the seed items: the district halls have exit-entry windows but no foreign-experts ones.
        ("catalog:\n  items: 47\n  items_by_level: {community: 0, street: 0, district: 0}\nreforms:\n  merged_services: {enabled: true, levels: [district, city]}",
         ["bad.yaml:6", "reforms.merged_services.levels", "district halls have windows of only exit_entry", "at least two"]),
        ("demand:\n  foreign_permits: {items: [B010]}",
         ["bad.yaml:3", "demand.foreign_permits.items", "exactly two"]),
        ("demand:\n  foreign_permits: {items: [B010, B010]}",
         ["bad.yaml:3", "demand.foreign_permits.items", "named twice"]),
        ("demand:\n  foreign_permits: {issued_certificate: degree_cert}",
         ["bad.yaml:3", "demand.foreign_permits.issued_certificate", "not among the certificates item B011 asks for"]),
        ("population:\n  foreign_age_shares: {child: 0.5, adult: 0.6, senior: 0.1}",
         ["bad.yaml:3", "population.foreign_age_shares", "sum to 1"]),
        ("population:\n  foreign_share: 1.5",
         ["bad.yaml:3", "population.foreign_share", "between 0 and 1"]),
    ])
    func badForeignTalentDeclarations(_ body: String, _ mentions: [String]) throws {
        try check(body + "\n", status: 65, mentions: mentions)
    }
}
