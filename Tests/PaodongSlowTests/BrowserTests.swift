import Foundation
import PaodongTestSupport
import Testing

/// The live view as a person sees it: headless Chromium (Debian's chromium and chromium-driver,
/// driven by Selenium from PyPI; `.ci/run` installs them) loads the page of a live run and of a
/// served comparison, and `Tests/browser/check_view.py` checks what it shows against the CSVs.
@Suite(.serialized) struct BrowserTests {
    /// Runs check_view.py on `url` against `directory`; its checks are printed one per line.
    private func check(_ url: String, _ directory: String, extra: [String] = []) throws -> CLI.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", CLI.packageRoot.appendingPathComponent("Tests/browser/check_view.py").path, url, directory,
                             "--timeout", "300"] + extra
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return CLI.Result(status: process.terminationStatus, stdout: text, stderr: "")
    }

    @Test func theLiveViewShowsTheRunsFigures() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let scenario = try tmp.smallCity("shenzhen-2020.yaml", days: 60)
        let served = try ServedCLI(["run", scenario, "--serve", "--port", "0", "--out", tmp.path("live"), "--quiet"])
        let shot = tmp.path("live.png")
        let r = try check(served.url, tmp.path("live"), extra: ["--screenshot", shot])
        let stopped = served.stop()
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.contains("ok no console error") && r.stdout.contains("ok 10 tiles"), "\(r.stdout)")
        #expect(stopped.status == 0, "\(stopped.stderr)")
        let png = try Data(contentsOf: URL(fileURLWithPath: shot))
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]) && png.count > 20_000, "a screenshot of the page")
    }

    @Test func aLiveComparisonShowsBothScenariosAndWhatWasAvoided() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let base = try tmp.smallCity("baseline-2012.yaml", days: 30)
        let other = try tmp.write("other.yaml", """
            extends: \(CLI.scenario("shenzhen-2020.yaml"))
            name: other
            scale: 0.01
            days: 30
            holidays: []
            """)
        let served = try ServedCLI(["compare", base, other, "--replications", "2", "--serve", "--port", "0", "--out", tmp.path("cmp"), "--quiet"])
        let r = try check(served.url, tmp.path("cmp"), extra: ["--compare", "2"])
        #expect(served.stop().status == 0)
        #expect(r.status == 0, "\(r.stdout)")
        #expect(r.stdout.contains("ok avoided against the baseline shown for 1 scenarios"), "\(r.stdout)")

        // The same comparison, finished, through `paodong serve`.
        let library = try ServedCLI(["serve", tmp.path("cmp"), "--port", "0"])
        let s = try check(library.url, tmp.path("cmp"), extra: ["--compare", "2"])
        #expect(library.stop().status == 0)
        #expect(s.status == 0, "\(s.stdout)")
    }
}
