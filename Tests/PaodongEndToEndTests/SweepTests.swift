import Foundation
import PaodongTestSupport
import Testing

/// `paodong sweep` and `paodong merge`: one process and shards give the same bytes, Morris agrees
/// with SALib, bad designs are refused with located messages.
@Suite struct SweepTests {
    /// A 20-day quick city, so that a run takes a fraction of a second.
    static func tinyScenario(_ tmp: TemporaryDirectory) throws -> String {
        try tmp.write("tiny.yaml", "extends: \(CLI.scenario("quick.yaml"))\ndays: 20\nholidays: []\n")
    }

    static let grid = """
        scenario: tiny.yaml
        scale: 0.1
        replications: 2
        seed: 1
        method: grid
        factors:
          - key: reforms.e_certificates.types
            values: [0, 200, 393]
          - key: process.approval_mean_days
            low: 4
            high: 8
            levels: 2
        """

    @Test func shardsMergeToTheSameBytesAsOneProcess() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        _ = try Self.tinyScenario(tmp)
        let design = try tmp.write("grid.yaml", Self.grid)
        let one = try CLI.run(["sweep", design, "--out", tmp.path("one"), "--quiet", "--threads", "1"])
        #expect(one.status == 0, "\(one.stderr)")
        var parts: [String] = []
        for k in 1...3 {
            let r = try CLI.run(["sweep", design, "--shard", "\(k)/3", "--out", tmp.path("part\(k)"), "--quiet", "--threads", "2"])
            #expect(r.status == 0, "\(r.stderr)")
            parts.append(tmp.path("part\(k)"))
        }
        let merged = try CLI.run(["merge"] + parts.reversed() + ["--out", tmp.path("merged")])
        #expect(merged.status == 0, "\(merged.stderr)")
        let a = try Data(contentsOf: URL(fileURLWithPath: tmp.path("one") + "/sweep.csv"))
        let b = try Data(contentsOf: URL(fileURLWithPath: tmp.path("merged") + "/sweep.csv"))
        #expect(a == b, "sharded and merged sweep.csv differs from the one-process sweep")
        let rows = try readCSV(tmp.path("one") + "/sweep.csv")
        #expect(rows.count == 12)
        // Points share their random numbers: replication r has seed + r − 1 at every point.
        #expect(Set(rows.filter { $0["replication"] == "2" }.map { $0["seed"]! }) == ["2"])
        // The factor moves its mechanism: more e-certificates, fewer document trips.
        let documents = { (types: String) in rows.filter { $0["reforms.e_certificates.types"] == types }.map { Double($0["trips_documents"]!)! }.reduce(0, +) }
        #expect(documents("393") < documents("0"))
        // Incomplete merges are refused.
        let missing = try CLI.run(["merge", parts[0], parts[1], "--out", tmp.path("bad")])
        #expect(missing.status == 65 && missing.stderr.contains("in no part"))
        let twice = try CLI.run(["merge", parts[0], parts[0], parts[1], parts[2], "--out", tmp.path("bad")])
        #expect(twice.status == 65 && twice.stderr.contains("merged once"))
        // Parts of another design are refused.
        let other = try tmp.write("other.yaml", Self.grid.replacingOccurrences(of: "seed: 1", with: "seed: 2"))
        #expect(try CLI.run(["sweep", other, "--shard", "1/3", "--out", tmp.path("otherpart"), "--quiet"]).status == 0)
        let mixed = try CLI.run(["merge", tmp.path("otherpart"), parts[1], parts[2], "--out", tmp.path("bad")])
        #expect(mixed.status == 65 && mixed.stderr.contains("another design"))
        #expect(!FileManager.default.fileExists(atPath: tmp.path("bad")))
        try Self.tamperedPartsAreRefused(parts, in: tmp)
    }

    /// A part edited by hand (or cut short, or of another version) is refused before anything is
    /// written, each problem at its file and line: a merge stands for runs it never saw, so
    /// part.json, sweep.csv and design.csv must agree.
    static func tamperedPartsAreRefused(_ parts: [String], in tmp: TemporaryDirectory) throws {
        let fm = FileManager.default
        func edit(_ file: String, _ change: (String) -> String) throws -> String {
            let copy = tmp.path("tampered")
            try? fm.removeItem(atPath: copy)
            try fm.copyItem(atPath: parts[0], toPath: copy)
            let path = copy + "/" + file
            try change(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
            return copy
        }
        func line(_ text: String, _ k: Int, _ change: (String) -> String) -> String {
            var lines = text.components(separatedBy: "\n")
            lines[k] = change(lines[k])
            return lines.joined(separator: "\n")
        }
        let cases: [(String, (String) -> String, [String])] = [
            ("part.json", { $0.replacingOccurrences(of: "\"runs\" : 12", with: "\"runs\" : -5") }, ["part.json: key 'runs'", "points × 2 replications"]),
            ("part.json", { $0.replacingOccurrences(of: "\"runs\" : 12", with: "\"runs\" : 100000000000") }, ["part.json: key 'runs'"]),
            ("part.json", { $0.replacingOccurrences(of: "\"replications\" : 2", with: "\"replications\" : 0") }, ["key 'replications': 0 is outside 1…1000"]),
            ("part.json", { $0.replacingOccurrences(of: "\"method\" : \"grid\"", with: "\"method\" : \"guess\"") }, ["key 'method'", "grid, lhs, morris"]),
            ("sweep.csv", { line($0, 1) { $0.split(separator: ",").dropLast().joined(separator: ",") } }, ["sweep.csv:2: row has"]),
            ("sweep.csv", { line($0, 0) { $0.replacingOccurrences(of: "trips_per_need", with: "trips") } }, ["sweep.csv:1: header column"]),
            ("sweep.csv", { line($0, 1) { "1,2" + $0.dropFirst(3) } }, ["sweep.csv:2: point, replication, seed are 1, 2, 1"]),
            ("design.csv", { line($0, 1) { _ in "1,0,5.0" } }, ["sweep.csv:2: factor values differ from point 1"]),
            ("design.csv", { line($0, 2) { _ in "2,0,nan" } }, ["design.csv:3: expected point 2 and 2 finite numbers"]),
        ]
        for (file, change, fragments) in cases {
            let copy = try edit(file, change)
            let r = try CLI.run(["merge", copy] + parts.dropFirst() + ["--out", tmp.path("bad")])
            #expect(r.status == 65 && fragments.allSatisfy(r.stderr.contains), "\(file): \(r.stderr)")
            #expect(!fm.fileExists(atPath: tmp.path("bad")))
        }
        // The same part untouched still merges.
        let copy = try edit("part.json", { $0 })
        #expect(try CLI.run(["merge", copy] + parts.dropFirst() + ["--out", tmp.path("good")]).status == 0)
    }

    /// sensitivity.csv's μ, μ* and σ equal SALib's morris.analyze on the same sample and outputs.
    @Test func morrisAgreesWithSALib() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        _ = try Self.tinyScenario(tmp)
        let design = try tmp.write("morris.yaml", """
            scenario: tiny.yaml
            scale: 0.1
            replications: 2
            seed: 3
            method: morris
            trajectories: 4
            levels: 4
            factors:
              - {key: reforms.e_certificates.types, low: 0, high: 393}
              - {key: process.approval_mean_days, low: 2, high: 8}
              - {key: behaviour.adoption_probability, low: 0.01, high: 0.2}
            """)
        let r = try CLI.run(["sweep", design, "--out", tmp.path("out"), "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try readCSV(tmp.path("out") + "/design.csv").count == 4 * 4)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", CLI.packageRoot.appendingPathComponent("Tests/sweep/check_morris.py").path, tmp.path("out"), "4"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "SALib check failed (pip install SALib): \(output)")
    }

    @Test(arguments: [
        ("key: process.approval_mean_dayz\n    low: 1\n    high: 2", "lhs", ["design.yaml:", "factors[0].key", "unknown scenario key"]),
        ("key: process.approval_mean_days\n    low: 8\n    high: 4", "lhs", ["design.yaml:", "factors[0]", "above high"]),
        ("key: process.approval_mean_days\n    low: 1\n    high: 400", "lhs", ["factors[0]", "out of range", "365"]),
        ("key: reforms.kiosks.target\n    low: 1\n    high: 2", "lhs", ["factors[0].key", "not a number"]),
        ("key: process.approval_mean_days\n    low: 1\n    high: 2\n    colour: red", "lhs", ["factors[0].colour", "unknown key"]),
    ])
    func badDesignsAreRefused(_ factor: String, _ method: String, _ mentions: [String]) throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        _ = try Self.tinyScenario(tmp)
        let design = try tmp.write("design.yaml", """
            scenario: tiny.yaml
            scale: 0.1
            replications: 1
            seed: 1
            method: \(method)
            samples: 3
            factors:
              - \(factor)
            """)
        let r = try CLI.run(["sweep", design, "--out", tmp.path("out"), "--quiet"])
        #expect(r.status == 65, "exit \(r.status): \(r.stderr)")
        for m in mentions { #expect(r.stderr.contains(m), "stderr lacks '\(m)': \(r.stderr)") }
        #expect(!FileManager.default.fileExists(atPath: tmp.path("out")))
    }

    @Test func zeroTrajectoriesAndABadShardAreRefused() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        _ = try Self.tinyScenario(tmp)
        let design = try tmp.write("m.yaml", """
            scenario: tiny.yaml
            scale: 0.1
            replications: 1
            seed: 1
            method: morris
            trajectories: 0
            levels: 4
            factors:
              - {key: process.approval_mean_days, low: 2, high: 8}
            """)
        let r = try CLI.run(["sweep", design, "--out", tmp.path("out"), "--quiet"])
        #expect(r.status == 65 && r.stderr.contains("trajectories"), "\(r.stderr)")
        let grid = try tmp.write("grid.yaml", Self.grid)
        let shard = try CLI.run(["sweep", grid, "--shard", "3/2", "--out", tmp.path("out")])
        #expect(shard.status == 64 && shard.stderr.contains("--shard"), "\(shard.stderr)")
        // A grid of astronomical size is refused from its size, before any point is made.
        let keys = ["process.approval_mean_days", "process.document_travel_min", "process.hometown_travel_min",
                    "process.form_min_per_complexity", "halls.overtime_min"]
        let huge = try tmp.write("huge.yaml", "scenario: tiny.yaml\nscale: 0.1\nreplications: 1\nseed: 1\nmethod: grid\nfactors:\n"
                                 + keys.map { "  - {key: \($0), low: 1, high: 9, levels: 10000}\n" }.joined())
        let boom = try CLI.run(["sweep", huge, "--out", tmp.path("out")], memoryLimitKB: 2_000_000, hangGuardSeconds: 120)
        #expect(boom.status == 65 && boom.stderr.contains("points; at most"), "\(boom.stderr)")
    }

    /// An interrupted sweep keeps its finished runs and --resume completes it with the same bytes
    /// as an uninterrupted sweep.
    @Test func anInterruptedSweepResumesToTheSameResult() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        _ = try Self.tinyScenario(tmp)
        let design = try tmp.write("grid.yaml", Self.grid)
        let whole = try CLI.run(["sweep", design, "--out", tmp.path("whole"), "--quiet"])
        #expect(whole.status == 0)
        // Signal once two runs are done (the progress line says so).
        let (status, seen) = try CLI.interrupt(["sweep", design, "--out", tmp.path("cut")], when: "2/12 runs done", signal: SIGINT)
        #expect(seen.contains("2/12 runs done") && status == 130, "\(seen)")
        #expect(!FileManager.default.fileExists(atPath: tmp.path("cut")), "an interrupted sweep must not look complete")
        // A saved run cut short (a disk filled up, a hand edit) runs again rather than crash the
        // resume or slip a short row into sweep.csv.
        let saved = tmp.path(".cut.sweep-work/runs")
        let first = try #require(try FileManager.default.contentsOfDirectory(atPath: saved).sorted().first)
        try Data("1,1".utf8).write(to: URL(fileURLWithPath: saved + "/" + first))
        let again = try CLI.run(["sweep", design, "--out", tmp.path("cut"), "--quiet"])
        #expect(again.status == 73 && again.stderr.contains("--resume"), "\(again.stderr)")
        let resumed = try CLI.run(["sweep", design, "--out", tmp.path("cut"), "--quiet", "--resume"])
        #expect(resumed.status == 0 && resumed.stderr.contains("is damaged; it runs again"), "\(resumed.stderr)")
        let a = try Data(contentsOf: URL(fileURLWithPath: tmp.path("whole") + "/sweep.csv"))
        let b = try Data(contentsOf: URL(fileURLWithPath: tmp.path("cut") + "/sweep.csv"))
        #expect(a == b)
    }
}

/// Every design shipped under Designs/ checks out (`--dry-run` loads every point's scenario).
@Suite struct DesignFilesTests {
    static let shipped: [String] = {
        let dir = CLI.packageRoot.appendingPathComponent("Designs").path
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    @Test(arguments: shipped) func checksOut(_ name: String) throws {
        let r = try CLI.run(["sweep", CLI.packageRoot.appendingPathComponent("Designs/\(name)").path, "--dry-run"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("runs of"))
    }
}
