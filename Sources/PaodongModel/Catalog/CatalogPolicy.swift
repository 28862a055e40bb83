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
        func smallestKeys(_ count: Int, _ eligible: (Item) -> Bool, _ key: (Item) -> Double) -> [Bool] {
            var chosen = [Bool](repeating: false, count: n)
            let order = (0..<n).filter { eligible(items[$0]) }.sorted { (key(items[$0]), $0) < (key(items[$1]), $1) }
            for i in order.prefix(max(0, count)) { chosen[i] = true }
            return chosen
        }
        let remote: (Item) -> Bool = { !$0.physicalPresence }
        let kiosk = r.kiosks.enabled && kiosksAvailable ? smallestKeys(r.kiosks.items, remote, \.keys.kiosk) : Array(repeating: false, count: n)
        let crossCity = r.kiosks.enabled && kiosksAvailable ? smallestKeys(r.kiosks.crossCityItems, { $0.hometown }, \.keys.crossCity) : Array(repeating: false, count: n)
        let instant = r.instantApproval.enabled ? smallestKeys(r.instantApproval.items, { _ in true }, \.keys.instant) : Array(repeating: false, count: n)
        let prefill = r.prefill.enabled ? smallestKeys(r.prefill.items, { _ in true }, \.keys.prefill) : Array(repeating: false, count: n)

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
            if !item.physicalPresence {
                if kiosk[i] { f.insert(.kiosk) }
                if r.online.enabled && item.keys.online < r.online.share { f.insert(.web) }
                let mobileShare = item.audience == .personal ? r.mobile.personalShare : r.mobile.businessShare
                if r.mobile.enabled && item.keys.mobile < mobileShare { f.insert(.mobile) }
            }
            if instant[i] { f.insert(.instant) }
            if prefill[i] { f.insert(.prefill) }
            if r.eDelivery.enabled && item.keys.eDelivery < r.eDelivery.share { f.insert(.eDelivery) }
            if item.hometown && r.crossRegion.enabled && item.keys.crossRegion < r.crossRegion.share { f.insert(.crossRegion) }
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
        var bundled = [Bool](repeating: false, count: catalog.lifeEvents.count)
        if r.bundles.enabled {
            for (e, event) in catalog.lifeEvents.enumerated() { bundled[e] = r.bundles.events.isEmpty || r.bundles.events.contains(event.id) }
        }
        bundledEvents = bundled
    }

    /// Trips of the item's best channel for a well-prepared applicant when everything goes right.
    static func designTrips(item: Item, flags f: Flags, windowTrips: Int) -> Int {
        let collect = item.physicalResult && !f.contains(.eDelivery)
        let hometown = item.hometown && !f.contains(.crossRegion) ? 1 : 0
        var best = windowTrips + (collect && !f.contains(.instant) ? 1 : 0)
        if f.contains(.kiosk) { best = min(best, 1 + (collect ? 1 : 0)) }
        if f.contains(.web) || f.contains(.mobile) { best = min(best, collect ? 1 : 0) }
        return best + hometown
    }

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
