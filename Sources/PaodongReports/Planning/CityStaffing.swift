import Foundation
import PaodongEngine
import PaodongModel

/// How many windows each hall, and how many agents each hotline line by hour, need for a service
/// standard: `paodong staff SCENARIO.yaml`.
///
/// A hall's window group meets the standard when at least `target` of its queue joins over the
/// run are served within `thresholdMin` minutes (a join that is not served at all counts as not
/// within). A hotline line meets it in an hour of the week when at least `hotlineTarget` of that
/// hour's attempts over the run are answered within the scenario's `hotline.answer_standard_sec`
/// (hotline.csv's share_within_standard).
///
/// The decisions are what a planner writes: the windows of each window group of the halls of a
/// level in a district (`halls.levels.<level>.windows_by_group`; under one window, the hall's
/// pooled windows, `windows_by_district`), the groups themselves (which departments have their own
/// windows) as the scenario has them now; the general line's agents by hour of the week
/// (`hotline.general_line_agents` × `staffing_by_weekday`); the business line's agents, the same every
/// hour (`reforms.business_line.agents`). A group key meets the standard when that group of every
/// simulated hall of its level in its district does.
///
/// 1. **Load.** The scenario as it is, simulated with its replications (round 0), gives each window
///    group's queue joins and offered minutes by hour of the day (a miniature's background visits
///    counted), and each line's attempts and handling minutes by hour.
/// 2. **Start.** Per group, the fewest windows meeting the standard in Erlang C (M/M/c), hour by
///    hour at the hour's mean arrival rate and service, weighted by the hour's joins: the morning
///    peak counts as much as its visitors. This is square-root safety staffing (c ≈ a + β√a)
///    without its approximation error for small groups. Per line and hour, the fewest agents
///    meeting the standard in Erlang A (M/M/n+M, with the callers' patience).
/// 3. **Refinement.** The whole city is re-simulated on the same seeds (common random numbers): a
///    key that misses goes up by 1, 2, 4, … with each miss in a row (halfway to a count known to
///    meet once there is one), one that meets comes down likewise until the count below is known
///    to miss; a count once seen to miss is not tried again, so the rounds end. A line's hour is
///    only checked: it keeps its Erlang A start where the simulation meets it, and goes up where
///    not (adjacent hours share a backlog, so trimming one moves its neighbours). It stops when a round changes nothing: that round's configuration is the
///    recommendation, measured as a whole. At most `maxRounds` rounds, else `Problem.notSettled`.
///
/// It does not promise the cheapest city: which departments have their own windows is not
/// changed, halls of a level in a district share their counts (the busiest decides), a miniature's
/// halls not simulated keep their windows, and the standard is measured on the run's seeds (other
/// seeds may fall a little short).
public struct CityStaffing {
    /// Why staffing cannot be done.
    public enum Problem: Error, CustomStringConvertible {
        case unreachable(String, why: String)
        case notSettled(rounds: Int, keys: [String])
        case noHalls

        public var description: String {
            switch self {
            case .unreachable(let what, let why): return "\(what) cannot meet the standard: \(why)"
            case .notSettled(let rounds, let keys):
                // The first few name where it moves; a city can have hundreds (a whole level on its first round).
                let shown = keys.prefix(8).joined(separator: ", ") + (keys.count > 8 ? ", and \(keys.count - 8) more" : "")
                return "the staffing did not settle within \(rounds) round\(rounds == 1 ? "" : "s") (still moving: \(shown)); nothing written; raise --max-rounds"
            case .noHalls: return "no hall is simulated at this scale"
            }
        }
    }

    /// One decision: the windows of a window group (a department id, `shared`, or `all` under one
    /// window) in each hall of a level in a district, or a hotline line's agents in an hour of the
    /// week (`hour` = weekday × 24 + hour of the day, Monday first; `allHours`: every hour, the
    /// business line).
    public enum Key: Hashable, Comparable, Sendable {
        case group(HallLevel, district: Int, group: String)
        case line(HotlineLine, hour: Int)

        var order: (Int, Int, Int, String) {
            switch self {
            case .group(let level, let district, let group): return (0, level.rawValue, district, group == WindowGroupRow.shared ? "~" : group)
            case .line(let line, let hour): return (1, line.rawValue, hour, "")
            }
        }
        public static func < (a: Key, b: Key) -> Bool { a.order < b.order }
    }

    /// The group word for a pooled hall under one window.
    public static let pooled = "all"
    /// Hours of the week, and the `hour` of a line decision that holds for all of them.
    public static let allHours = 168

    /// One hall's window groups in one round, replications pooled.
    public struct HallMeasure: Sendable {
        public var hall: Int
        public var level: HallLevel
        public var district: Int
        /// Each group's word (a department id, `shared`, or `all`) and its departments.
        public var groupNames: [String]
        public var groupWindows: [Int]
        public var departmentGroup: [UInt8]
        public var joins: [Int64]
        public var within: [Int64]
        /// Each group's share within the standard in each replication (nil: no join).
        public var replicationShares: [[Double?]]
        /// Joins and offered minutes by group and hour (`group * 24 + hour`).
        public var hourJoins: [Double]
        public var hourServiceMin: [Double]
        /// Open days summed over the replications.
        public var openDays: Int
        /// Background visits per simulated one (a miniature's full-size hall): the load counts them.
        public var background: Double

        /// Group `g`'s share within the standard over the replications (1 without joins).
        public func share(_ g: Int) -> Double { joins[g] > 0 ? Double(within[g]) / Double(joins[g]) : 1 }
        public func key(_ g: Int) -> Key { .group(level, district: district, group: groupNames[g]) }
    }

    /// One line's hours of the week (weekday × 24 + hour, Monday first) in one round, replications pooled.
    public struct LineMeasure: Sendable {
        public var line: HotlineLine
        /// Agents on duty in each hour of the week (surge days aside).
        public var agents: [Int]
        public var attempts: [Int64]
        public var within: [Int64]
        /// Each hour's share in each replication (nil: no attempt).
        public var replicationShares: [[Double?]]
        /// Mean handling minutes of the line's calls.
        public var serviceMeanMin: Double
        /// Simulated days of each weekday, all replications.
        public var weekdays: [Int]

        public func share(_ h: Int) -> Double { attempts[h] > 0 ? Double(within[h]) / Double(attempts[h]) : 1 }
        /// The share over hours `hours` (all of them for the business line).
        func share(_ hours: Range<Int>) -> Double {
            let a = hours.reduce(Int64(0)) { $0 + attempts[$1] }, w = hours.reduce(Int64(0)) { $0 + within[$1] }
            return a > 0 ? Double(w) / Double(a) : 1
        }
    }

    /// One round: every simulated hall and every line.
    public struct Round: Sendable {
        public var halls: [HallMeasure]
        public var lines: [LineMeasure]
    }

    /// The outcome: the scenario's round, the recommended round, its decisions and the rounds taken.
    public struct Outcome: Sendable {
        public var now: Round
        public var recommended: Round
        public var decisions: [Key: Int]
        public var rounds: Int
    }

    /// Most windows a group, or agents a line, may have (the range of `windows_by_group`).
    public static let maxServers = 10_000

    public let scenario: Scenario
    public let thresholdMin: Double
    public let target: Double
    public let hotlineTarget: Double
    public let replications: Int
    public let threads: Int
    public let maxRounds: Int
    /// Departments' weights in the group policy, by level (`WindowGroupPolicy.weights`).
    let weights: [[Double]]
    let oneWindow: Bool
    /// Minutes the halls are open in each hour of the day, and the run's working (open) days.
    let openMinutes: [Double]
    let workingDays: Int

    public init(scenario: Scenario, thresholdMin: Double, target: Double, hotlineTarget: Double, replications: Int, threads: Int, maxRounds: Int) {
        self.scenario = scenario; self.thresholdMin = thresholdMin; self.target = target; self.hotlineTarget = hotlineTarget
        self.replications = replications; self.threads = threads; self.maxRounds = maxRounds
        let context = SimulationContext(scenario: scenario)
        weights = HallLevel.allCases.map { WindowGroupPolicy.weights(level: $0, scenario: scenario, load: context.departmentLoad) }
        oneWindow = context.policy.oneWindow
        workingDays = (0..<scenario.parameters.days).filter { context.calendar.isWorking($0) }.count
        openMinutes = (0..<24).map { h in
            scenario.parameters.halls.opening.reduce(0.0) { $0 + Double(max(0, min($1.end, 60 * h + 60) - max($1.start, 60 * h))) }
        }
    }

    // MARK: - Scenarios

    /// The scenario with `decisions` applied: a level's districts with group decisions get
    /// `windows_by_group` rows (shared last) and their sum in `windows_by_district`; pooled halls
    /// (`all`) their windows; every other district keeps its windows per hall and its rows.
    public func staffed(_ decisions: [Key: Int]) -> Scenario {
        var s = scenario
        for level in HallLevel.allCases {
            let lp = scenario.parameters.halls.levels[level.rawValue]
            var byDistrict = currentWindows(level)
            var decided: [Int: [WindowGroupRow]] = [:], pooled: Set<Int> = []
            for case let (.group(l, district, group), w) in decisions.sorted(by: { $0.key < $1.key }) where l == level {
                if group == Self.pooled {
                    byDistrict[district] = w
                    pooled.insert(district)
                } else {
                    decided[district, default: []].append(WindowGroupRow(district: district, group: group, windows: w))
                }
            }
            // A pooled hall's windows replace any rows it had (rows would set its windows to their sum).
            var rows = (lp.windowsByGroup ?? []).filter { decided[$0.district] == nil && !pooled.contains($0.district) }
            for (district, own) in decided.sorted(by: { $0.key < $1.key }) {
                rows += own
                byDistrict[district] = own.reduce(0) { $0 + $1.windows }
            }
            s.parameters.halls.levels[level.rawValue].windowsByDistrict = byDistrict
            s.parameters.halls.levels[level.rawValue].windowsByGroup = rows.isEmpty ? nil : rows.sorted {
                ($0.district, $0.group == WindowGroupRow.shared ? 1 : 0, $0.group) < ($1.district, $1.group == WindowGroupRow.shared ? 1 : 0, $1.group)
            }
        }
        if let roster = generalRoster(decisions) {
            s.parameters.hotline.generalLineAgents = roster.agents
            s.parameters.hotline.staffingByWeekday = roster.shares
        }
        if let agents = decisions[.line(.business, hour: Self.allHours)], var line = s.parameters.reforms[BusinessLine.self] {
            line.agents = agents
            s.parameters.reforms = s.parameters.reforms.replacing(line)
        }
        return s
    }

    /// The general line's roster as the scenario writes it: the week's peak agents and each
    /// weekday's shares by hour, rounded so that peak × share rounds back to the hour's agents.
    /// Nil when not decided.
    public func generalRoster(_ decisions: [Key: Int]) -> (agents: Int, shares: [[Double]])? {
        guard decisions.keys.contains(.line(.general, hour: 0)) else { return nil }
        let agents = (0..<Self.allHours).map { decisions[.line(.general, hour: $0)] ?? 0 }
        let peak = max(1, agents.max()!)
        return (peak, (0..<7).map { w in
            agents[(w * 24)..<(w * 24 + 24)].map { ($0 == peak ? 1 : (Double($0) / Double(peak) * 1e6).rounded() / 1e6) }
        })
    }

    /// Each district's windows per hall of `level` in the scenario (the most of its halls where
    /// they differ; 0 where it has none).
    public func currentWindows(_ level: HallLevel) -> [Int] {
        CityLayout.fullScaleWindows(level: level, parameters: scenario.parameters, districts: scenario.districts).map { $0.max() ?? 0 }
    }

    // MARK: - Measuring

    /// Simulates `s` on the replications' seeds and measures every hall's groups and every line.
    func measure(_ s: Scenario, cancelled: @escaping @Sendable () -> Bool) throws -> Round {
        var round = Round(halls: [], lines: [])
        for r in 0..<replications {
            let simulation = Simulation(scenario: s.withSeed(s.parameters.seed &+ UInt64(r)), threads: threads, windowStandardMin: thresholdMin)
            simulation.isCancelled = cancelled
            let result = try simulation.run()
            for (h, hall) in simulation.context.layout.halls.enumerated() {
                if r == 0 { round.halls.append(Self.emptyMeasure(h, hall, names: groupNames(hall, in: s))) }
                round.halls[h].add(result.queues[h])
            }
            for (k, line) in result.hotline.enumerated() {
                if r == 0 {
                    let calls = line.calls.reduce(0, +)
                    let minutes = zip(line.calls, s.parameters.hotline.serviceMeanMin).reduce(0.0) { $0 + Double($1.0) * $1.1 }
                    round.lines.append(LineMeasure(line: line.line, agents: Array(line.agentsByWeekday.joined()),
                                                   attempts: Array(repeating: 0, count: Self.allHours), within: Array(repeating: 0, count: Self.allHours),
                                                   replicationShares: Array(repeating: [], count: Self.allHours),
                                                   serviceMeanMin: calls > 0 ? minutes / Double(calls) : s.parameters.hotline.serviceMeanMin[0],
                                                   weekdays: Array(repeating: 0, count: 7)))
                }
                round.lines[k].add(line, days: s.parameters.days)
            }
        }
        return round
    }

    static func emptyMeasure(_ h: Int, _ hall: Hall, names: [String]) -> HallMeasure {
        let groups = hall.groupWindows.count
        return HallMeasure(hall: h, level: hall.level, district: hall.district, groupNames: names, groupWindows: hall.groupWindows,
                           departmentGroup: hall.departmentGroup, joins: Array(repeating: 0, count: groups),
                           within: Array(repeating: 0, count: groups), replicationShares: Array(repeating: [], count: groups),
                           hourJoins: Array(repeating: 0, count: groups * 24), hourServiceMin: Array(repeating: 0, count: groups * 24),
                           openDays: 0, background: hall.background)
    }

    /// The words of a hall's groups in `s`: its rows' groups where the planner set them; `all`
    /// under one window; else a group of one department is that department's, and the group
    /// policy's last group, where the departments not active (and those without load) serve, is
    /// `shared` when it holds more than one (as a `shared` row would).
    func groupNames(_ hall: Hall, in s: Scenario) -> [String] {
        if oneWindow { return [Self.pooled] }
        let rows = s.parameters.halls.levels[hall.level.rawValue].groupRows(district: hall.district)
        if !rows.isEmpty { return rows.map(\.group) }
        let departments = s.catalog.departments
        return hall.groupWindows.indices.map { g in
            let members = departments.indices.filter { Int(hall.departmentGroup[$0]) == g }
            let last = g == hall.groupWindows.count - 1
            return members.count == 1 && !(last && hall.groupWindows.count == 1) ? departments[members[0]].id : WindowGroupRow.shared
        }
    }

    /// The keys of round 0, with each group key's departments: per level and district, the groups
    /// of its hall with the most windows now (its halls may differ by a window, and so in their
    /// groups); every line's hours.
    func keys(_ round: Round) -> [(key: Key, members: Set<Int>)] {
        var structure: [Int: HallMeasure] = [:]
        for h in round.halls {
            let k = h.level.rawValue * 1_000_000 + h.district
            if let s = structure[k], s.groupWindows.reduce(0, +) >= h.groupWindows.reduce(0, +) { continue }
            structure[k] = h
        }
        var keys: [(key: Key, members: Set<Int>)] = []
        for h in structure.values {
            for g in h.groupWindows.indices {
                keys.append((h.key(g), Set(h.departmentGroup.indices.filter { Int(h.departmentGroup[$0]) == g })))
            }
        }
        for l in round.lines {
            if l.line == .business { keys.append((.line(.business, hour: Self.allHours), [])) } else { for h in 0..<Self.allHours { keys.append((.line(l.line, hour: h), [])) } }
        }
        return keys.sorted { $0.key < $1.key }
    }

    /// Whether each key meets the standard in `round`.
    func meets(_ round: Round) -> [Key: Bool] {
        var result: [Key: Bool] = [:]
        for h in round.halls {
            for g in h.groupWindows.indices { result[h.key(g)] = (result[h.key(g)] ?? true) && h.share(g) >= target }
        }
        for l in round.lines {
            if l.line == .business { result[.line(.business, hour: Self.allHours)] = l.share(0..<Self.allHours) >= hotlineTarget }
            else { for h in 0..<Self.allHours { result[.line(l.line, hour: h)] = l.share(h) >= hotlineTarget } }
        }
        return result
    }

    // MARK: - Start

    /// The offered load of a group key per hall, by hour: joins per hall and open day, joins per
    /// open minute, mean service minutes. From round 0, whose halls of the level and district may
    /// group their departments otherwise: each of their groups' load is shared among its
    /// departments by their weight in the group policy, and the key's departments' shares summed.
    struct GroupLoad {
        var joins = Array(repeating: 0.0, count: 24)
        var rate = Array(repeating: 0.0, count: 24)
        var service = Array(repeating: 0.0, count: 24)
    }

    func load(of key: Key, members: Set<Int>, in round: Round) -> GroupLoad {
        guard case .group(let level, let district, _) = key else { preconditionFailure("a group key") }
        let departments = scenario.catalog.departments.count
        var joins = Array(repeating: 0.0, count: 24), minutes = joins
        let halls = round.halls.filter { $0.level == level && $0.district == district }
        let days = Double(max(1, halls.reduce(0) { $0 + $1.openDays }))
        let w = weights[level.rawValue]
        for h in halls {
            // A miniature's full-size hall also serves its background visits, copies of the simulated ones.
            let copies = 1 + h.background
            for g in h.groupWindows.indices {
                let all = (0..<departments).filter { Int(h.departmentGroup[$0]) == g }
                let total = all.reduce(0) { $0 + w[$1] }
                let part = all.filter(members.contains).reduce(0) { $0 + (total > 0 ? w[$1] / total : 1 / Double(all.count)) }
                guard part > 0 else { continue }
                for hour in 0..<24 {
                    joins[hour] += copies * part * h.hourJoins[g * 24 + hour]
                    minutes[hour] += copies * part * h.hourServiceMin[g * 24 + hour]
                }
            }
        }
        var load = GroupLoad()
        for hour in 0..<24 where joins[hour] > 0 {
            load.joins[hour] = joins[hour] / days
            load.rate[hour] = openMinutes[hour] > 0 ? joins[hour] / days / openMinutes[hour] : 0
            load.service[hour] = minutes[hour] / joins[hour]
        }
        return load
    }

    /// Whether `windows` windows meet the standard for `load` in Erlang C, hour by hour.
    func erlangMeets(windows: Int, load: GroupLoad) -> Bool {
        var joins = 0.0, within = 0.0
        for hour in 0..<24 where load.joins[hour] > 0 && load.rate[hour] > 0 && load.service[hour] > 0 {
            joins += load.joins[hour]
            within += load.joins[hour] * ErlangC.shareWithin(thresholdMin, servers: windows, arrivalRate: load.rate[hour], serviceMean: load.service[hour])
        }
        return joins == 0 || within >= target * joins
    }

    /// The start for `key`: Erlang C for a group (of the departments `members`), Erlang A for a line's hour.
    func start(_ key: Key, members: Set<Int>, in round: Round) throws -> Int {
        switch key {
        case .group:
            let load = load(of: key, members: members, in: round)
            let offered = (0..<24).map { load.rate[$0] * load.service[$0] }.max() ?? 0
            var w = max(1, Int(offered.rounded(.down)))
            while !erlangMeets(windows: w, load: load) {
                w += 1
                if w > Self.maxServers {
                    throw unreachable(key, "its peak hour's offered load (\(Format.number(offered, 1)) windows busy) needs more than \(Self.maxServers) windows in Erlang C")
                }
            }
            return w
        case .line(let line, let hour):
            let l = round.lines.first { $0.line == line }!
            let hours = hour == Self.allHours ? Array(0..<Self.allHours) : [hour]
            let standard = scenario.parameters.hotline.answerStandardSec / 60
            // The business line's one count meets every hour's Erlang A target.
            return try hours.map { h -> Int in
                let rate = Double(l.attempts[h]) / Double(max(1, l.weekdays[h / 24])) / 60
                guard rate > 0 else { return 0 }
                func share(_ n: Int) -> Double {
                    ErlangA(agents: n, arrivalRate: rate, serviceMean: l.serviceMeanMin, patienceMean: scenario.parameters.hotline.patienceMeanMin)
                        .figures(threshold: standard).answeredWithin
                }
                let n = fewestServers(from: max(0, Int((hotlineTarget * rate * l.serviceMeanMin).rounded(.down)) - 1)) { $0 > Self.maxServers || share($0) >= hotlineTarget }
                if n > Self.maxServers { throw unreachable(key, "more than \(Self.maxServers) agents in Erlang A") }
                return max(1, n)
            }.max() ?? 0
        }
    }

    // MARK: - Refinement

    /// What a key is, in words.
    public func name(_ key: Key) -> String {
        switch key {
        case .group(let level, let district, let group):
            return "the \(level.key) halls of \(scenario.districts[district].nameEn)" + (group == Self.pooled ? "" : ", group \(group)")
        case .line(let line, let hour):
            return "the \(line.key) line" + (hour == Self.allHours ? "" : " on \(HotlineParameters.weekdayKeys[hour / 24]) at \(hour % 24):00")
        }
    }

    func unreachable(_ key: Key, _ why: String) -> Problem { .unreachable(name(key), why: why) }

    /// The scenario as it is, measured against the standard (round 0 alone): a check of a
    /// staffed scenario, or of any other.
    public func check(cancelled: @escaping @Sendable () -> Bool) throws -> Round {
        try measure(scenario, cancelled: cancelled)
    }

    /// Hall window groups meeting the standard in `round`, and all of them; line hours likewise.
    public func meeting(_ round: Round) -> (groups: Int, of: Int, lineHours: Int, ofLineHours: Int) {
        let groups = round.halls.reduce(0) { $0 + $1.groupWindows.count }
        let meeting = round.halls.reduce(0) { n, h in n + h.groupWindows.indices.filter { h.share($0) >= target }.count }
        let met = meets(round)
        let lines = met.filter { if case .line = $0.key { return true }; return false }
        return (meeting, groups, lines.values.filter { $0 }.count, lines.count)
    }

    /// Measures the scenario, starts from Erlang C and A and refines until a round changes nothing.
    /// `progress` hears each round.
    public func run(progress: (String) -> Void, cancelled: @escaping @Sendable () -> Bool) throws -> Outcome {
        progress("round 0: the scenario as it is")
        let now = try measure(scenario, cancelled: cancelled)
        guard !now.halls.isEmpty else { throw Problem.noHalls }
        let found = keys(now)
        let keys = found.map(\.key)
        var decisions: [Key: Int] = [:]
        for (key, members) in found { decisions[key] = try start(key, members: members, in: now) }
        var below = Dictionary(uniqueKeysWithValues: keys.map { ($0, 0) })   // most servers known to miss
        var meeting: [Key: Int] = [:]                                        // fewest servers known to meet
        var climb: [Key: Int] = [:]                                          // misses in a row with none known to meet
        var descent: [Key: Int] = [:]                                        // meets in a row with none known to miss
        var moving: [Key] = []                                               // keys the last round changed
        for round in 1...maxRounds {
            let groups = decisions.filter { if case .group = $0.key { return true }; return false }
            progress("round \(round): \(groups.values.reduce(0, +)) windows over \(groups.count) window groups (one hall of each level and district)")
            let measured = try measure(staffed(decisions), cancelled: cancelled)
            let met = meets(measured)
            var next = decisions
            for key in keys {
                let w = decisions[key]!
                if met[key] ?? true {
                    climb[key] = 0
                    meeting[key] = w
                    // Down by 1, 2, 4, … with each meet in a row while none below is known to
                    // miss; halfway to the count known to miss once there is one. A count once
                    // seen to miss is never tried again, even if it meets now beside other keys'
                    // changes (adjacent line hours share a backlog): the known misses only rise,
                    // so the rounds end.
                    let known = below[key]!
                    if case .line = key {
                        // A line's hours are checked, not trimmed: the Erlang A start is kept
                        // where the simulation meets it (adjacent hours share a backlog, so
                        // trimming one hour moves its neighbours).
                        next[key] = w
                    } else if w - 1 <= known {
                        next[key] = w
                    } else if known > 0 {
                        next[key] = (known + w) / 2
                    } else {
                        descent[key, default: 0] += 1
                        next[key] = max(1, w - (1 << min(20, descent[key]! - 1)))
                    }
                } else {
                    below[key] = max(below[key]!, w)
                    if let m = meeting[key], m <= w { meeting[key] = nil }
                    if let m = meeting[key] {
                        next[key] = m - w <= 1 ? m : (w + m) / 2
                    } else {
                        // Up by 1, 2, 4, … with each miss in a row, so that a start far below the
                        // answer is bracketed in a few rounds.
                        guard w < Self.maxServers else { throw unreachable(key, "it misses the standard at \(Self.maxServers)") }
                        climb[key, default: 0] += 1
                        next[key] = min(Self.maxServers, w + (1 << min(20, climb[key]! - 1)))
                    }
                }
            }
            if next == decisions { return Outcome(now: now, recommended: measured, decisions: decisions, rounds: round) }
            moving = keys.filter { next[$0] != decisions[$0] }
            decisions = next
        }
        throw Problem.notSettled(rounds: maxRounds, keys: moving.map(name))
    }
}

extension CityStaffing.HallMeasure {
    mutating func add(_ row: RunResult.QueueRow) {
        openDays += row.openDays
        for (g, m) in row.groupMeasures.enumerated() {
            joins[g] += m.joins
            within[g] += m.within
            replicationShares[g].append(m.joins > 0 ? Double(m.within) / Double(m.joins) : nil)
            for hour in 0..<24 {
                hourJoins[g * 24 + hour] += Double(m.hourJoins[hour])
                hourServiceMin[g * 24 + hour] += m.hourServiceMin[hour]
            }
        }
    }
}

extension CityStaffing.LineMeasure {
    mutating func add(_ line: RunResult.HotlineLineResult, days: Int) {
        var a = Array(repeating: 0, count: CityStaffing.allHours), w = a
        for d in 0..<days {
            let day = line.weekday[d]
            weekdays[day] += 1
            for h in 0..<24 {
                a[day * 24 + h] += line.counts[d * 24 + h].attempts
                w[day * 24 + h] += line.counts[d * 24 + h].answeredWithin
            }
        }
        for h in 0..<CityStaffing.allHours {
            attempts[h] += Int64(a[h])
            within[h] += Int64(w[h])
            replicationShares[h].append(a[h] > 0 ? Double(w[h]) / Double(a[h]) : nil)
        }
    }
}
