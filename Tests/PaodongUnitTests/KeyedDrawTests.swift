import PaodongModel
import PaodongScenario
import PaodongTestSupport
import Testing

/// Keys that do not move: each generated item's attributes and each reform's selection keys depend
/// on (seed, item id, purpose) alone, so that changing how one attribute is drawn, or adding a
/// reform, leaves every other draw of every item as it was.
@Suite struct KeyedDrawTests {
    static func catalog(_ overrides: [String] = []) throws -> (Catalog, CatalogParameters) {
        let s = try ScenarioLoader.load(path: CLI.scenario("shenzhen-2020.yaml"), overrides: overrides)
        return (s.catalog, s.parameters.catalog)
    }

    /// Items equal but for the named attributes.
    static func sameBut(_ a: Item, _ b: Item, _ allowed: Set<String>) -> Bool {
        var b = b
        if allowed.contains("hometown") { b.hometown = a.hometown }
        if allowed.contains("certificates") { b.certificates = a.certificates }
        if allowed.contains("demandWeight") { b.demandWeight = a.demandWeight }
        return a == b
    }

    /// Changing how one attribute is drawn moves that attribute only. Under a shared sequential
    /// stream, a hometown share of 0 (no draw) or a different certificate count shifts every later
    /// item's draws; with keyed draws every other attribute of every item stays.
    @Test func changingOneAttributeMovesNoOther() throws {
        let (catalog, _) = try Self.catalog()
        for (override, allowed) in [("catalog.hometown_share=0", Set(["hometown"])), ("catalog.certificates_per_item_mean=4", ["certificates"])] {
            let (other, _) = try Self.catalog([override])
            #expect(other.items.count == catalog.items.count)
            let moved = zip(catalog.items, other.items).filter { !Self.sameBut($0, $1, allowed) }.count
            #expect(moved == 0, "\(moved) items moved beyond \(allowed)")
            // The changed attribute did change somewhere (the test can fail).
            #expect(zip(catalog.items, other.items).contains { $0 != $1 })
        }
    }

    /// A generated item's attribute is its keyed stream's draw, whatever item or attribute came before.
    @Test func anAttributeIsItsKeyedDraw() throws {
        let (catalog, p) = try Self.catalog()
        let generated = catalog.items.filter { $0.id.hasPrefix("G") }
        #expect(generated.count > 7000)
        for item in generated {
            let licensing = RandomStream(seed: p.seed, id: item.id, purpose: "item.licensing").bernoulli(p.licensingShare)
            let presence = RandomStream(seed: p.seed, id: item.id, purpose: "item.physical_presence")
                .bernoulli(p.physicalPresenceShare)
            #expect(item.licensing == licensing && item.physicalPresence == presence, "\(item.id)")
        }
    }

    /// Selection keys: uniform-looking, distinct per purpose, and a function of (seed, id, purpose) only.
    @Test func selectionKeysArePerPurpose() throws {
        let (catalog, _) = try Self.catalog()
        let n = catalog.items.count
        let kiosk = (0..<n).map { catalog.selectionKey($0, "kiosks") }
        let prefill = (0..<n).map { catalog.selectionKey($0, "prefill") }
        #expect(kiosk != prefill)
        let mean = kiosk.reduce(0, +) / Double(n)
        #expect(abs(mean - 0.5) < 0.01)
        #expect(kiosk.allSatisfy { $0 >= 0 && $0 < 1 })
        // Dropping every other item leaves the remaining items' keys as they were.
        var half = catalog
        half.items = catalog.items.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        for j in half.items.indices { #expect(half.selectionKey(j, "kiosks") == kiosk[2 * j]) }
    }
}
