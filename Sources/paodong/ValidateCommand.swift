import ArgumentParser
import PaodongEngine
import PaodongModel
import PaodongScenario

/// `paodong validate SCENARIO.yaml`: check a scenario and its data files; run nothing.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "validate", abstract: "Check a scenario file and its data; run nothing.")

    @Argument(help: "The scenario file (YAML).")
    var scenario: String

    func run() throws {
        let s: Scenario
        do { s = try ScenarioLoader.load(path: scenario) } catch { throw fail(error) }
        let p = s.parameters
        let policy = CatalogPolicy(catalog: s.catalog, reforms: p.reforms, kiosksAvailable: p.kiosks.count > 0)
        print("\(scenario): ok")
        print("  scenario \(p.name): \(p.population.residents) residents, \(p.population.businesses) businesses, scale \(p.scale), \(p.days) days from \(p.startDate)")
        print("  catalog \(s.catalog.items.count) items, \(s.catalog.certificates.count) certificate types, \(s.catalog.departments.count) departments, \(s.catalog.lifeEvents.count) life events")
        print("  items with at most one design trip: \(String(format: "%.4f", policy.itemsShareAtMostOneTrip)); licensing items with zero: \(String(format: "%.4f", policy.licensingItemsShareZeroTrip(s.catalog)))")
    }
}
