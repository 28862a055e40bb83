import Foundation
import PaodongEngine
import PaodongModel

/// Which N more items to add to an item reform (instant approval, pre-filled forms, kiosks), which N
/// more life events to bundle, or which N more certificate types to pull electronically, for the
/// largest saving of trips or citizen-hours: `paodong prioritize`. A *unit* is an item, a life
/// event (bundles) or a certificate type (electronic certificates); its items are itself, the
/// event's items, or the items that need the certificate.
///
/// 1. **Screen.** The scenario as it is, simulated with its replications, gives each candidate (an
///    eligible item the reform does not reach yet) what it costs now: its expected needs a year
///    times its trips (or citizen-hours) per completed need. No reform can save more on an item than it costs, and an item that costs nothing
///    gains nothing, so candidates are ranked by that cost (ties: more expected needs first).
/// 2. **Batches.** The leading min(candidates, 3N) are dealt in rank order into ⌈L/N⌉ batches of
///    at most N (rank 1 to batch 1, rank 2 to batch 2, …, so that every batch holds leaders);
///    each batch is added to the reform at once and simulated on the same seeds (common random
///    numbers). An item's saving is its cost in the scenario minus its cost in its batch's run,
///    per replication, so a handful of runs measures every leading candidate.
/// 3. **Greedy choice.** The N items with the largest mean simulated saving, largest first.
///
/// It does not promise the best N of all candidates: items outside the leading 3N are not
/// simulated, and an item's saving is measured beside the others of its batch (they share the
/// halls), not beside the final choice. Runs: replications × (1 + batches), at most 4 × replications
/// for items (life events that share items may need a few batches more).
public struct Prioritization {
    /// What a saving is counted in.
    public enum Objective: String, CaseIterable, Sendable {
        case trips
        case citizenHours = "citizen_hours"
    }

    /// A saving a year at city scale: the mean over replications and its 95 % interval (t).
    public struct Saving: Sendable, Equatable {
        public var mean: Double, low: Double, high: Double
    }

    /// One chosen unit (an item, or a life event for bundles).
    public struct Choice: Sendable {
        /// Index of the item (or life event) in the catalog.
        public let item: Int
        /// Expected needs a year at full scale (for a life event: its events × its items).
        public let needsPerYear: Double
        public let trips: Saving
        public let citizenHours: Saving
    }

    /// Why a prioritisation cannot be made (each names the reform and what is allowed).
    public enum Problem: Error, CustomStringConvertible {
        case notAnItemReform(String, allowed: [String])
        case disabled(String)
        case tooMany(reform: String, asked: Int, candidates: Int)

        public var description: String {
            switch self {
            case .notAnItemReform(let key, let allowed):
                return "'\(key)' is not a reform that reaches a count of items; allowed: \(allowed.joined(separator: ", "))"
            case .disabled(let key):
                return "reforms.\(key) is not enabled in the scenario: items cannot be added to a reform that is off"
            case .tooMany(let key, let asked, let candidates):
                let what = key == Bundles.key ? "life events are not yet bundled"
                    : key == ElectronicCertificates.key ? "certificate types are not yet covered" : "eligible items are not yet reached by reforms.\(key)"
                return "\(asked) asked for, but only \(candidates) \(what)"
            }
        }
    }

    /// The reforms a prioritisation can extend: the item reforms, bundles (by life event) and
    /// electronic certificates (by certificate type).
    public static var reformKeys: [String] {
        ReformRegistry.standard.types.filter { $0 is any ItemCountReform.Type }.map { $0.key } + [Bundles.key, ElectronicCertificates.key]
    }

    /// Whether the units are life events (bundles).
    public var byEvent: Bool { reformKey == Bundles.key }
    /// Whether the units are certificate types (electronic certificates).
    public var byCertificate: Bool { reformKey == ElectronicCertificates.key }
    /// The items that need each certificate type (electronic certificates only).
    let usersOf: [[Int]]

    public let scenario: Scenario
    public let reformKey: String
    public let add: Int
    public let objective: Objective
    public let replications: Int
    public let threads: Int
    /// Eligible units the reform does not reach now, by catalog index (items, or life events).
    public let candidates: [Int]
    /// The life events bundled now (bundles only).
    let bundledNow: [Bool]

    /// Checks the request against `scenario` (already scaled and seeded).
    public init(scenario: Scenario, reform key: String, add: Int, objective: Objective, replications: Int, threads: Int) throws {
        guard Self.reformKeys.contains(key), let reform = scenario.parameters.reforms[key: key] else {
            throw Problem.notAnItemReform(key, allowed: Self.reformKeys)
        }
        guard reform.enabled else { throw Problem.disabled(key) }
        let policy = ResolvedReforms(scenario: scenario, kiosksAvailable: scenario.parameters.kiosks.count > 0)
        let candidates: [Int]
        if let items = reform as? any ItemCountReform {
            let type = type(of: items)
            candidates = scenario.catalog.items.indices.filter { type.eligible(scenario.catalog.items[$0]) && !type.reaches($0, in: policy) }
        } else if key == Bundles.key {
            candidates = scenario.catalog.lifeEvents.indices.filter { !policy.bundledEvents[$0] }
        } else {
            candidates = scenario.catalog.certificates.indices.filter { !policy.certificateCovered[$0] }
        }
        bundledNow = policy.bundledEvents
        var users = Array(repeating: [Int](), count: key == ElectronicCertificates.key ? scenario.catalog.certificates.count : 0)
        if key == ElectronicCertificates.key {
            for (i, item) in scenario.catalog.items.enumerated() { for c in Set(item.certificates) { users[c].append(i) } }
        }
        usersOf = users
        guard add <= candidates.count else { throw Problem.tooMany(reform: key, asked: add, candidates: candidates.count) }
        self.scenario = scenario; reformKey = key; self.add = add; self.objective = objective
        self.replications = replications; self.threads = threads; self.candidates = candidates
    }

    /// `scenario` with `units` named last in the reform's `include` and its size grown by as many
    /// items as they need, so that every unit it reached before stays reached.
    public func extended(_ s: Scenario, with units: [Int]) -> Scenario {
        var copy = s
        if byEvent {
            copy.parameters.reforms = s.parameters.reforms.replacing(bundles(s, adding: units))
        } else if byCertificate {
            var reform = s.parameters.reforms[ElectronicCertificates.self]!
            reform.include += units.map { s.catalog.certificates[$0].id }
            reform.types += units.count
            copy.parameters.reforms = s.parameters.reforms.replacing(reform)
        } else {
            var reform = s.parameters.reforms[key: reformKey] as! any ItemCountReform
            reform.selection.include += units.map { s.catalog.items[$0].id }
            reform.items += units.count
            copy.parameters.reforms = s.parameters.reforms.replacing(reform)
        }
        return copy
    }

    /// The bundles reform with `events` named last and its size the fewest items that keep every
    /// event bundled now and bundle the new ones too (events are taken while their items fit, so
    /// the size grows from the union of their items until they all are). O(events × items) a try.
    public func bundles(_ s: Scenario, adding events: [Int]) -> Bundles {
        var reform = s.parameters.reforms[Bundles.self]!
        reform.selection.include += events.map { s.catalog.lifeEvents[$0].id }
        let wanted = Set(bundledNow.indices.filter { bundledNow[$0] } + events)
        let union = Set(wanted.flatMap { s.catalog.lifeEvents[$0].items })
        let capacity = Set(s.catalog.lifeEvents.flatMap(\.items)).count
        var copy = s
        reform.items = max(reform.items, union.count + reform.selection.addedByVolume)
        while true {
            copy.parameters.reforms = s.parameters.reforms.replacing(reform)
            let bundled = ResolvedReforms(scenario: copy, kiosksAvailable: s.parameters.kiosks.count > 0).bundledEvents
            if wanted.allSatisfy({ bundled[$0] }) || reform.items >= capacity { return reform }
            reform.items += 1
        }
    }

    /// The items of unit `u`.
    func items(of u: Int) -> [Int] { byEvent ? scenario.catalog.lifeEvents[u].items : byCertificate ? usersOf[u] : [u] }

    /// Per replication, each item's trips and citizen-hours a year at city scale: its expected
    /// needs a year times its trips (hours) per completed need. Per completed need, not in all: a
    /// reform that shortens lead times completes more applications within the simulated days, which
    /// would count against it in a total.
    struct ItemCosts {
        var trips: [[Double]] = []
        var hours: [[Double]] = []
    }

    /// Simulates `s` on the replications' seeds and reads every item's costs.
    func costs(_ s: Scenario, cancelled: @escaping @Sendable () -> Bool) throws -> ItemCosts {
        var c = ItemCosts()
        let needs = s.expectedNeeds
        for r in 0..<replications {
            let simulation = Simulation(scenario: s.withSeed(s.parameters.seed &+ UInt64(r)), threads: threads)
            simulation.isCancelled = cancelled
            let result = try simulation.run()
            func perNeed(_ i: Int, _ f: Tally.ItemField) -> Double {
                let completed = result.tally.item(i, .completed)
                return completed > 0 ? Double(result.tally.item(i, f)) / Double(completed) * needs[i] : 0
            }
            c.trips.append(result.catalog.items.indices.map { perNeed($0, .trips) })
            c.hours.append(result.catalog.items.indices.map { perNeed($0, .citizenMs) / 3_600_000 })
        }
        return c
    }

    /// The mean of paired differences and its 95 % t interval.
    static func saving(_ differences: [Double]) -> Saving {
        let (mean, half) = Comparison.pairedInterval(differences)
        return Saving(mean: mean, low: mean - (half ?? 0), high: mean + (half ?? 0))
    }

    /// Screens, simulates the batches and chooses; `progress` hears each run's label. The result
    /// is the chosen items, largest saving first, and the number of simulated runs.
    public func run(progress: (String) -> Void, cancelled: @escaping @Sendable () -> Bool) throws -> (choices: [Choice], runs: Int) {
        progress("the scenario as it is")
        let base = try costs(scenario, cancelled: cancelled)
        let needs = unitNeeds()
        let cost = objective == .trips ? base.trips : base.hours
        // A life event costs its share of its items' costs: the needs it brings over their needs.
        let itemNeeds = scenario.expectedNeeds
        // A certificate type costs its share of its items' costs: one of the certificates each needs.
        func share(_ u: Int, _ i: Int) -> Double {
            if byCertificate { return 1 / Double(max(1, Set(scenario.catalog.items[i].certificates).count)) }
            guard byEvent else { return 1 }
            let e = scenario.catalog.lifeEvents[u]
            return itemNeeds[i] > 0 ? min(1, e.ratePerAgentYear * scenario.audienceAgents[e.audience.rawValue] / itemNeeds[i]) : 0
        }
        let screen = candidates.map { u in (u, cost.reduce(0) { total, rep in total + items(of: u).reduce(0) { $0 + rep[$1] * share(u, $1) } }) }
            .sorted { ($1.1, needs[$1.0], $0.0) < ($0.1, needs[$0.0], $1.0) }
        let leaders = screen.prefix(min(candidates.count, 3 * add)).map(\.0)
        let batches = deal(leaders)
        var evaluated: [(item: Int, trips: Saving, hours: Saving)] = []
        for (b, batch) in batches.enumerated() {
            progress("batch \(b + 1) of \(batches.count) (\(batch.count) \(unitName))")
            let with = try costs(extended(scenario, with: batch), cancelled: cancelled)
            // An item that several units of the batch act on (certificate types it needs) shares
            // its saving equally among them; events in a batch share no item.
            var actedOn: [Int: Int] = [:]
            for u in batch { for i in Set(items(of: u)) { actedOn[i, default: 0] += 1 } }
            for u in batch {
                func diff(_ a: [[Double]], _ b: [[Double]]) -> [Double] {
                    (0..<replications).map { r in Set(items(of: u)).reduce(0) { $0 + (a[r][$1] - b[r][$1]) / Double(actedOn[$1]!) } }
                }
                evaluated.append((u, Self.saving(diff(base.trips, with.trips)), Self.saving(diff(base.hours, with.hours))))
            }
        }
        let batchCount = batches.count
        let key: (Int) -> Double = objective == .trips ? { evaluated[$0].trips.mean } : { evaluated[$0].hours.mean }
        let order = evaluated.indices.sorted { (key($1), needs[evaluated[$1].item], evaluated[$0].item) < (key($0), needs[evaluated[$0].item], evaluated[$1].item) }
        let choices = order.prefix(add).map { k in
            Choice(item: evaluated[k].item, needsPerYear: needs[evaluated[k].item], trips: evaluated[k].trips, citizenHours: evaluated[k].hours)
        }
        return (choices, replications * (1 + batchCount))
    }

    /// What a unit is, in words (plural).
    public var unitName: String { byEvent ? "life events" : byCertificate ? "certificate types" : "items" }

    /// Expected needs a year of each unit: an item's, a life event's (events × items), or a
    /// certificate type's (the needs of the items that need it).
    func unitNeeds() -> [Double] {
        if byEvent { return scenario.catalog.expectedEventNeeds(agents: scenario.audienceAgents) }
        let needs = scenario.expectedNeeds
        if byCertificate { return usersOf.map { $0.reduce(0) { $0 + needs[$1] } } }
        return needs
    }

    /// The leaders dealt in rank order into ⌈L/N⌉ batches of at most N, rank k to batch k mod B.
    /// Life events that share an item go to different batches (a shared item's saving could not
    /// be told apart), opening a batch where none is free of the event's items.
    func deal(_ leaders: [Int]) -> [[Int]] {
        let count = max(1, (leaders.count + add - 1) / add)
        var batches = Array(repeating: [Int](), count: count)
        var used = Array(repeating: Set<Int>(), count: count)
        for (rank, u) in leaders.enumerated() {
            let own = byEvent ? Set(items(of: u)) : []
            let start = rank % batches.count
            let order = (0..<batches.count).map { (start + $0) % batches.count }
            if let b = order.first(where: { batches[$0].count < add && used[$0].isDisjoint(with: own) }) {
                batches[b].append(u); used[b].formUnion(own)
            } else {
                batches.append([u]); used.append(own)
            }
        }
        return batches.filter { !$0.isEmpty }
    }

    /// `ranking.csv`: the chosen items in order with their savings a year (city scale) and intervals.
    public func ranking(_ choices: [Choice]) -> CSVTable {
        var t = CSVTable(header: ["rank", "item_id", "name_zh", "name_en", "needs_per_year",
                                  "trips_saved_per_year", "trips_saved_ci_low", "trips_saved_ci_high",
                                  "citizen_hours_saved_per_year", "citizen_hours_saved_ci_low", "citizen_hours_saved_ci_high",
                                  "cumulative_trips_saved", "cumulative_citizen_hours_saved"])
        var trips = 0.0, hours = 0.0
        for (rank, c) in choices.enumerated() {
            let (id, zh, en) = byEvent
                ? (scenario.catalog.lifeEvents[c.item].id, scenario.catalog.lifeEvents[c.item].nameZh, scenario.catalog.lifeEvents[c.item].nameEn)
                : byCertificate
                ? (scenario.catalog.certificates[c.item].id, scenario.catalog.certificates[c.item].nameZh, scenario.catalog.certificates[c.item].nameEn)
                : (scenario.catalog.items[c.item].id, scenario.catalog.items[c.item].nameZh, scenario.catalog.items[c.item].nameEn)
            trips += c.trips.mean; hours += c.citizenHours.mean
            t.append([String(rank + 1), id, zh, en, Format.number(c.needsPerYear, 1),
                      Format.number(c.trips.mean, 1), Format.number(c.trips.low, 1), Format.number(c.trips.high, 1),
                      Format.number(c.citizenHours.mean, 1), Format.number(c.citizenHours.low, 1), Format.number(c.citizenHours.high, 1),
                      Format.number(trips, 1), Format.number(hours, 1)])
        }
        return t
    }
}
