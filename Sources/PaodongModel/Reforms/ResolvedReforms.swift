/// The scenario's reforms resolved against its catalog, built once: which items each count-based
/// reform reaches, the channels each item offers, the certificate types pulled electronically, the
/// bundled life events, each item's design trips, and the effective factors (1 where a reform is
/// off). The engine reads reforms only from here, never from the scenario's `reforms` section
/// (docs/model.md, "Reforms"). Read-only after construction.
public struct ResolvedReforms: Sendable {
    /// What the reforms do to an item besides its channels, one byte each for the hot loop.
    public struct Flags: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let instant = Flags(rawValue: 1 << 0)
        public static let prefill = Flags(rawValue: 1 << 1)
        public static let eDelivery = Flags(rawValue: 1 << 2)
        public static let crossRegion = Flags(rawValue: 1 << 3)
        public static let crossCityKiosk = Flags(rawValue: 1 << 4)
    }

    public let flags: [Flags]
    /// Channels each item offers; the window always.
    public let channels: [ChannelSet]
    /// Certificates of each item that still need a paper copy.
    public let paperCertificates: [UInt8]
    /// Certificates of each item pulled electronically (免证办).
    public let electronicCertificates: [UInt8]
    /// Window trips needed to submit: 1 with one window, else 1 + non-colocated further departments.
    public let windowSubmissionTrips: [UInt8]
    /// Design trips of each item under the scenario.
    public let designTrips: [UInt8]
    /// Whether each certificate type is covered by electronic certificates.
    public let certificateCovered: [Bool]
    /// Whether each life event is bundled.
    public let bundledEvents: [Bool]
    /// One window (一窗通办): an item's departments are served in one sitting at a generalist window.
    public let oneWindow: Bool
    /// Window service time relative to a departmental window: one window's generalist factor (1 when off).
    public let oneWindowServiceFactor: Double
    /// Window and kiosk service time with unified identity (1 when off).
    public let identityServiceFactor: Double
    /// Form minutes and incomplete probability of a pre-filled item, relative to a blank form
    /// (apply to `Flags.prefill` items only, so they are 1 when the reform is off).
    public let prefillFormFactor: Double
    public let prefillIncompleteFactor: Double
    /// Agents of the hotline's business line on duty every hour; nil without the line (its calls
    /// go to the general line).
    public let businessLineAgents: Int?
    /// `merged_services`: the two items made one application (empty without the reform), the
    /// departments whose windows form one group and the hall levels where they do.
    public let mergedItems: [Int]
    public let mergedDepartments: [Int]
    public let mergedLevels: [HallLevel]
    /// The merged sitting's window time relative to the two items' summed (1 without the reform).
    public let mergedServiceFactor: Double

    /// The policy of `scenario`'s reforms; kiosk reforms act only where the city has kiosks.
    public init(scenario: Scenario, kiosksAvailable: Bool) {
        self.init(catalog: scenario.catalog, reforms: scenario.parameters.reforms, kiosksAvailable: kiosksAvailable,
                  expectedNeeds: scenario.expectedNeeds, eventNeeds: scenario.catalog.expectedEventNeeds(agents: scenario.audienceAgents))
    }

    /// The `count` items a reform reaches: the named ones first (in their order), then the eligible
    /// rest, those `first` marks before the others, each by `rank` (smaller first; ties by index),
    /// except the last `selection.addedByVolume`, which go by `volume` (larger first). O(n log n).
    static func select(_ count: Int, _ selection: ItemSelection, catalog: Catalog, eligible: (Int) -> Bool,
                       first: (Int) -> Bool = { _ in false }, rank: (Int) -> Double, volume: [Double]) -> [Bool] {
        let n = catalog.items.count
        var chosen = [Bool](repeating: false, count: n)
        var taken = 0
        let index = selection.include.isEmpty ? [:] : catalog.itemIndexByID()
        for id in selection.include {
            guard taken < count, let i = index[id], !chosen[i] else { continue }
            chosen[i] = true
            taken += 1
        }
        func take(upTo limit: Int, by key: (Int) -> Double) {
            let order = (0..<n).filter { eligible($0) && !chosen[$0] }
                .map { (first: first($0) ? 0 : 1, key: key($0), index: $0) }
                .sorted { ($0.first, $0.key, $0.index) < ($1.first, $1.key, $1.index) }
            for e in order.prefix(max(0, limit - taken)) { chosen[e.index] = true }
            taken = max(taken, min(limit, taken + order.count))
        }
        take(upTo: count - max(0, selection.addedByVolume), by: rank)
        if selection.addedByVolume > 0 { take(upTo: count, by: { -volume[$0] }) }
        return chosen
    }

    /// The reforms applied to `catalog`: each enabled reform marks what it changes, in the
    /// registry's resolution order; then each item's certificates, submission trips and design
    /// trips follow. `expectedNeeds` (per item) and `eventNeeds` (per life event) order the
    /// `volume` targets.
    public init(catalog: Catalog, reforms: Reforms, kiosksAvailable: Bool, expectedNeeds: [Double], eventNeeds: [Double]) {
        var r = ReformResolution(catalog: catalog, expectedNeeds: expectedNeeds, eventNeeds: eventNeeds, kiosksAvailable: kiosksAvailable)
        for k in reforms.registry.resolutionOrder where reforms.all[k].enabled { reforms.all[k].resolve(into: &r) }
        self.init(r)
    }

    /// Freezes a resolution and derives each item's certificates and trips. O(items × certificates).
    public init(_ r: ReformResolution) {
        let covered = r.certificateCovered
        certificateCovered = covered
        bundledEvents = r.bundledEvents
        oneWindow = r.oneWindow
        oneWindowServiceFactor = r.oneWindowServiceFactor
        identityServiceFactor = r.identityServiceFactor
        prefillFormFactor = r.prefillFormFactor
        prefillIncompleteFactor = r.prefillIncompleteFactor
        businessLineAgents = r.businessLineAgents
        mergedItems = r.mergedItems
        mergedDepartments = r.mergedDepartments
        mergedLevels = r.mergedLevels
        mergedServiceFactor = r.mergedServiceFactor
        flags = r.flags
        channels = r.channels
        var paper: [UInt8] = [], electronic: [UInt8] = [], submission: [UInt8] = [], design: [UInt8] = []
        for (i, item) in r.catalog.items.enumerated() {
            let e = item.certificates.filter { covered[$0] }.count
            electronic.append(UInt8(e))
            paper.append(UInt8(item.certificates.count - e))
            var trips = 1
            if !r.oneWindow { for k in 1..<max(1, item.departments.count) where !item.isColocated(k) { trips += 1 } }
            submission.append(UInt8(trips))
            design.append(UInt8(Self.designTrips(item: item, flags: r.flags[i], channels: r.channels[i], windowTrips: trips)))
        }
        paperCertificates = paper; electronicCertificates = electronic
        windowSubmissionTrips = submission; designTrips = design
    }

    /// Trips of the item's best channel for a well-prepared applicant when everything goes right:
    /// submission visits, a presence visit when submitted remotely, collection, hometown.
    static func designTrips(item: Item, flags f: Flags, channels: ChannelSet, windowTrips: Int) -> Int {
        let collect = item.physicalResult && !f.contains(.eDelivery)
        let hometown = item.hometown && !f.contains(.crossRegion) ? 1 : 0
        let presence = item.physicalPresence ? 1 : 0
        var best = Int.max
        for channel in Channel.allCases where channels.contains(channel) {
            let trips: Int
            switch channel {
            case .window: trips = windowTrips + (collect && !f.contains(.instant) ? 1 : 0)
            case .kiosk: trips = 1 + (collect ? 1 : 0)
            case .web, .mobile: trips = presence + (collect ? 1 : 0)
            }
            best = min(best, trips)
        }
        return best + hometown
    }

    /// Share of certificate use (usage weights) that electronic certificates cover.
    public func certificateUseCovered(_ catalog: Catalog) -> Double {
        let total = catalog.certificates.reduce(0) { $0 + $1.usageWeight }
        let covered = zip(catalog.certificates, certificateCovered).filter(\.1).reduce(0) { $0 + $1.0.usageWeight }
        return total > 0 ? covered / total : 0
    }

    /// Number of distinct items in bundled life events.
    public func bundledItemCount(_ catalog: Catalog) -> Int {
        var set = Set<Int>()
        for (e, event) in catalog.lifeEvents.enumerated() where bundledEvents[e] { set.formUnion(event.items) }
        return set.count
    }

    /// Number of items carrying all the given flags.
    public func count(_ f: Flags) -> Int { flags.filter { $0.contains(f) }.count }

    /// Number of items offering `channel`.
    public func count(_ channel: Channel) -> Int { channels.filter { $0.contains(channel) }.count }

    /// Share of items whose design trips are at most one (the seed's 99.92 %).
    public var itemsShareAtMostOneTrip: Double {
        Double(designTrips.filter { $0 <= 1 }.count) / Double(max(1, designTrips.count))
    }

    /// Share of licensing items whose design trips are zero (the seed's 94.05 %).
    public func licensingItemsShareZeroTrip(_ catalog: Catalog) -> Double {
        let licensing = catalog.items.indices.filter { catalog.items[$0].licensing }
        guard !licensing.isEmpty else { return 0 }
        return Double(licensing.filter { designTrips[$0] == 0 }.count) / Double(licensing.count)
    }
}
