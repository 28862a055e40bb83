import CGSL
import Foundation
import PaodongEngine
import PaodongModel

/// Which N more items to add to an item reform (instant approval, pre-filled forms, kiosks) for the
/// largest saving of trips or citizen-hours: `paodong prioritize`.
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
/// halls), not beside the final choice. Runs: replications × (1 + batches), at most 4 × replications.
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

    /// One chosen item.
    public struct Choice: Sendable {
        public let item: Int
        /// Expected needs a year at full scale.
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
                return "\(asked) items asked for, but only \(candidates) eligible items are not yet reached by reforms.\(key)"
            }
        }
    }

    /// The item reforms a prioritisation can extend.
    public static var reformKeys: [String] {
        ReformRegistry.standard.types.filter { $0 is any ItemCountReform.Type }.map { $0.key }
    }

    public let scenario: Scenario
    public let reformKey: String
    public let add: Int
    public let objective: Objective
    public let replications: Int
    public let threads: Int
    /// Eligible items the reform does not reach now, by catalog index.
    public let candidates: [Int]

    /// Checks the request against `scenario` (already scaled and seeded).
    public init(scenario: Scenario, reform key: String, add: Int, objective: Objective, replications: Int, threads: Int) throws {
        guard let reform = scenario.parameters.reforms[key: key] as? any ItemCountReform else {
            throw Problem.notAnItemReform(key, allowed: Self.reformKeys)
        }
        guard reform.enabled else { throw Problem.disabled(key) }
        let policy = ResolvedReforms(scenario: scenario, kiosksAvailable: scenario.parameters.kiosks.count > 0)
        let reached = Self.reached(key, policy)
        let eligible = type(of: reform).eligible
        let candidates = scenario.catalog.items.indices.filter { eligible(scenario.catalog.items[$0]) && !reached($0) }
        guard add <= candidates.count else { throw Problem.tooMany(reform: key, asked: add, candidates: candidates.count) }
        self.scenario = scenario; reformKey = key; self.add = add; self.objective = objective
        self.replications = replications; self.threads = threads; self.candidates = candidates
    }

    /// Whether the reform under `key` reaches item i now.
    static func reached(_ key: String, _ policy: ResolvedReforms) -> (Int) -> Bool {
        switch key {
        case InstantApproval.key: return { policy.flags[$0].contains(.instant) }
        case Prefill.key: return { policy.flags[$0].contains(.prefill) }
        default: return { policy.channels[$0].contains(.kiosk) }
        }
    }

    /// `scenario` with `items` named last in the reform's `include` and its size grown by as many,
    /// so that every item it reached before stays reached.
    public func extended(_ s: Scenario, with items: [Int]) -> Scenario {
        var reform = s.parameters.reforms[key: reformKey] as! any ItemCountReform
        reform.selection.include += items.map { s.catalog.items[$0].id }
        reform.items += items.count
        var copy = s
        copy.parameters.reforms = s.parameters.reforms.replacing(reform)
        return copy
    }

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
        let n = Double(differences.count)
        let mean = differences.reduce(0, +) / n
        guard differences.count > 1 else { return Saving(mean: mean, low: mean, high: mean) }
        let variance = differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        let half = gsl_cdf_tdist_Pinv(0.975, n - 1) * (variance / n).squareRoot()
        return Saving(mean: mean, low: mean - half, high: mean + half)
    }

    /// Screens, simulates the batches and chooses; `progress` hears each run's label. The result
    /// is the chosen items, largest saving first, and the number of simulated runs.
    public func run(progress: (String) -> Void, cancelled: @escaping @Sendable () -> Bool) throws -> (choices: [Choice], runs: Int) {
        progress("the scenario as it is")
        let base = try costs(scenario, cancelled: cancelled)
        let needs = scenario.expectedNeeds
        let cost = objective == .trips ? base.trips : base.hours
        let screen = candidates.map { i in (i, cost.reduce(0) { $0 + $1[i] }) }
            .sorted { ($1.1, needs[$1.0], $0.0) < ($0.1, needs[$0.0], $1.0) }
        let leaders = screen.prefix(min(candidates.count, 3 * add)).map(\.0)
        let batchCount = (leaders.count + add - 1) / add
        var batches = Array(repeating: [Int](), count: batchCount)
        for (rank, item) in leaders.enumerated() { batches[rank % batchCount].append(item) }
        var evaluated: [(item: Int, trips: Saving, hours: Saving)] = []
        for (b, batch) in batches.enumerated() {
            progress("batch \(b + 1) of \(batchCount) (\(batch.count) items)")
            let with = try costs(extended(scenario, with: batch), cancelled: cancelled)
            for i in batch {
                evaluated.append((i, Self.saving((0..<replications).map { base.trips[$0][i] - with.trips[$0][i] }),
                                  Self.saving((0..<replications).map { base.hours[$0][i] - with.hours[$0][i] })))
            }
        }
        let key: (Int) -> Double = objective == .trips ? { evaluated[$0].trips.mean } : { evaluated[$0].hours.mean }
        let order = evaluated.indices.sorted { (key($1), needs[evaluated[$1].item], evaluated[$0].item) < (key($0), needs[evaluated[$0].item], evaluated[$1].item) }
        let choices = order.prefix(add).map { k in
            Choice(item: evaluated[k].item, needsPerYear: needs[evaluated[k].item], trips: evaluated[k].trips, citizenHours: evaluated[k].hours)
        }
        return (choices, replications * (1 + batchCount))
    }

    /// `ranking.csv`: the chosen items in order with their savings a year (city scale) and intervals.
    public func ranking(_ choices: [Choice]) -> CSVTable {
        var t = CSVTable(header: ["rank", "item_id", "name_zh", "name_en", "needs_per_year",
                                  "trips_saved_per_year", "trips_saved_ci_low", "trips_saved_ci_high",
                                  "citizen_hours_saved_per_year", "citizen_hours_saved_ci_low", "citizen_hours_saved_ci_high",
                                  "cumulative_trips_saved", "cumulative_citizen_hours_saved"])
        var trips = 0.0, hours = 0.0
        for (rank, c) in choices.enumerated() {
            let item = scenario.catalog.items[c.item]
            trips += c.trips.mean; hours += c.citizenHours.mean
            t.append([String(rank + 1), item.id, item.nameZh, item.nameEn, Format.number(c.needsPerYear, 1),
                      Format.number(c.trips.mean, 1), Format.number(c.trips.low, 1), Format.number(c.trips.high, 1),
                      Format.number(c.citizenHours.mean, 1), Format.number(c.citizenHours.low, 1), Format.number(c.citizenHours.high, 1),
                      Format.number(trips, 1), Format.number(hours, 1)])
        }
        return t
    }
}
