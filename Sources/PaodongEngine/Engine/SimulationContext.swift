import Foundation
import PaodongModel

/// Everything the day loop reads and never writes, precomputed once from the frozen scenario:
/// the calendar, the halls, the reforms applied to each item, demand tables and arrival slots.
public final class SimulationContext: @unchecked Sendable {
    public let scenario: Scenario
    public let parameters: Scenario.Parameters
    public let catalog: Catalog
    public let policy: ResolvedReforms
    public let calendar: WorkCalendar
    public let layout: CityLayout
    /// Expected window minutes per year by level and department, which window groups follow.
    public let departmentLoad: [[Double]]
    public let residents: Int
    public let businesses: Int

    /// Single-item needs per agent-day by audience (life events excluded).
    let singleRate: [Double]
    /// Item table for single needs by audience (indices into `singleItems`).
    let singleTable: [DiscreteTable?]
    let singleItems: [[Int]]
    /// Life events by audience: (event index, events per agent-day).
    let events: [[(Int, Double)]]
    /// Items of every life event, end to end, and each event's range in it (raw storage, so that
    /// the hot loop takes a slice without retaining an array).
    let eventItems: UnsafeMutableBufferPointer<Int>
    let eventItemRanges: [Range<Int>]
    /// Whether the city has any kiosk at this scale.
    let hasKiosks: Bool
    /// Seasonal multiplier of each simulated day (mean 1 over the run).
    let season: [Double]
    /// When walk-ins and booked visits arrive at halls and at kiosks, and their patience.
    let hallArrivals: ArrivalProcess
    let kioskArrivals: ArrivalProcess
    let bundledEvents: [Bool]
    /// Terms of an application for each item alone, then for each life event's bundle
    /// (`termsIndex(item:event:)`).
    let terms: [ApplicationTerms]
    let itemCount: Int
    /// The scalar parameters the hot loop reads, in a struct without arrays (free to copy).
    let hot: HotParameters
    /// Each channel's constant in the choice model, by `Channel.rawValue` (raw storage: the hot
    /// loop reads it without retaining an array).
    let channelConstants: UnsafeMutableBufferPointer<Double>
    let kioskWeekdays: Bool
    /// Who calls the 12345 hotline about what, and when.
    let hotlineSetup: HotlineSetup
    /// The foreign residents' permit needs; nil without them.
    let foreignPermits: ForeignPermits?

    /// `demand.foreign_permits` as the day loop reads it. The pair and the residence permit alone
    /// are two more "events" after the catalog's life events (in `eventItems`, `bundledEvents` and
    /// the terms), so that an application for them is tallied like any other.
    struct ForeignPermits {
        /// Permit needs per foreign resident and day (before the season).
        let rate: Double
        /// The work permit's and the residence permit's items.
        let first: Int, second: Int
        /// Event index of the pair: bundled into one application with `merged_services`.
        let pairEvent: Int
        /// Event index of the residence permit alone, its work permit brought on paper (the two
        /// approval systems not connected).
        let secondEvent: Int
        /// Whether `merged_services` makes the pair one application.
        var merged: Bool
    }

    public init(scenario: Scenario) {
        self.scenario = scenario
        let p = scenario.parameters
        parameters = p
        let catalog = scenario.catalog
        self.catalog = catalog
        residents = Int((Double(p.population.residents) * p.scale).rounded())
        businesses = Int((Double(p.population.businesses) * p.scale).rounded())
        calendar = WorkCalendar(start: p.startDate, days: p.days, holidays: p.holidays)
        let kioskCount = Int((Double(p.kiosks.count) * p.scale).rounded(.up))
        policy = ResolvedReforms(scenario: scenario, kiosksAvailable: kioskCount > 0)

        let rates = [p.demand.needsPerResidentYear, p.demand.needsPerBusinessYear]
        var singleRate: [Double] = [], tables: [DiscreteTable?] = [], singleItems: [[Int]] = [], events: [[(Int, Double)]] = []
        for audience in Audience.allCases {
            let evs = catalog.lifeEvents.enumerated().filter { $0.element.audience == audience }
            let eventNeeds = evs.reduce(0) { $0 + $1.element.ratePerAgentYear * Double($1.element.items.count) }
            singleRate.append(max(0, rates[audience.rawValue] - eventNeeds) / 365)
            let members = catalog.items.indices.filter { catalog.items[$0].audience == audience && catalog.items[$0].demandWeight > 0 }
            singleItems.append(members)
            tables.append(members.isEmpty ? nil : DiscreteTable(weights: members.map { catalog.items[$0].demandWeight }))
            events.append(evs.map { ($0.offset, $0.element.ratePerAgentYear / 365) })
        }
        self.singleRate = singleRate; singleTable = tables; self.singleItems = singleItems; self.events = events
        // The foreign permits' two pseudo-events follow the catalog's life events.
        var foreignPermits: ForeignPermits? = nil
        var eventMembers = catalog.lifeEvents.map(\.items)
        if let d = p.demand.foreignPermits, p.population.foreignShare > 0, d.perForeignResidentYear > 0,
           let first = catalog.items.firstIndex(where: { $0.id == d.items[0] }),
           let second = catalog.items.firstIndex(where: { $0.id == d.items[1] }) {
            foreignPermits = ForeignPermits(rate: d.perForeignResidentYear / 365, first: first, second: second,
                                            pairEvent: eventMembers.count, secondEvent: eventMembers.count + 1,
                                            merged: policy.mergedItems == [first, second])
            eventMembers += [[first, second], [second]]
        }
        self.foreignPermits = foreignPermits
        let flat = eventMembers.flatMap { $0 }
        eventItems = .allocate(capacity: max(1, flat.count))
        _ = eventItems.initialize(from: flat)
        var ranges: [Range<Int>] = [], start = 0
        for members in eventMembers {
            ranges.append(start..<(start + members.count))
            start += members.count
        }
        eventItemRanges = ranges

        var season: [Double] = []
        for t in 0..<p.days { season.append(p.demand.monthlyProfile[calendar.date(t).month - 1]) }
        let mean = season.reduce(0, +) / Double(max(1, season.count))
        self.season = season.map { mean > 0 ? $0 / mean : 1 }

        hallArrivals = ArrivalProcess(halls: p.halls)
        kioskArrivals = ArrivalProcess(kiosks: p.kiosks, patienceMeanMin: hallArrivals.patienceMeanMin)
        kioskWeekdays = !p.kiosks.openWeekends
        hotlineSetup = HotlineSetup(p, reforms: policy)

        bundledEvents = policy.bundledEvents + (foreignPermits.map { [$0.merged, false] } ?? [])
        let hot = HotParameters(p, reforms: policy)
        self.hot = hot
        channelConstants = .allocate(capacity: Channel.count)
        _ = channelConstants.initialize(from: p.behaviour.channelConstants)

        // Item attributes in the shape the terms are computed from (reforms applied).
        let (identity, oneWindowFactor) = (policy.identityServiceFactor, policy.oneWindowServiceFactor)
        let service = catalog.items.map { p.halls.windowServiceMeanMin * $0.serviceFactor * identity * oneWindowFactor }
        let levels = catalog.items.map { UInt8($0.level.rawValue) }
        let complexities = catalog.items.map { UInt8($0.formComplexity) }
        let reviews = catalog.items.map { p.process.approvalMeanDays * $0.reviewFactor }
        let traits = catalog.items.map(ItemTraits.init)
        let isOneWindow = policy.oneWindow
        let (flags, channels, papers, electronics) = (policy.flags, policy.channels, policy.paperCertificates, policy.electronicCertificates)
        func termsOf<M: Collection>(_ members: M, bundled: Bool, certificates: (paper: Int, electronic: Int)?) -> ApplicationTerms
            where M.Element == Int {
            ApplicationTerms(members: members, bundled: bundled, certificates: certificates, oneWindow: isOneWindow,
                             flags: flags, channels: channels, traits: traits, level: levels, complexity: complexities, review: reviews,
                             service: service, paper: papers, electronic: electronics, hot: hot)
        }
        var terms = catalog.items.indices.map { termsOf(CollectionOfOne($0), bundled: false, certificates: nil) }
        // A bundle asks for each certificate type of its items once.
        let covered = policy.certificateCovered
        for event in catalog.lifeEvents {
            let types = Set(event.items.flatMap { catalog.items[$0].certificates })
            let electronic = types.filter { covered[$0] }.count
            terms.append(termsOf(event.items, bundled: true, certificates: (types.count - electronic, electronic)))
        }
        if let f = foreignPermits, let issued = catalog.certificates.firstIndex(where: { $0.id == p.demand.foreignPermits!.issuedCertificate }) {
            // Merged: one application; the residence permit's copy of the work permit comes from
            // the first's record, so it is asked for neither on paper nor electronically.
            let types = Set(catalog.items[f.first].certificates + catalog.items[f.second].certificates).subtracting([issued])
            let electronic = types.filter { covered[$0] }.count
            var merged = termsOf([f.first, f.second], bundled: true, certificates: (types.count - electronic, electronic))
            // One sitting for both: materials submitted once, the work permit read from its record.
            let k = policy.mergedServiceFactor
            merged.service *= k; merged.serviceMean *= Float(k)
            merged.presenceService *= k; merged.presenceServiceMean *= Float(k)
            terms.append(merged)
            // Alone: the residence permit's application asks for the work permit on paper, whatever
            // electronic certificates cover (the exit–entry system cannot read it).
            let own = catalog.items[f.second].certificates
            let ownElectronic = own.filter { $0 != issued && covered[$0] }.count
            terms.append(termsOf(CollectionOfOne(f.second), bundled: false, certificates: (own.count - ownElectronic, ownElectronic)))
        }
        self.terms = terms
        itemCount = catalog.items.count

        departmentLoad = SimulationContext.departmentLoad(scenario: scenario, policy: policy, terms: terms, hot: hot)
        layout = CityLayout(scenario: scenario, policy: policy, load: departmentLoad)
        hasKiosks = !layout.kioskPools.isEmpty
    }

    deinit { eventItems.deallocate(); channelConstants.deallocate() }

    /// Index in `terms` of an application for `item` (its lead item) or, when `event` >= 0, for
    /// that life event's bundle.
    @inline(__always) func termsIndex(item: Int, event: Int) -> Int {
        event >= 0 ? itemCount + event : item
    }

    /// The terms of an application in flight.
    @inline(__always) func terms(of app: Application) -> ApplicationTerms {
        terms[termsIndex(item: Int(app.item), event: Int(app.event))]
    }

    /// Whether kiosks are open on day `t`.
    @inline(__always) func kioskOpen(_ t: Int) -> Bool { !kioskWeekdays || calendar.isWorking(t) }

    /// First kiosk day on or after `t`.
    func nextKioskDay(onOrAfter t: Int) -> Int { kioskWeekdays ? calendar.nextWorkingDay(onOrAfter: t) : t }

    /// Queue index of a hall or a kiosk pool: halls first, then pools.
    @inline(__always) var hallCount: Int { layout.halls.count }
}

/// The traits of an item that its application terms are computed from.
struct ItemTraits {
    var departments: (UInt8, UInt8, UInt8, UInt8)
    var departmentCount: UInt8
    var colocatedMask: UInt8
    var physicalResult: Bool
    var hometown: Bool
    var physicalPresence: Bool

    init(_ item: Item) {
        let d = item.departments.map(UInt8.init) + [0, 0, 0, 0]
        departments = (d[0], d[1], d[2], d[3])
        departmentCount = UInt8(item.departments.count)
        colocatedMask = item.colocatedMask
        physicalResult = item.physicalResult
        hometown = item.hometown
        physicalPresence = item.physicalPresence
    }
}
