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

    /// The policy of `scenario`'s reforms; kiosk reforms act only where the city has kiosks.
    public init(scenario: Scenario, kiosksAvailable: Bool) {
        self.init(catalog: scenario.catalog, reforms: scenario.parameters.reforms, kiosksAvailable: kiosksAvailable,
                  expectedNeeds: scenario.expectedNeeds, eventNeeds: scenario.catalog.expectedEventNeeds(agents: scenario.audienceAgents))
    }

    // MARK: - Eligibility (who a count-based reform may reach)

    /// 秒批 decides on submission, from data alone: an item that needs the applicant in person
    /// (biometrics, a first ID card) cannot be decided instantly at home.
    public static func instantEligible(_ item: Item) -> Bool { !item.physicalPresence }
    /// 秒报 / 无感申办 (no-sense application) ends in an instant decision (秒报秒批一体化), so an item
    /// that needs the applicant in person cannot be one.
    public static func prefillEligible(_ item: Item) -> Bool { !item.physicalPresence }
    /// Kiosks take documents and photos but cannot take biometrics.
    public static func kioskEligible(_ item: Item) -> Bool { !item.physicalPresence }

    /// The `count` items a reform reaches: the named ones first (in their order), then the eligible
    /// rest, those `first` marks before the others, each by `rank` (smaller first; ties by index),
    /// except the last `selection.addedByVolume`, which go by `volume` (larger first). O(n log n).
    static func select(_ count: Int, _ selection: ItemSelection, catalog: Catalog, eligible: (Int) -> Bool,
                       first: (Int) -> Bool = { _ in false }, rank: (Int) -> Double, volume: [Double]) -> [Bool] {
        let n = catalog.items.count
        var chosen = [Bool](repeating: false, count: n)
        var taken = 0
        let index = Dictionary(catalog.items.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
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

    /// The reforms applied to `catalog`. `expectedNeeds` (per item) and `eventNeeds` (per life
    /// event) order the `volume` targets.
    public init(catalog: Catalog, reforms r: Reforms, kiosksAvailable: Bool, expectedNeeds: [Double], eventNeeds: [Double]) {
        let items = catalog.items
        let n = items.count
        /// A share of the eligible items, as an exact count (rounded), by the reform's key.
        func share(_ s: Double, _ eligible: (Int) -> Bool, _ key: (Int) -> Double) -> [Bool] {
            let count = Int((s * Double((0..<n).filter(eligible).count)).rounded())
            return Self.select(count, ItemSelection(), catalog: catalog, eligible: eligible, rank: key, volume: expectedNeeds)
        }
        /// Rank of item `i` for a selection: most expected needs first, or the reform's random key.
        func rank(_ selection: ItemSelection, _ key: @escaping (Int) -> Double) -> (Int) -> Double {
            selection.target == .volume ? { -expectedNeeds[$0] } : key
        }
        let none = [Bool](repeating: false, count: n)
        let kioskOK = r.kiosks.enabled && kiosksAvailable
        let kioskEligible: (Int) -> Bool = { Self.kioskEligible(items[$0]) }
        let kiosk = kioskOK
            ? Self.select(r.kiosks.items, r.kiosks.selection, catalog: catalog, eligible: kioskEligible,
                          rank: rank(r.kiosks.selection) { catalog.selectionKey($0, "kiosks") }, volume: expectedNeeds) : none
        // 跨城通办: items served at kiosks across cities; for a hometown item this replaces the trip
        // home, so hometown items come first whatever the target.
        let crossCity = kioskOK
            ? Self.select(r.kiosks.crossCityItems, r.kiosks.crossCitySelection, catalog: catalog, eligible: kioskEligible,
                          first: { items[$0].hometown },
                          rank: rank(r.kiosks.crossCitySelection) { catalog.selectionKey($0, "kiosks.cross_city") }, volume: expectedNeeds) : none
        let prefill = r.prefill.enabled
            ? Self.select(r.prefill.items, r.prefill.selection, catalog: catalog, eligible: { Self.prefillEligible(items[$0]) },
                          rank: rank(r.prefill.selection) { catalog.selectionKey($0, "prefill") }, volume: expectedNeeds) : none
        // 秒报秒批一体化: with both reforms on, the pre-filled items are decided instantly too (after
        // the named instant items, before the rest), so the instant count must hold them.
        let instant = r.instantApproval.enabled
            ? Self.select(r.instantApproval.items, r.instantApproval.selection, catalog: catalog,
                          eligible: { Self.instantEligible(items[$0]) }, first: { prefill[$0] },
                          rank: rank(r.instantApproval.selection) { catalog.selectionKey($0, "instant_approval") }, volume: expectedNeeds) : none
        let all: (Int) -> Bool = { _ in true }
        let online = r.online.enabled ? share(r.online.share, all, { catalog.selectionKey($0, "online") }) : none
        let mobilePersonal = r.mobile.enabled ? share(r.mobile.personalShare, { items[$0].audience == .personal }, { catalog.selectionKey($0, "mobile") }) : none
        let mobileBusiness = r.mobile.enabled ? share(r.mobile.businessShare, { items[$0].audience == .business }, { catalog.selectionKey($0, "mobile") }) : none
        let eDelivery = r.eDelivery.enabled ? share(r.eDelivery.share, { items[$0].physicalResult }, { catalog.selectionKey($0, "e_delivery") }) : none
        let crossRegion = r.crossRegion.enabled ? share(r.crossRegion.share, { items[$0].hometown }, { catalog.selectionKey($0, "cross_region") }) : none

        var covered = [Bool](repeating: false, count: catalog.certificates.count)
        if r.eCertificates.enabled {
            let order = catalog.certificates.indices.sorted {
                (-catalog.certificates[$0].usageWeight, $0) < (-catalog.certificates[$1].usageWeight, $1)
            }
            for c in order.prefix(max(0, r.eCertificates.types)) { covered[c] = true }
        }
        certificateCovered = covered
        oneWindow = r.oneWindow.enabled
        oneWindowServiceFactor = r.oneWindow.enabled ? r.oneWindow.serviceFactor : 1
        identityServiceFactor = r.unifiedIdentity.enabled ? r.unifiedIdentity.serviceFactor : 1
        prefillFormFactor = r.prefill.enabled ? r.prefill.formFactor : 1
        prefillIncompleteFactor = r.prefill.enabled ? r.prefill.incompleteFactor : 1

        var flags: [Flags] = [], channels: [ChannelSet] = [], paper: [UInt8] = [], electronic: [UInt8] = [], submission: [UInt8] = [], design: [UInt8] = []
        for (i, item) in items.enumerated() {
            var offered = ChannelSet.window
            for channel in Channel.allCases {
                switch channel {
                case .window: break
                case .kiosk: if kiosk[i] { offered.insert(ChannelSet(.kiosk)) }
                case .web: if online[i] { offered.insert(ChannelSet(.web)) }
                case .mobile: if mobilePersonal[i] || mobileBusiness[i] { offered.insert(ChannelSet(.mobile)) }
                }
            }
            channels.append(offered)
            var f: Flags = []
            if instant[i] { f.insert(.instant) }
            if prefill[i] { f.insert(.prefill) }
            if eDelivery[i] { f.insert(.eDelivery) }
            if crossRegion[i] { f.insert(.crossRegion) }
            if crossCity[i] { f.insert(.crossCityKiosk) }
            flags.append(f)
            let e = item.certificates.filter { covered[$0] }.count
            electronic.append(UInt8(e))
            paper.append(UInt8(item.certificates.count - e))
            var trips = 1
            if !oneWindow { for k in 1..<max(1, item.departments.count) where !item.isColocated(k) { trips += 1 } }
            submission.append(UInt8(trips))
            design.append(UInt8(Self.designTrips(item: item, flags: f, channels: offered, windowTrips: trips)))
        }
        self.flags = flags; self.channels = channels; paperCertificates = paper; electronicCertificates = electronic
        windowSubmissionTrips = submission; designTrips = design
        // Bundles: named events first, then by expected needs (volume) or in table order (random),
        // each while its items fit in the count; a later event that still fits is taken, so that
        // the count is met as closely as the events' sizes allow.
        var bundled = [Bool](repeating: false, count: catalog.lifeEvents.count)
        if r.bundles.enabled {
            let eventIndex = Dictionary(catalog.lifeEvents.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
            let named = r.bundles.selection.include.compactMap { eventIndex[$0] }
            let rest = catalog.lifeEvents.indices.filter { !named.contains($0) }
            let byVolume = rest.sorted { (-eventNeeds[$0], $0) < (-eventNeeds[$1], $1) }
            let ordered = named + (r.bundles.selection.target == .volume ? byVolume : rest)
            var inBundle = Set<Int>()
            func take(_ order: [Int], upTo limit: Int) {
                for e in order where !bundled[e] {
                    let event = catalog.lifeEvents[e]
                    if inBundle.count + Set(event.items).subtracting(inBundle).count <= limit {
                        bundled[e] = true
                        inBundle.formUnion(event.items)
                    }
                }
            }
            take(ordered, upTo: r.bundles.items - max(0, r.bundles.selection.addedByVolume))
            if r.bundles.selection.addedByVolume > 0 { take(byVolume, upTo: r.bundles.items) }
        }
        bundledEvents = bundled
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
