import Foundation
import PaodongScenario
import PaodongTestSupport
import Testing

/// Every scenario shipped runs at a small scale with a fixed seed and writes every report (Mesa's
/// habit). In the slow tier: each run plays the full-size call centre and halls for its year.
@Suite struct ScenarioSmokeTests {
    /// Every YAML file under Scenarios/, ablations included, as a path relative to it.
    static let shipped: [String] = {
        let dir = CLI.packageRoot.appendingPathComponent("Scenarios").path
        let all = FileManager.default.enumerator(atPath: dir)?.compactMap { $0 as? String } ?? []
        return all.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    @Test(arguments: shipped) func runsAtSmallScale(_ name: String) throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let scenario = try ScenarioLoader.load(path: CLI.scenario(name))
        // About 20,000 agents whatever the file's own scale.
        let factor = 20_000 / (Double(scenario.parameters.population.residents) * scenario.parameters.scale)
        let out = tmp.path("run")
        let r = try CLI.run(["run", CLI.scenario(name), "--out", out, "--scale", String(factor), "--seed", "7", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        for file in ["summary.csv", "by_item.csv", "by_segment.csv", "by_district.csv", "halls.csv", "daily.csv", "hotline.csv", "manifest.json"] {
            #expect(FileManager.default.fileExists(atPath: out + "/" + file), "\(file) missing")
        }
        let summary = try readCSV(out + "/summary.csv")
        #expect(summary.count == 1)
        #expect((Int(summary[0]["completed"] ?? "") ?? 0) > 0)
    }
}
