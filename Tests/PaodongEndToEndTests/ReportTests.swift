import CSV
import Foundation
import PaodongEngine
import PaodongModel
import PaodongReports
import PaodongScenario
import PaodongTestSupport
import Testing

/// Reports reviewers can read: CSV that opens cleanly, the memo, and notebooks.
@Suite struct ReportTests {

    @Test func excelFlagWritesAByteOrderMarkOnEveryCSV() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let out = tmp.path("run")
        let r = try CLI.run(["run", CLI.scenario("quick.yaml"), "--scale", "0.05", "--excel", "--out", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        for file in ["summary.csv", "by_item.csv", "halls.csv", "daily.csv"] {
            let data = try Data(contentsOf: URL(fileURLWithPath: out + "/" + file))
            #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF], "\(file)")
        }
        let memo = try CLI.run(["report", out])
        #expect(memo.status == 0)
        #expect(memo.stdout.contains("Trips per application"))
        #expect(FileManager.default.fileExists(atPath: out + "/summary.md"))
    }

    /// window_groups.csv adds up to halls.csv: each hall's groups hold its windows, its served
    /// and unserved joins, and their served-weighted waits give its mean wait.
    @Test func windowGroupsAddUpToTheirHalls() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let out = tmp.path("run")
        let r = try CLI.run(["run", CLI.scenario("baseline-2012.yaml"), "--scale", "0.01", "--set", "days=20", "--set", "holidays=[]", "--out", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        func rows(_ file: String) throws -> [[String: String]] {
            let lines = try String(contentsOfFile: out + "/" + file, encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(lines[0], $0)) }
        }
        let groups = Dictionary(grouping: try rows("window_groups.csv"), by: { $0["hall_id"]! })
        let halls = try rows("halls.csv").filter { $0["level"] != "kiosk" }
        #expect(halls.count == groups.count)
        var departmental = 0
        for hall in halls {
            let own = try #require(groups[hall["hall_id"]!])
            func sum(_ key: String) -> Double { own.reduce(0) { $0 + Double($1[key]!)! } }
            #expect(own.count == Int(hall["window_groups"]!)!)
            #expect(sum("windows") == Double(hall["windows"]!)!)
            #expect(sum("served") == Double(hall["served"]!)!)
            #expect(sum("joins") - sum("served") == Double(hall["unserved"]!)!)
            let waited = own.reduce(0) { $0 + Double($1["served"]!)! * Double($1["wait_mean_min"]!)! }
            let served = Double(hall["served"]!)!
            if served > 0 { #expect(abs(waited / served - Double(hall["wait_mean_min"]!)!) <= 0.0011, "\(hall["hall_id"]!)") }
            if own.count > 1 { departmental += 1 }
        }
        #expect(departmental > 0, "baseline-2012 has departmental windows")
    }

    @Test func reportOfAComparisonGivesTheIntervals() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let out = tmp.path("cmp")
        let r = try CLI.run(["compare", CLI.scenario("baseline-2012.yaml"), CLI.scenario("shenzhen-2020.yaml"),
                             "--scale", "0.002", "--replications", "2", "--set", "days=60", "--set", "holidays=[]", "--out", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let memo = try CLI.run(["report", out])
        #expect(memo.status == 0)
        #expect(memo.stdout.contains("| Trips per application | "))
        #expect(memo.stdout.contains(" to "), "confidence intervals")
        let notebook = try CLI.run(["notebook", out])
        #expect(notebook.status == 0, "\(notebook.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/report.ipynb"))) as? [String: Any]
        #expect(json?["nbformat"] as? Int == 4)
        #expect(try CLI.run(["report", tmp.path("nothing")]).status == 66)
        // A comparison whose table was edited by hand is refused at its line, never averaged over
        // what is left.
        var text = try String(contentsOfFile: out + "/comparison.csv", encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[3] = lines[3].split(separator: ",").dropLast().joined(separator: ",")
        text = lines.joined(separator: "\n")
        try text.write(toFile: out + "/comparison.csv", atomically: true, encoding: .utf8)
        let cut = try CLI.run(["report", out])
        #expect(cut.status == 65 && cut.stderr.contains("comparison.csv:4: row has"), "\(cut.stderr)")
    }

    /// A run's summary.csv cut short, not UTF-8, or with a word for a number is an error naming the
    /// file and line (exit 65); the memo never averages over the rows that are left.
    @Test func reportRefusesADamagedSummary() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let out = tmp.path("run")
        let r = try CLI.run(["run", CLI.scenario("quick.yaml"), "--scale", "0.05", "--set", "days=20", "--set", "holidays=[]",
                             "--replications", "2", "--out", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let file = out + "/summary.csv"
        let whole = try String(contentsOfFile: file, encoding: .utf8)
        var rows = whole.split(separator: "\n").map(String.init)
        let header = rows[0].split(separator: ",").map(String.init)
        let column = try #require(header.firstIndex(of: "trips_per_application"))
        func refused(_ text: String, _ fragment: String) throws {
            try Data(text.utf8).write(to: URL(fileURLWithPath: file))
            let memo = try CLI.run(["report", out])
            #expect(memo.status == 65 && memo.stderr.contains(fragment), "\(memo.stderr)")
        }
        try refused(rows[0] + "\n" + rows[1] + "\n" + rows[2].prefix(40) + "\n", "summary.csv:3: row has")
        var fields = rows[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[column] = "many"
        rows[2] = fields.joined(separator: ",")
        try refused(rows.joined(separator: "\n") + "\n", "summary.csv:3: column trips_per_application holds 'many'")
        try Data([0xFF, 0xFE, 0x00, 0x41]).write(to: URL(fileURLWithPath: file))
        #expect(try CLI.run(["report", out]).stderr.contains("not valid UTF-8"))
        try Data(whole.utf8).write(to: URL(fileURLWithPath: file))
        #expect(try CLI.run(["report", out]).status == 0)
    }
}
