import Histogram
import PaodongModel

/// Everything a run measured, merged and ready for the reports. Plain data.
public struct RunResult: Sendable {
    public struct QueueRow: Sendable {
        public var id: String
        public var level: String
        public var district: Int
        public var windows: Int
        public var visits: Int64
        public var served: Int64
        public var unserved: Int64
        public var utilization: Double
        public var groups: Int
        public var maxGroupUtilization: Double
        public var waitMeanMin: Double
        public var waitP90Min: Double
        public var maxQueue: Int
    }

    /// Waits of served queue joins by hall level (and "kiosk").
    public struct LevelWaits: Sendable {
        public var level: String
        public var halls: Int
        public var windows: Int
        public var served: Int64
        public var unserved: Int64
        public var waitMeanMin: Double
        public var waitP50Min: Double
        public var waitP90Min: Double
        public var waitP99Min: Double
    }

    /// One line of the 12345 hotline: the whole city's calls (the centre runs at full size).
    public struct HotlineLineResult: Sendable {
        public var line: HotlineLine
        public var agentsByHour: [Int]
        /// The roster on surge days, and which days those are.
        public var surgeAgentsByHour: [Int]
        public var surgeDay: [Bool]
        /// Agents on duty on day `d` at hour `h`.
        public func agents(day d: Int, hour h: Int) -> Int { surgeDay[d] ? surgeAgentsByHour[h] : agentsByHour[h] }
        /// Attempts and their fates per day and hour: `counts[day * 24 + hour]`.
        public var counts: [CallCentre.PeriodCounts]
        /// Calls (first attempts) and answered calls, by `HotlineCall` kind.
        public var calls: [Int64]
        public var answered: [Int64]
        public var workOrders: Int64
        public var workOrderMilliDays: Int64

        /// All attempts of the run summed.
        public var total: CallCentre.PeriodCounts {
            counts.reduce(into: CallCentre.PeriodCounts()) { $0.add($1) }
        }
    }

    public var scenario: Scenario.Parameters
    public var districts: [District]
    public var catalog: Catalog
    public var policy: ResolvedReforms
    public var calendar: WorkCalendar
    public var threads: Int
    public var residents: Int
    public var businesses: Int
    public var tally: Tally
    public var openApplications: Int
    public var openNeeds: Int
    public var queues: [QueueRow]
    public var levelWaits: [LevelWaits]
    public var waitMeanMin: Double
    public var waitP50Min: Double
    public var waitP90Min: Double
    public var waitP99Min: Double
    public var initialAdopters: Int
    public var segmentAgents: [Int]
    public var districtAgents: [(residents: Int, businesses: Int)]
    public var warnings: [String]
    public var estimatedMemoryBytes: Int
    public var hotline: [HotlineLineResult]
    /// The screening campaign, when the scenario has one.
    public var screening: ScreeningCampaign.Result?

    public var agents: Int { residents + businesses }
}

extension Simulation {
    func makeResult() -> RunResult {
        let tally = tallies[0]
        for t in tallies.dropFirst() { tally.merge(t) }
        var waits = QueueState.waitHistogram()
        var servedWaitMs: Int64 = 0, served: Int64 = 0
        var rows: [RunResult.QueueRow] = []
        let p = context.parameters
        for q in queues {
            waits.add(q.waits)
            servedWaitMs += q.servedWaitMs
            served += q.served
            let capacity = Double(q.servers * q.openMinutesPerDay * q.openDays)
            let id: String, level: String, district: Int
            if q.isKiosk {
                let pool = context.layout.kioskPools[q.index]
                id = "K\(pool.district + 1)-\(q.index + 1)"; level = "kiosk"; district = pool.district
            } else {
                let hall = context.layout.halls[q.index]
                id = "H\(q.index + 1)"; level = hall.level.key; district = hall.district
            }
            rows.append(RunResult.QueueRow(
                id: id, level: level, district: district, windows: q.servers, visits: q.visits, served: q.served,
                unserved: q.unserved, utilization: capacity > 0 ? q.busyMin / capacity : 0,
                groups: q.groupBusyMin.count, maxGroupUtilization: q.maxGroupUtilization,
                waitMeanMin: q.served > 0 ? Double(q.servedWaitMs) / 60_000 / Double(q.served) : 0,
                waitP90Min: q.served > 0 ? Double(q.waits.valueAtPercentile(90)) / 100 : 0, maxQueue: q.maxQueue))
        }
        // A window group that turns away more than a quarter of its queue joins is under-staffed
        // for its load: name it, so that a planner does not read its waits as a result.
        var warnings = context.layout.warnings
        for q in queues {
            for g in q.groupJoins.indices where q.groupJoins[g] >= 20 && 4 * q.groupUnserved[g] > q.groupJoins[g] {
                let what: String
                if q.isKiosk {
                    what = "kiosk pool K\(context.layout.kioskPools[q.index].district + 1)-\(q.index + 1)"
                } else {
                    let hall = context.layout.halls[q.index]
                    let departments = hall.departmentGroup.indices.filter { Int(hall.departmentGroup[$0]) == g }
                        .map { context.catalog.departments[$0].id }
                    let district = context.scenario.districts[hall.district].nameEn
                    what = "hall H\(q.index + 1) (\(hall.level.key), \(district)), window group \(g + 1) of \(hall.groupWindows.count) "
                        + "(\(hall.groupWindows[g]) windows; \(departments.count == hall.departmentGroup.count ? "all departments" : departments.joined(separator: ", ")))"
                }
                let share = Double(q.groupUnserved[g]) / Double(q.groupJoins[g])
                warnings.append("\(what): \(q.groupUnserved[g]) of \(q.groupJoins[g]) queue joins unserved (\(Int((share * 100).rounded())) %); its waits and trips are those of an overloaded group")
            }
        }
        var levelWaits: [RunResult.LevelWaits] = []
        for level in HallLevel.allCases.map(\.key) + ["kiosk"] {
            let members = queues.filter { q in q.isKiosk ? level == "kiosk" : context.layout.halls[q.index].level.key == level }
            guard !members.isEmpty else { continue }
            var h = QueueState.waitHistogram()
            for q in members { h.add(q.waits) }
            let served = members.reduce(Int64(0)) { $0 + $1.served }
            let waitMs = members.reduce(Int64(0)) { $0 + $1.servedWaitMs }
            levelWaits.append(RunResult.LevelWaits(
                level: level, halls: members.count, windows: members.reduce(0) { $0 + $1.servers }, served: served,
                unserved: members.reduce(Int64(0)) { $0 + $1.unserved },
                waitMeanMin: served > 0 ? Double(waitMs) / 60_000 / Double(served) : 0,
                waitP50Min: served > 0 ? Double(h.valueAtPercentile(50)) / 100 : 0,
                waitP90Min: served > 0 ? Double(h.valueAtPercentile(90)) / 100 : 0,
                waitP99Min: served > 0 ? Double(h.valueAtPercentile(99)) / 100 : 0))
        }
        // Completed applications may still sit in a chunk until it compacts; only the others are open.
        var open = 0, openNeeds = 0
        for chunk in chunks {
            for i in chunk.apps.indices where chunk.apps[i].stage != .done {
                open += 1
                openNeeds += Int(chunk.apps[i].needs)
            }
        }
        return RunResult(
            scenario: p, districts: context.scenario.districts, catalog: context.catalog, policy: context.policy,
            calendar: context.calendar, threads: threads, residents: context.residents, businesses: context.businesses,
            tally: tally, openApplications: open, openNeeds: openNeeds, queues: rows, levelWaits: levelWaits,
            waitMeanMin: served > 0 ? Double(servedWaitMs) / 60_000 / Double(served) : 0,
            waitP50Min: served > 0 ? Double(waits.valueAtPercentile(50)) / 100 : 0,
            waitP90Min: served > 0 ? Double(waits.valueAtPercentile(90)) / 100 : 0,
            waitP99Min: served > 0 ? Double(waits.valueAtPercentile(99)) / 100 : 0,
            initialAdopters: initialAdopters, segmentAgents: segmentAgents, districtAgents: districtAgents,
            warnings: warnings,
            estimatedMemoryBytes: MemoryEstimate(scenario: context.scenario, threads: threads).bytes,
            hotline: [], screening: nil)
    }
}
