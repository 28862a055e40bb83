/// What the enabled reforms change, gathered reform by reform (`Reform.resolve(into:)`) before
/// `ResolvedReforms` freezes it and derives each item's trips. Starts as "no reform": every item at
/// the window only, no flag, no certificate electronic, no bundle, every factor 1.
public struct ReformResolution {
    public let catalog: Catalog
    /// Expected needs of each item and of each life event, for `volume` targets.
    public let expectedNeeds: [Double]
    public let eventNeeds: [Double]
    /// Whether the city has kiosks (a kiosk reform acts only where it does).
    public let kiosksAvailable: Bool

    public var flags: [ResolvedReforms.Flags]
    public var channels: [ChannelSet]
    public var certificateCovered: [Bool]
    public var bundledEvents: [Bool]
    public var oneWindow = false
    public var oneWindowServiceFactor = 1.0
    public var identityServiceFactor = 1.0
    public var prefillFormFactor = 1.0
    public var prefillIncompleteFactor = 1.0
    /// Agents of the hotline's business line on duty every hour; nil without the line.
    public var businessLineAgents: Int? = nil
    /// `merged_services`: the two items made one application (catalog indices; empty without
    /// the reform), the departments whose windows form one group, and the levels where they do.
    public var mergedItems: [Int] = []
    public var mergedDepartments: [Int] = []
    public var mergedLevels: [HallLevel] = []
    public var mergedServiceFactor = 1.0

    public init(catalog: Catalog, expectedNeeds: [Double], eventNeeds: [Double], kiosksAvailable: Bool) {
        self.catalog = catalog; self.expectedNeeds = expectedNeeds; self.eventNeeds = eventNeeds
        self.kiosksAvailable = kiosksAvailable
        flags = Array(repeating: [], count: catalog.items.count)
        channels = Array(repeating: .window, count: catalog.items.count)
        certificateCovered = Array(repeating: false, count: catalog.certificates.count)
        bundledEvents = Array(repeating: false, count: catalog.lifeEvents.count)
    }

    /// The `count` items a reform reaches through `selection`: the named ones first, then the
    /// eligible rest, those `first` marks before the others, by volume or by the reform's random
    /// key (purpose `reform.<purpose>`), the last `addedByVolume` by volume. O(n log n).
    public func select(_ count: Int, _ selection: ItemSelection, purpose: String, eligible: (Item) -> Bool,
                       first: (Int) -> Bool = { _ in false }) -> [Bool] {
        let items = catalog.items
        let needs = expectedNeeds
        let catalog = self.catalog
        let rank: (Int) -> Double = selection.target == .volume ? { -needs[$0] } : { catalog.selectionKey($0, purpose) }
        return ResolvedReforms.select(count, selection, catalog: catalog, eligible: { eligible(items[$0]) },
                                      first: first, rank: rank, volume: needs)
    }

    /// A share of the items `eligible` allows, as an exact count (rounded), by the reform's random key.
    public func share(_ s: Double, purpose: String, eligible: (Item) -> Bool) -> [Bool] {
        let count = Int((s * Double(catalog.items.filter(eligible).count)).rounded())
        return select(count, ItemSelection(), purpose: purpose, eligible: eligible)
    }

    /// Adds `channel` to the items marked in `chosen`.
    public mutating func offer(_ channel: Channel, where chosen: [Bool]) {
        for i in chosen.indices where chosen[i] { channels[i].insert(ChannelSet(channel)) }
    }

    /// Sets `flag` on the items marked in `chosen`.
    public mutating func mark(_ flag: ResolvedReforms.Flags, where chosen: [Bool]) {
        for i in chosen.indices where chosen[i] { flags[i].insert(flag) }
    }
}
