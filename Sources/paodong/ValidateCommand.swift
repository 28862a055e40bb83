import ArgumentParser
import PaodongEngine
import PaodongModel
import PaodongScenario

/// `paodong validate SCENARIO.yaml`: check a scenario and its data files; run nothing.
/// `paodong validate --explain [SCENARIO.yaml]`: the parameter reference (docs/parameters.md), or
/// a scenario's every key with its value and the file and line that set it.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a scenario file and its data; run nothing. With --explain, print the parameter reference.")

    @Argument(help: "The scenario file (YAML); optional with --explain.")
    var scenario: String?

    @Flag(help: "Print every scenario key with its type, range, unit and meaning (Markdown; docs/parameters.md is this output); with a scenario, its values and where each was set.")
    var explain = false

    func validate() throws {
        if scenario == nil && !explain { throw ValidationError("validate needs a scenario file (or --explain)") }
    }

    func run() throws {
        if explain {
            if let scenario {
                do { print(try ScenarioLoader.explain(path: scenario), terminator: "") } catch { throw fail(error) }
            } else {
                print(Parameter.reference(), terminator: "")
            }
            return
        }
        guard let scenario else { return }
        let s: Scenario
        do { s = try ScenarioLoader.load(path: scenario) } catch { throw fail(error) }
        let p = s.parameters
        let policy = ResolvedReforms(scenario: s, kiosksAvailable: p.kiosks.count > 0)
        print("\(scenario): ok")
        print("  scenario \(p.name): \(p.population.residents) residents, \(p.population.businesses) businesses, scale \(p.scale), \(p.days) days from \(p.startDate)")
        print("  catalog \(s.catalog.items.count) items, \(s.catalog.certificates.count) certificate types, \(s.catalog.departments.count) departments, \(s.catalog.lifeEvents.count) life events")
        func pct(_ x: Double) -> String { String(format: "%.2f %%", 100 * x) }
        let personal = s.catalog.items.indices.filter { s.catalog.items[$0].audience == .personal }
        let business = s.catalog.items.indices.filter { s.catalog.items[$0].audience == .business }
        func mobileShare(_ ids: [Int]) -> Double { Double(ids.filter { policy.channels[$0].contains(.mobile) }.count) / Double(max(1, ids.count)) }
        print("  items with at most one design trip \(pct(policy.itemsShareAtMostOneTrip)); licensing items with zero \(pct(policy.licensingItemsShareZeroTrip(s.catalog)))")
        print("  online \(policy.count(Channel.web)) items; mobile \(pct(mobileShare(personal))) of personal, \(pct(mobileShare(business))) of business items")
        // What each count-based reform reaches, in expected needs (the planner's sanity check).
        let needs = s.expectedNeeds
        let total = needs.reduce(0, +)
        func reach(_ has: (Int) -> Bool) -> String {
            pct(needs.indices.filter(has).reduce(0) { $0 + needs[$1] } / max(total, 1e-300))
        }
        func reach(_ f: ResolvedReforms.Flags) -> String { reach { policy.flags[$0].contains(f) } }
        let eventNeeds = s.catalog.expectedEventNeeds(agents: s.audienceAgents)
        let bundledNeeds = eventNeeds.indices.filter { policy.bundledEvents[$0] }.reduce(0) { $0 + eventNeeds[$1] }
        print("  share of expected needs reached: instant \(reach(.instant)), pre-filled \(reach(.prefill)), kiosk \(reach { policy.channels[$0].contains(.kiosk) }), bundled \(pct(bundledNeeds / max(total, 1e-300)))")
        print("  e-certificates cover \(pct(policy.certificateUseCovered(s.catalog))) of certificate use; instant \(policy.count(.instant)), pre-filled instant \(policy.count([.prefill, .instant])), kiosk \(policy.count(Channel.kiosk)), cross-city \(policy.count(.crossCityKiosk)) items; \(policy.bundledItemCount(s.catalog)) items in bundles")
    }
}
