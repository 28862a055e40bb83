/// What the scenario's reforms make of each item: channels offered, approvals, deliveries, and the
/// item's design trips (MODEL.md §11a). Derived once from the catalog and the reforms; read-only after.
public struct CatalogPolicy: Sendable {
    /// Per-item flags, one byte each for the hot loop.
    public struct Flags: OptionSet, Sendable {
        public let rawValue: UInt16
        public init(rawValue: UInt16) { self.rawValue = rawValue }
        public static let window = Flags(rawValue: 1 << 0)
        public static let kiosk = Flags(rawValue: 1 << 1)
        public static let web = Flags(rawValue: 1 << 2)
        public static let mobile = Flags(rawValue: 1 << 3)
        public static let instant = Flags(rawValue: 1 << 4)
        public static let prefill = Flags(rawValue: 1 << 5)
        public static let eDelivery = Flags(rawValue: 1 << 6)
        public static let crossRegion = Flags(rawValue: 1 << 7)
        public static let crossCityKiosk = Flags(rawValue: 1 << 8)

        public func offers(_ channel: Channel) -> Bool { rawValue & (1 << UInt16(channel.rawValue)) != 0 }
    }

    public let flags: [Flags]
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
    public let oneWindow: Bool

    public init(catalog: Catalog, reforms r: Reforms, kiosksAvailable: Bool) {
        let items = catalog.items
        let n = items.count
        /// The `count` eligible items with the smallest keys (ties by index).
        func smallestKeys(_ count: Int, _ eligible: (Int) -> Bool, _ key: (Int) -> Double) -> [Bool] {
            var chosen = [Bool](repeating: false, count: n)
            let order = (0..<n).filter(eligible).sorted { (key($0), $0) < (key($1), $1) }
            for i in order.prefix(max(0, count)) { chosen[i] = true }
            return chosen
        }
        /// A share of the eligible items, as an exact count (rounded).
        func share(_ s: Double, _ eligible: (Int) -> Bool, _ key: (Int) -> Double) -> [Bool] {
            smallestKeys(Int((s * Double((0..<n).filter(eligible).count)).rounded()), eligible, key)
        }
        let none = [Bool](repeating: false, count: n)
        let all: (Int) -> Bool = { _ in true }
        let kioskOK = r.kiosks.enabled && kiosksAvailable
        let kiosk = kioskOK ? smallestKeys(r.kiosks.items, { !items[$0].physicalPresence }, { items[$0].keys.kiosk }) : none
        // 跨城通办: items served at kiosks across cities; for a hometown item this replaces the trip home.
        let crossCity = kioskOK ? smallestKeys(r.kiosks.crossCityItems, { !items[$0].physicalPresence }, { items[$0].keys.crossCity }) : none
        let instant = r.instantApproval.enabled ? smallestKeys(r.instantApproval.items, all, { items[$0].keys.instant }) : none
        // 秒报秒批一体化: pre-filled items are taken among the instant-approval items first.
        let prefill = r.prefill.enabled
            ? smallestKeys(r.prefill.items, all, { (instant[$0] ? 0 : 2) + items[$0].keys.prefill }) : none
        let online = r.online.enabled ? share(r.online.share, all, { items[$0].keys.online }) : none
        let mobilePersonal = r.mobile.enabled ? share(r.mobile.personalShare, { items[$0].audience == .personal }, { items[$0].keys.mobile }) : none
        let mobileBusiness = r.mobile.enabled ? share(r.mobile.businessShare, { items[$0].audience == .business }, { items[$0].keys.mobile }) : none
        let eDelivery = r.eDelivery.enabled ? share(r.eDelivery.share, { items[$0].physicalResult }, { items[$0].keys.eDelivery }) : none
        let crossRegion = r.crossRegion.enabled ? share(r.crossRegion.share, { items[$0].hometown }, { items[$0].keys.crossRegion }) : none

        var covered = [Bool](repeating: false, count: catalog.certificates.count)
        if r.eCertificates.enabled {
            let order = catalog.certificates.indices.sorted {
                (-catalog.certificates[$0].usageWeight, $0) < (-catalog.certificates[$1].usageWeight, $1)
            }
            for c in order.prefix(max(0, r.eCertificates.types)) { covered[c] = true }
        }
        certificateCovered = covered
        oneWindow = r.oneWindow.enabled

        var flags: [Flags] = [], paper: [UInt8] = [], electronic: [UInt8] = [], submission: [UInt8] = [], design: [UInt8] = []
        for (i, item) in items.enumerated() {
            var f: Flags = [.window]
            if kiosk[i] { f.insert(.kiosk) }
            if online[i] { f.insert(.web) }
            if mobilePersonal[i] || mobileBusiness[i] { f.insert(.mobile) }
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
            if !r.oneWindow.enabled { for k in 1..<max(1, item.departments.count) where !item.isColocated(k) { trips += 1 } }
            submission.append(UInt8(trips))
            design.append(UInt8(Self.designTrips(item: item, flags: f, windowTrips: trips)))
        }
        self.flags = flags; paperCertificates = paper; electronicCertificates = electronic
        windowSubmissionTrips = submission; designTrips = design
        // Bundles: events in catalog order (named first) while their items fit in the count, then
        // any later event that still fits, so that the count is met as closely as sizes allow.
        var bundled = [Bool](repeating: false, count: catalog.lifeEvents.count)
        if r.bundles.enabled {
            var inBundle = Set<Int>()
            for pass in 0..<2 {
                for (e, event) in catalog.lifeEvents.enumerated() where !bundled[e] {
                    let added = Set(event.items).subtracting(inBundle).count
                    if inBundle.count + added <= r.bundles.items {
                        bundled[e] = true
                        inBundle.formUnion(event.items)
                    } else if pass == 0 {
                        break
                    }
                }
            }
        }
        bundledEvents = bundled
    }

    /// Trips of the item's best channel for a well-prepared applicant when everything goes right:
    /// submission visits, a presence visit when submitted remotely, collection, hometown.
    static func designTrips(item: Item, flags f: Flags, windowTrips: Int) -> Int {
        let collect = item.physicalResult && !f.contains(.eDelivery)
        let hometown = item.hometown && !f.contains(.crossRegion) ? 1 : 0
        let presence = item.physicalPresence ? 1 : 0
        var best = windowTrips + (collect && !f.contains(.instant) ? 1 : 0)
        if f.contains(.kiosk) { best = min(best, 1 + (collect ? 1 : 0)) }
        if f.contains(.web) || f.contains(.mobile) { best = min(best, presence + (collect ? 1 : 0)) }
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
