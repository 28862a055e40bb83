import CSV
import Foundation
import PaodongEngine
import PaodongModel
import PaodongReports
import PaodongScenario
import Testing

/// Reports reviewers can read: CSV that opens cleanly, the memo, and notebooks.
@Suite struct ReportTests {
    /// Formula injection: a text cell starting with =, +, -, @, tab or CR gets an apostrophe; numbers stay numbers.
    @Test func cellsAreNeutralisedAgainstFormulas() throws {
        var t = CSVTable(header: ["a", "b", "c", "d", "e", "f"])
        t.append(["=HYPERLINK(\"x\")", "-3.5", "@SUM(A1)", "+1e3", "-cmd", "居住证申领, 1"])
        let text = String(decoding: t.encoded(), as: UTF8.self)
        #expect(text.contains("'=HYPERLINK"))
        #expect(text.contains(",-3.5,"))
        #expect(text.contains("'@SUM"))
        #expect(text.contains(",+1e3,"))
        #expect(text.contains("'-cmd"))
        #expect(text.contains("\"居住证申领, 1\""), "RFC 4180 quoting of a field with a comma")
        #expect(!text.hasPrefix("\u{FEFF}"))
        #expect(Format.number(-0.0001, 0) == "0" && Format.number(-0.0, 3) == "0.000" && Format.number(-0.6, 0) == "-1")
        let excel = t.encoded(excel: true)
        #expect(Array(excel.prefix(3)) == [0xEF, 0xBB, 0xBF])
    }

    /// Our encoder writes exactly what CSV.swift's writer writes (the library we read with), on
    /// fields that need quoting, doubled quotes, line breaks of every kind and non-ASCII text;
    /// and CSV.swift reads every field back unchanged.
    @Test func encodingMatchesCSVSwiftByteForByte() throws {
        let header = ["名称", "say \"hi\"", "a,b"]
        let rows = [["line\nbreak", "cr\rhere", "crlf\r\nboth"], ["", "\"", "🇨🇳 深圳, 福田"],
                    ["plain", "=1+1", "\"quoted, twice\" \"\""]]
        var table = CSVTable(header: header)
        rows.forEach { table.append($0) }

        let stream = OutputStream(toMemory: ())
        let writer = try CSVWriter(stream: stream)
        try writer.write(row: header.map(CSVTable.neutralized))
        for row in rows { try writer.write(row: row.map(CSVTable.neutralized)) }
        writer.stream.close()
        let reference = (stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()) + [0x0A]
        #expect(table.encoded() == reference)

        let reader = try CSVReader(string: String(decoding: table.encoded(), as: UTF8.self), hasHeaderRow: true)
        #expect(reader.headerRow == header)
        var read: [[String]] = []
        while let row = reader.next() { read.append(row) }
        #expect(read == rows.map { $0.map(CSVTable.neutralized) })
    }

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
                             "--scale", "0.002", "--replications", "2", "--out", out, "--quiet"])
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

    /// The exported notebooks are valid and executed, and a fresh one executes without a cell error
    /// (Python with nbformat, nbclient, ipykernel, pandas, matplotlib and scipy; .ci/run installs them).
    @Test func notebooksValidateAndExecute() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", CLI.packageRoot.appendingPathComponent("Tests/notebooks/check.py").path, CLI.executable.path]
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("paodong-nb-\(UUID().uuidString).log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        process.standardOutput = try FileHandle(forWritingTo: log)
        process.standardError = process.standardOutput
        try process.run()
        process.waitUntilExit()
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        #expect(process.terminationStatus == 0, "notebook checks failed (pip install nbformat nbclient ipykernel pandas matplotlib scipy):\n\(output.suffix(2000))")
    }
}

/// The metric registry: every declared metric has a unique name and a value on a real run, and
/// summary.csv carries exactly the declared metrics in order.
@Suite struct MetricRegistryTests {
    @Test func everyDeclaredMetricHasAValue() throws {
        let names = Metric.summary.map(\.name)
        #expect(Set(names).count == names.count, "duplicate metric names")
        #expect(RunReport.summaryHeader == ["scenario", "replication", "seed"] + names)
        for c in Channel.allCases { #expect(names.contains("share_\(c.key)"), "channel \(c.key) has no share column") }
        // 2 % of the city for 60 days: every level's halls serve, every mechanism occurs.
        var s = try ScenarioLoader.load(path: CLI.scenario("shenzhen-2020.yaml")).scaled(by: 0.02)
        s.parameters.days = 60
        let result = try Simulation(scenario: s, threads: 2).run()
        for metric in Metric.summary {
            let v = metric.value(result)
            #expect(v.isFinite, "metric \(metric.name) has no value")
            #expect(!metric.formatted(v).isEmpty, "metric \(metric.name) formats to nothing")
        }
        let row = RunReport.summaryRow(result, replication: 1)
        #expect(row.count == RunReport.summaryHeader.count)
        // Shares over channels add up to one.
        let shares = Metric.channelShares.map { $0.value(result) }.reduce(0, +)
        #expect(abs(shares - 1) < 1e-9)
    }
}
