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
    }
}
