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
/// 3. **Choice.** The N items with the largest mean simulated saving, largest first.
///
/// Complements: a bundled life event's application takes an item reform only if every item of the
/// event has it (`ApplicationTerms`), so for an item reform the candidates of a bundled event are
/// one *group*, screened by their cost per item and dealt into one batch; the N items are then the
/// groups, or items of groups taken alone (worth their unbundled needs' saving), of largest saving
/// that hold exactly N, by a knapsack with one choice per group. Taken one by one, each member's saving is that of its own unbundled needs
/// only, and the event's never shows (2020's birth event: 出生登记 and four more items).
///
/// It does not promise the best N of all candidates: items outside the leading 3N are not
/// simulated, and an item's saving is measured beside the others of its batch (they share the
/// halls), not beside the final choice. Runs: replications × (1 + batches), at most 4 × replications
/// for items (life events that share items, or groups, may need a few batches more).
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
        /// The other items chosen with it because a bundled life event needs them all (item reforms).
        public let together: [Int]
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
    /// The candidates in groups that are chosen together (an item reform's candidates of one
    /// bundled life event; every other unit alone), in candidate order of their first unit.
    public let groups: [[Int]]
    /// For each group, the items its events hold that the reform reaches already: their share of
    /// the events' applications is saved only when the group completes them, so it counts in the
    /// group's saving.
    let tied: [[Int]]

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
        if let items = reform as? any ItemCountReform {
            // The bundled events the reform can complete: each item reached now or a candidate.
            let type = type(of: items), open = Set(candidates)
            let events = scenario.catalog.lifeEvents.indices.filter { policy.bundledEvents[$0] }.map { scenario.catalog.lifeEvents[$0].items }
                .filter { $0.allSatisfy { open.contains($0) || type.reaches($0, in: policy) } }
            groups = Self.complements(candidates, events: events, limit: add)
            tied = groups.map { g in
                guard g.count > 1 else { return [] }
                let members = Set(g)
                return Set(events.filter { !members.isDisjoint(with: $0) }.joined()).subtracting(open).sorted()
            }
        } else {
            groups = candidates.map { [$0] }
            tied = groups.map { _ in [] }
        }
        self.scenario = scenario; reformKey = key; self.add = add; self.objective = objective
        self.replications = replications; self.threads = threads; self.candidates = candidates
    }

    /// The candidates in groups: the candidates among one event's items (`events`: the bundled
    /// events the reform can complete) are one group, events that share a candidate join theirs,
    /// and a group larger than `limit` cannot be chosen whole, so its items stay alone. Groups in
    /// the order of their smallest candidate, each in candidate order. O(events × items + candidates).
    public static func complements(_ candidates: [Int], events: [[Int]], limit: Int) -> [[Int]] {
        var parent = Dictionary(uniqueKeysWithValues: candidates.map { ($0, $0) })
        func root(_ i: Int) -> Int {
            var r = i
            while parent[r]! != r { r = parent[r]! }
            return r
        }
        for members in events {
            let open = Set(members).filter { parent[$0] != nil }
            guard open.count > 1 else { continue }
            var a = root(open.min()!)
            for i in open.sorted() {
                let b = root(i)
                if a != b { parent[max(a, b)] = min(a, b); a = min(a, b) }
            }
        }
        var byRoot: [Int: [Int]] = [:]
        for c in candidates { byRoot[root(c), default: []].append(c) }
        var groups: [[Int]] = []
        for c in candidates where root(c) == c {
            let g = byRoot[c]!
            if g.count <= limit { groups.append(g) } else { groups += g.map { [$0] } }
        }
        return groups
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
    /// needs a year times its trips (hours) per completed need (for an item reform, a bundle's
    /// split among its items: `costs`). Per completed need, not in all: a reform that shortens lead
    /// times completes more applications within the simulated days, which would count against it
    /// in a total.
    struct ItemCosts {
        var trips: [[Double]] = []
        var hours: [[Double]] = []
        /// An item reform's items alone: their single needs a year times the trips (hours) per
        /// completed application of the item alone, what the reform saves on a group's item
        /// chosen without the rest of its group.
        var aloneTrips: [[Double]] = []
        var aloneHours: [[Double]] = []
    }

    /// Simulates `s` on the replications' seeds and reads every item's costs.
    func costs(_ s: Scenario, cancelled: @escaping @Sendable () -> Bool) throws -> ItemCosts {
        var c = ItemCosts()
        let needs = s.expectedNeeds
        let singleNeeds = s.catalog.expectedSingleNeeds(agents: s.audienceAgents, needsPerAgentYear: s.needsPerAgentYear)
        for r in 0..<replications {
            let simulation = Simulation(scenario: s.withSeed(s.parameters.seed &+ UInt64(r)), threads: threads)
            simulation.isCancelled = cancelled
            let result = try simulation.run()
            func perNeed(_ i: Int, _ f: Tally.ItemField) -> Double {
                let completed = result.tally.item(i, .completed)
                return completed > 0 ? Double(result.tally.item(i, f)) / Double(completed) * needs[i] : 0
            }
            // An item reform's groups are valued by summing their items' costs, so a bundle's
            // application must count once over its items: per need of the item (a bundle serves one
            // of each of its items), its trips and hours split among them. Life events and
            // certificate types take their share of each item from the needs (`run`), over the
            // full counts.
            if byEvent || byCertificate {
                c.trips.append(result.catalog.items.indices.map { perNeed($0, .trips) })
                c.hours.append(result.catalog.items.indices.map { perNeed($0, .citizenMs) / 3_600_000 })
                continue
            }
            let t = result.tally
            var trips: [Double] = [], hours: [Double] = [], aloneTrips: [Double] = [], aloneHours: [Double] = []
            for i in result.catalog.items.indices {
                let completed = t.item(i, .completed), alone = completed - t.item(i, .bundledCompleted)
                // The item alone in full; its bundles' applications, split among their items.
                let tripsAlone = t.item(i, .trips) - t.item(i, .bundledTrips), msAlone = t.item(i, .citizenMs) - t.item(i, .bundledCitizenMs)
                let tripsShare = Double(tripsAlone * Tally.shareUnit + t.item(i, .bundledTripsShare)) / Double(Tally.shareUnit)
                let msShare = Double(msAlone + t.item(i, .bundledCitizenMsShare))
                trips.append(completed > 0 ? tripsShare / Double(completed) * needs[i] : 0)
                hours.append(completed > 0 ? msShare / Double(completed) * needs[i] / 3_600_000 : 0)
                aloneTrips.append(alone > 0 ? Double(tripsAlone) / Double(alone) * singleNeeds[i] : 0)
                aloneHours.append(alone > 0 ? Double(msAlone) / Double(alone) * singleNeeds[i] / 3_600_000 : 0)
            }
            c.trips.append(trips); c.hours.append(hours); c.aloneTrips.append(aloneTrips); c.aloneHours.append(aloneHours)
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
        let unitCost = Dictionary(uniqueKeysWithValues: candidates.map { u in
            (u, cost.reduce(0) { total, rep in total + items(of: u).reduce(0) { $0 + rep[$1] * share(u, $1) } })
        })
        // Groups by their cost per unit (a lone unit: its cost), ties by needs, then catalog order;
        // the leading groups until they hold 3N units.
        let screen = groups.map { g in (g, g.reduce(0) { $0 + unitCost[$1]! } / Double(g.count), g.reduce(0) { $0 + needs[$1] }) }
            .sorted { ($1.1, $1.2, $0.0[0]) < ($0.1, $0.2, $1.0[0]) }
        var leaders: [[Int]] = [], leading = 0
        for (g, _, _) in screen where leading < min(candidates.count, 3 * add) {
            leaders.append(g); leading += g.count
        }
        let tiedTo = Dictionary(uniqueKeysWithValues: groups.indices.map { (groups[$0][0], tied[$0]) })
        let batches = deal(leaders, tied: tiedTo)
        // Each unit's saving per replication (paired differences); a group's tied items' saving is
        // shared equally among its units.
        var trips: [Int: [Double]] = [:], hours: [Int: [Double]] = [:]
        var aloneTrips: [Int: [Double]] = [:], aloneHours: [Int: [Double]] = [:]
        for (b, batch) in batches.enumerated() {
            let units = batch.flatMap { $0 }
            progress("batch \(b + 1) of \(batches.count) (\(units.count) \(unitName))")
            let with = try costs(extended(scenario, with: units), cancelled: cancelled)
            // An item that several units of the batch act on (certificate types it needs) shares
            // its saving equally among them; events in a batch share no item, nor groups a tied item.
            var actedOn: [Int: Int] = [:]
            for u in units { for i in Set(items(of: u)) { actedOn[i, default: 0] += 1 } }
            func diff(_ items: Set<Int>, _ a: [[Double]], _ b: [[Double]], by: (Int) -> Double) -> [Double] {
                (0..<replications).map { r in items.reduce(0) { $0 + (a[r][$1] - b[r][$1]) / by($1) } }
            }
            for g in batch {
                let others = Set(tiedTo[g[0]] ?? [])
                let tiedTrips = diff(others, base.trips, with.trips) { _ in Double(g.count) }
                let tiedHours = diff(others, base.hours, with.hours) { _ in Double(g.count) }
                for u in g {
                    let own = Set(items(of: u))
                    trips[u] = zip(diff(own, base.trips, with.trips) { Double(actedOn[$0]!) }, tiedTrips).map { $0 + $1 }
                    hours[u] = zip(diff(own, base.hours, with.hours) { Double(actedOn[$0]!) }, tiedHours).map { $0 + $1 }
                    // Its unbundled needs' saving: what it saves if chosen without the rest of the group.
                    if g.count > 1 {
                        aloneTrips[u] = diff([u], base.aloneTrips, with.aloneTrips) { _ in 1 }
                        aloneHours[u] = diff([u], base.aloneHours, with.aloneHours) { _ in 1 }
                    }
                }
            }
        }
        let evaluated = batches.flatMap { $0 }
        func sum(_ g: [Int], _ by: [Int: [Double]]) -> [Double] {
            (0..<replications).map { r in g.reduce(0) { $0 + by[$1]![r] } }
        }
        let measured = objective == .trips ? trips : hours
        let value = evaluated.map { Self.saving(sum($0, measured)).mean }
        // Largest saving first (ties: more needs, then catalog order), the groups that hold N.
        let order = evaluated.indices.sorted {
            (value[$1], evaluated[$1].reduce(0) { $0 + needs[$1] }, evaluated[$0][0]) < (value[$0], evaluated[$0].reduce(0) { $0 + needs[$1] }, evaluated[$1][0])
        }
        // A group's options: k of its items alone (the k of largest saving alone), or all of it.
        let measuredAlone = objective == .trips ? aloneTrips : aloneHours
        let alone = order.map { k in
            evaluated[k].count == 1 ? [] : evaluated[k].sorted {
                (Self.saving(measuredAlone[$1]!).mean, $0) < (Self.saving(measuredAlone[$0]!).mean, $1)
            }
        }
        let options = order.indices.map { j in
            let g = evaluated[order[j]]
            guard g.count > 1 else { return [0, value[order[j]]] }
            var f = [0.0]
            for u in alone[j].dropLast() { f.append(f.last! + Self.saving(measuredAlone[u]!).mean) }
            return f + [value[order[j]]]
        }
        let taken = Self.fill(add, options: options)
        // Blocks in order of their saving: a whole group, or one item taken alone.
        var blocks: [(value: Double, first: Int, choices: [Choice])] = []
        for (j, k) in taken.enumerated() where k > 0 {
            let g = evaluated[order[j]]
            if k == g.count {
                // Within a group, its items by their own saving (a bundle's trips split among its items).
                let members = g.sorted { (measured[$1]!.reduce(0, +), $0) < (measured[$0]!.reduce(0, +), $1) }
                blocks.append((value[order[j]], g[0], members.map { u in
                    Choice(item: u, needsPerYear: needs[u], trips: Self.saving(trips[u]!), citizenHours: Self.saving(hours[u]!),
                           together: g.filter { $0 != u })
                }))
            } else {
                for u in alone[j].prefix(k) {
                    blocks.append((Self.saving(measuredAlone[u]!).mean, u, [
                        Choice(item: u, needsPerYear: needs[u], trips: Self.saving(aloneTrips[u]!), citizenHours: Self.saving(aloneHours[u]!),
                               together: [])
                    ]))
                }
            }
        }
        let choices = blocks.sorted { ($1.value, $0.first) < ($0.value, $1.first) }.flatMap(\.choices)
        return (choices, replications * (1 + batches.count))
    }

    /// How many units to take from each group so that they hold exactly `n` units with the largest
    /// sum: `options[g][k]` is what taking k units of group g is worth (`options[g][0]` = 0; a lone
    /// unit has [0, its saving]). A knapsack with one choice per group, by dynamic programming
    /// (ties: fewer from the later groups, so that lone units in order of saving give the first n);
    /// where no choice holds exactly n, the best that holds the most below it.
    /// O(groups × n × group size).
    public static func fill(_ n: Int, options: [[Double]]) -> [Int] {
        // best[k]: the largest sum holding exactly k units with the groups seen so far.
        var best = [Double](repeating: -.infinity, count: n + 1)
        best[0] = 0
        var taken = [[Int]]()
        for f in options {
            var next = best, take = [Int](repeating: 0, count: n + 1)
            for k in 0...n where best[k] > -.infinity {
                for j in 1..<f.count where k + j <= n && best[k] + f[j] > next[k + j] {
                    next[k + j] = best[k] + f[j]
                    take[k + j] = j
                }
            }
            best = next
            taken.append(take)
        }
        guard var k = (0...n).reversed().first(where: { best[$0] > -.infinity }) else { return options.map { _ in 0 } }
        var counts = [Int](repeating: 0, count: options.count)
        for g in options.indices.reversed() {
            counts[g] = taken[g][k]
            k -= counts[g]
        }
        return counts
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

    /// The leading groups dealt in rank order into ⌈L/N⌉ batches of at most N units (L: the units
    /// they hold), rank k to batch k mod B or the next with room, so that a group is measured whole.
    /// Life events that share an item, and groups tied to one reached item, go to different
    /// batches (a shared item's saving could not be told apart), opening a batch where none is
    /// free of the event's items or has room.
    func deal(_ leaders: [[Int]], tied: [Int: [Int]] = [:]) -> [[[Int]]] {
        let units = leaders.reduce(0) { $0 + $1.count }
        let count = max(1, (units + add - 1) / add)
        var batches = Array(repeating: [[Int]](), count: count)
        var sizes = Array(repeating: 0, count: count)
        var used = Array(repeating: Set<Int>(), count: count)
        for (rank, g) in leaders.enumerated() {
            let own = byEvent ? Set(g.flatMap { items(of: $0) }) : Set(tied[g[0]] ?? [])
            let start = rank % batches.count
            let order = (0..<batches.count).map { (start + $0) % batches.count }
            if let b = order.first(where: { sizes[$0] + g.count <= add && used[$0].isDisjoint(with: own) }) {
                batches[b].append(g); sizes[b] += g.count; used[b].formUnion(own)
            } else {
                batches.append([g]); sizes.append(g.count); used.append(own)
            }
        }
        return batches.filter { !$0.isEmpty }
    }

    /// `ranking.csv`: the chosen items in order with their savings a year (city scale) and intervals,
    /// and (`chosen_with`) the items chosen with each because a bundled event needs them all.
    public func ranking(_ choices: [Choice]) -> CSVTable {
        var t = CSVTable(header: ["rank", "item_id", "name_zh", "name_en", "needs_per_year",
                                  "trips_saved_per_year", "trips_saved_ci_low", "trips_saved_ci_high",
                                  "citizen_hours_saved_per_year", "citizen_hours_saved_ci_low", "citizen_hours_saved_ci_high",
                                  "cumulative_trips_saved", "cumulative_citizen_hours_saved", "chosen_with"])
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
                      Format.number(trips, 1), Format.number(hours, 1),
                      c.together.map { scenario.catalog.items[$0].id }.joined(separator: ";")])
        }
        return t
    }
}
