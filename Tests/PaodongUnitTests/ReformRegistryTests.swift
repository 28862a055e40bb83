import Foundation
import PaodongModel
import PaodongReports
import PaodongScenario
import PaodongTestSupport
import Testing

/// A reform added outside the library, in one type and one registry line, as README's "Adding a
/// reform" says: parcel lockers (智能柜) that take the paper result of the items they serve, so no
/// collection trip (an existing mechanism, `Flags.eDelivery`).
struct ParcelLockers: Reform, Codable, Equatable {
    static let key = "parcel_lockers"
    static let parameters = [
        Parameter("reforms.parcel_lockers.items", .integer(0...1_000_000), unit: "items",
                  doc: "Items with a paper result handed over at a parcel locker (test reform)."),
    ]
    static let selectsItems = true
    static let resolvedAfter = [ElectronicDelivery.key]
    static let ablation = "parcel-lockers"
    static let mechanisms: [ReformMechanism] = [.falls("trips_collection")]

    var enabled: Bool
    var items: Int
    var selection: ItemSelection

    init(reading r: any ReformReader) {
        enabled = r.bool("enabled"); items = r.int("items"); selection = r.selection(prefix: "")
    }

    static func eligible(_ item: Item) -> Bool { item.physicalResult }

    func check(against catalog: Catalog, reforms: Reforms, _ checks: any ReformChecks) {
        checks.checkItemSelection(items, sizeKey: "items", selection, catalog: catalog, eligible: Self.eligible,
                                  what: "with a paper result", why: "has no paper result to hand over")
    }

    func resolve(into r: inout ReformResolution) {
        r.mark(.eDelivery, where: r.select(items, selection, purpose: Self.key, eligible: Self.eligible))
    }
}

@Suite struct ReformRegistryTests {
    static let registry = ReformRegistry.standard.adding(ParcelLockers.self)

    /// shenzhen-2020 with the test reform's section (`section`, YAML flow mapping).
    static func scenario(_ tmp: TemporaryDirectory, _ section: String) throws -> String {
        try tmp.write("lockers.yaml", """
            extends: \(CLI.scenario("shenzhen-2020.yaml"))
            name: lockers
            reforms:
              parcel_lockers: \(section)
            """)
    }

    @Test func theReferenceListsTheNewReformsKeysAndNothingElseChanges() throws {
        let extended = Parameter.reference(registry: Self.registry)
        #expect(extended.contains("| `reforms.parcel_lockers.items` | an integer in 0…1000000 | items | Items with a paper result handed over at a parcel locker (test reform). |"))
        // The registry declares `enabled` and the selection keys for it.
        let enabledRow = try #require(extended.split(separator: "\n").first { $0.hasPrefix("| `reforms.<reform>.enabled`") })
        #expect(enabledRow.contains("merged_services, parcel_lockers."))
        let targetRow = try #require(extended.split(separator: "\n").first { $0.hasPrefix("| `reforms.<reform>.target`") })
        #expect(targetRow.contains("bundles, parcel_lockers."))
        // docs/parameters.md is the standard registry's reference: without the test reform's
        // additions, the extended reference is that file exactly.
        let docs = try String(contentsOf: CLI.packageRoot.appendingPathComponent("docs/parameters.md"), encoding: .utf8)
        let stripped = extended.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.contains("reforms.parcel_lockers.") }
            .map { $0.replacingOccurrences(of: ", parcel_lockers.", with: ".") }
            .joined(separator: "\n")
        #expect(stripped == docs)
        #expect(Parameter.reference() == docs)
    }

    @Test func aScenarioReadsResolvesAndExplainsTheNewReform() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let path = try Self.scenario(tmp, "{enabled: true, items: 300, target: volume, include: [G0100]}")
        let base = try ScenarioLoader.load(path: CLI.scenario("shenzhen-2020.yaml"))
        let s = try ScenarioLoader.load(path: path, registry: Self.registry)
        let lockers = try #require(s.parameters.reforms[ParcelLockers.self])
        #expect(lockers.items == 300 && lockers.selection.target == .volume && lockers.selection.include == ["G0100"])
        #expect(s.parameters.reforms[Prefill.self] == base.parameters.reforms[Prefill.self])
        // What it resolves to: more delivered results, among items with a paper result only, and
        // nothing else moves.
        let before = ResolvedReforms(scenario: base, kiosksAvailable: true)
        let after = ResolvedReforms(scenario: s, kiosksAvailable: true)
        let added = s.catalog.items.indices.filter { after.flags[$0].contains(.eDelivery) && !before.flags[$0].contains(.eDelivery) }
        #expect(!added.isEmpty && added.count <= 300)
        #expect(added.allSatisfy { s.catalog.items[$0].physicalResult })
        #expect(s.catalog.items.indices.allSatisfy {
            after.flags[$0].subtracting(.eDelivery) == before.flags[$0].subtracting(.eDelivery) && after.channels[$0] == before.channels[$0]
        })
        #expect(added.allSatisfy { after.designTrips[$0] <= before.designTrips[$0] })
        // The manifest encodes it under its key.
        let json = String(decoding: try JSONEncoder().encode(s.parameters.reforms), as: UTF8.self)
        #expect(json.contains("\"parcel_lockers\":{"))
        // validate --explain SCENARIO shows its value and where it was set.
        let explained = try ScenarioLoader.explain(path: path, registry: Self.registry)
        #expect(explained.contains("| `reforms.parcel_lockers.items` | 300 | lockers.yaml:4 |"))
        // Off, it changes nothing.
        let off = try ScenarioLoader.load(path: try Self.scenario(tmp, "{enabled: false, items: 300}"), registry: Self.registry)
        #expect(ResolvedReforms(scenario: off, kiosksAvailable: true).flags == before.flags)
    }

    @Test func theNewReformIsValidatedLikeEveryOther() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        func issues(_ section: String, registry: ReformRegistry = ReformRegistryTests.registry) throws -> [ScenarioIssue] {
            let path = try Self.scenario(tmp, section)
            do { _ = try ScenarioLoader.load(path: path, registry: registry) } catch let e as ScenarioError { return e.issues }
            return []
        }
        // Its own check, located at its key.
        let tooMany = try issues("{enabled: true, items: 100000}")
        #expect(tooMany.contains { $0.key == "reforms.parcel_lockers.items" && $0.message.contains("with a paper result") && $0.line == 4 })
        // Its keys through their declarations: a wrong type, an unknown key.
        #expect(try issues("{enabled: yes please, items: 3}").contains { $0.key == "reforms.parcel_lockers.enabled" })
        #expect(try issues("{enabled: true, items: 3, colour: red}").contains {
            $0.key == "reforms.parcel_lockers.colour" && $0.message.contains("unknown key")
        })
        // A scenario that names it without the reform registered: unknown key.
        #expect(try issues("{enabled: true, items: 3}", registry: .standard).contains { $0.key == "reforms.parcel_lockers" })
        // With it registered, a scenario must say whether it acts.
        do {
            _ = try ScenarioLoader.load(path: CLI.scenario("shenzhen-2020.yaml"), registry: Self.registry)
            Issue.record("shenzhen-2020 without a parcel_lockers section loaded")
        } catch let e as ScenarioError {
            #expect(e.issues.contains { $0.key == "reforms.parcel_lockers" && $0.message.contains("missing") })
        }
    }

    @Test func resolutionFollowsDeclaredDependencies() {
        let order = Self.registry.resolutionOrder.map { Self.registry.types[$0].key }
        #expect(order.firstIndex(of: "prefill")! < order.firstIndex(of: "instant_approval")!)
        #expect(order.firstIndex(of: "e_delivery")! < order.firstIndex(of: "parcel_lockers")!)
        #expect(Set(order) == Set(Self.registry.keys) && order.count == Self.registry.keys.count)
    }

    /// Every shipped reform names an ablation that exists and mechanisms the metric registry knows.
    @Test func everyShippedReformHasItsAblation() throws {
        for type in ReformRegistry.standard.types {
            let file = CLI.packageRoot.appendingPathComponent("Scenarios/ablations/\(type.ablation).yaml").path
            #expect(FileManager.default.fileExists(atPath: file), "\(type.key): no \(file)")
            #expect(!type.mechanisms.isEmpty, "\(type.key) names no mechanism")
            for m in type.mechanisms {
                #expect(Metric.summary.contains { $0.name == m.metric }, "\(type.key): \(m.metric) is not a summary metric")
            }
            let s = try ScenarioLoader.load(path: file)
            #expect(s.parameters.reforms[key: type.key]?.enabled == true, "\(type.key) is off in its own ablation")
        }
    }
}
