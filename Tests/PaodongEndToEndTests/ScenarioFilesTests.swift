import Foundation
import PaodongEngine
import PaodongModel
import PaodongScenario
import PaodongTestSupport
import Testing

/// Every scenario shipped validates (and runs at a small scale: ScenarioSmokeTests, in the slow tier).
@Suite struct ScenarioFilesTests {
    /// Every YAML file under Scenarios/, ablations included, as a path relative to it.
    static let shipped: [String] = {
        let dir = CLI.packageRoot.appendingPathComponent("Scenarios").path
        let all = FileManager.default.enumerator(atPath: dir)?.compactMap { $0 as? String } ?? []
        return all.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    @Test func thereAreShippedScenarios() {
        #expect(Self.shipped.contains("shenzhen-2020.yaml"))
        #expect(Self.shipped.contains("baseline-2012.yaml"))
        #expect(Self.shipped.contains("quick.yaml"))
        #expect(Self.shipped.contains("plan-2021.yaml"))
        // One ablation per reform of docs/model.md, "Reforms".
        for reform in ["one-window", "e-certificates", "kiosks", "instant-approval", "prefill", "bundles", "mobile",
                       "online", "e-delivery", "cross-region", "unified-identity", "business-line"] {
            #expect(Self.shipped.contains("ablations/\(reform).yaml"), "no ablation for \(reform)")
        }
    }

    @Test(arguments: shipped) func validates(_ name: String) throws {
        let r = try CLI.run(["validate", CLI.scenario(name)])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("ok"))
    }

    /// A shorter run of a shipped year keeps its holiday list (those after the last day count for
    /// due dates beyond it); a holiday in a year the run does not reach is still refused.
    @Test func fewerDaysKeepTheYearsHolidays() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let run = ["run", CLI.scenario("shenzhen-2020.yaml"), "--scale", "0.001", "--quiet", "--set", "days=30"]
        let short = try CLI.run(run + ["--out", tmp.path("short")])
        #expect(short.status == 0, "\(short.stderr)")
        let typo = try CLI.run(run + ["--set", "holidays=[2020-10-01, 2021-01-01]", "--out", tmp.path("typo")])
        #expect(typo.status == 65)
        #expect(typo.stderr.contains("holiday 2021-01-01 is in no year of the simulated days 2020-01-01 … 2020-01-30; allowed: dates of 2020"),
                "\(typo.stderr)")
        #expect(!typo.stderr.contains("holiday 2020-10-01"))
    }

    /// The scaling rule (docs/model.md, Scale): a level that keeps at least one hall at this scale
    /// keeps the scaled count; a level that would keep less keeps one full-size hall per district
    /// (the windows of that district's halls at full scale), with background visits that bring the
    /// load per window back to the full city's: windows × (1 + background) = windows at full scale
    /// × scale, district by district.
    @Test func scalingKeepsLoadPerWindow() throws {
        let scenario = try ScenarioLoader.load(path: CLI.scenario("quick.yaml"))
        let full = SimulationContext(scenario: scenario.scaled(by: 1 / scenario.parameters.scale)).layout
        let layout = SimulationContext(scenario: scenario).layout
        let p = scenario.parameters
        for level in [HallLevel.street, .district, .city] {
            for d in scenario.districts.indices {
                let fullHalls = full.halls.filter { $0.level == level && $0.district == d }
                let mini = layout.halls.filter { $0.level == level && $0.district == d }
                #expect(mini.count == min(1, fullHalls.count), "\(level.key) \(d)")
                guard let hall = mini.first else { continue }
                #expect(hall.windows == fullHalls.map(\.windows).max())
                let effective = Double(hall.windows) / (1 + hall.background)
                let faithful = Double(fullHalls.reduce(0) { $0 + $1.windows }) * p.scale
                #expect(abs(effective - faithful) < 1e-6 * faithful, "\(level.key) \(d): \(effective) vs \(faithful)")
            }
        }
        let communities = scenario.districts.reduce(0) { $0 + $1.communities }
        #expect(layout.halls.filter { $0.level == .community }.count == Int((Double(communities) * p.scale).rounded()))
        #expect(layout.halls.filter { $0.level == .community }.allSatisfy { $0.background == 0 })
        #expect(full.halls.allSatisfy { $0.background == 0 } && full.kioskPools.allSatisfy { $0.background == 0 })
    }
}

/// The parameter registry drives decoding and the reference.
@Suite struct ParameterReferenceTests {
    /// docs/parameters.md is exactly what `paodong validate --explain` prints: regenerate it with
    /// `swift run -c release paodong validate --explain > docs/parameters.md` after changing a declaration.
    @Test func docsParametersIsCurrent() throws {
        let generated = try CLI.run(["validate", "--explain"])
        #expect(generated.status == 0)
        let file = try String(contentsOf: CLI.packageRoot.appendingPathComponent("docs/parameters.md"), encoding: .utf8)
        #expect(file == generated.stdout, "docs/parameters.md is stale: run `paodong validate --explain > docs/parameters.md`")
    }

    /// Every key of the reference city is shown with the line that set it, and a child's override
    /// points at the child.
    @Test func explainShowsValuesAndWhereTheyWereSet() throws {
        let r = try CLI.run(["validate", "--explain", CLI.scenario("plan-2021.yaml")])
        #expect(r.status == 0)
        #expect(r.stdout.contains("| `reforms.instant_approval.items` | 478 | plan-2021.yaml:"))
        #expect(r.stdout.contains("| `process.approval_mean_days` | 5.8 | shenzhen-2020.yaml:"))
        #expect(r.stdout.contains("| `halls.levels.street.windows_per_hall` | 15 | shenzhen-2020.yaml:"))
    }
}
