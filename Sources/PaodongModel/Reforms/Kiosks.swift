/// Self-service kiosks (自助终端): `items` items served at a kiosk, and 跨城通办, `crossCityItems`
/// items a kiosk serves across cities (for a hometown item, instead of the trip home). Acts only
/// where the city has kiosks.
public struct Kiosks: Reform, Codable, Equatable {
    public static let key = "kiosks"
    public static let parameters = [
        Parameter("reforms.kiosks.items", .integer(0...1_000_000), unit: "items", doc: "Items a kiosk serves (no biometrics items)."),
        Parameter("reforms.kiosks.cross_city_items", .integer(0...1_000_000), unit: "items",
                  doc: "Items served at kiosks across cities (跨城通办); hometown items first."),
    ] + ItemSelection.parameters(section: "reforms.kiosks", prefix: "cross_city_", of: "the cross-city items")
    public static let selectsItems = true
    public static let ablation = "kiosks"
    public static let mechanisms: [ReformMechanism] = [.rises("share_kiosk")]

    public var enabled: Bool
    public var items: Int
    public var selection: ItemSelection
    /// Hometown items that a kiosk in the city can serve (跨城通办).
    public var crossCityItems: Int
    public var crossCitySelection: ItemSelection

    public init(enabled: Bool, items: Int, crossCityItems: Int, selection: ItemSelection = .init(),
                crossCitySelection: ItemSelection = .init()) {
        self.enabled = enabled; self.items = items; self.crossCityItems = crossCityItems
        self.selection = selection; self.crossCitySelection = crossCitySelection
    }
    public init(reading r: any ReformReader) {
        self.init(enabled: r.bool("enabled"), items: r.int("items"), crossCityItems: r.int("cross_city_items"),
                  selection: r.selection(prefix: ""), crossCitySelection: r.selection(prefix: "cross_city_"))
    }

    /// Kiosks take documents and photos but cannot take biometrics.
    public static func eligible(_ item: Item) -> Bool { !item.physicalPresence }

    public func check(against catalog: Catalog, reforms: Reforms, _ checks: any ReformChecks) {
        let what = "that a kiosk can serve (no biometrics)", why = "needs biometrics, which a kiosk cannot take"
        checks.checkItemSelection(items, sizeKey: "items", selection, catalog: catalog, eligible: Self.eligible, what: what, why: why)
        checks.checkItemSelection(crossCityItems, sizeKey: "cross_city_items", crossCitySelection, prefix: "cross_city_",
                                  catalog: catalog, eligible: Self.eligible, what: what, why: why)
    }

    public func resolve(into r: inout ReformResolution) {
        guard r.kiosksAvailable else { return }
        r.offer(.kiosk, where: r.select(items, selection, purpose: "kiosks", eligible: Self.eligible))
        // For a hometown item a kiosk in the city replaces the trip home, so hometown items come
        // first whatever the target.
        let items = r.catalog.items
        r.mark(.crossCityKiosk, where: r.select(crossCityItems, crossCitySelection, purpose: "kiosks.cross_city",
                                                eligible: Self.eligible, first: { items[$0].hometown }))
    }
}
