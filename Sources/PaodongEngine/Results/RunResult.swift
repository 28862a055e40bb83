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
        /// Each window group against a wait standard, when the run measured one (else empty).
        public var groupMeasures: [WindowGroupMeasure] = []
        /// Each window group's figures (window_groups.csv); empty for a kiosk pool.
        public var windowGroups: [WindowGroupRow] = []
        /// Days the queue was open.
        public var openDays: Int = 0
    }

    /// One window group of a hall: whom it serves, its simulated joins and their waits.
    public struct WindowGroupRow: Sendable {
        /// Ids of the departments it serves, or nil when it serves them all.
        public var departments: [String]?
        public var windows: Int
        public var joins: Int64
        public var served: Int64
        public var utilization: Double
        public var waitMeanMin: Double
    }

    /// One window group of a hall against the wait standard of `Simulation(windowStandardMin:)`:
    /// simulated joins only (a miniature's background visits are not counted).
    public struct WindowGroupMeasure: Sendable {
        public var windows: Int
        public var joins: Int64
        public var within: Int64
        /// Joins and the mean service minutes they brought, by hour of arrival (24 each).
        public var hourJoins: [Int64]
        public var hourServiceMin: [Double]
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
        /// Agents on duty by weekday (Monday first) and hour.
        public var agentsByWeekday: [[Int]]
        /// The roster on surge days, and which days those are.
        public var surgeAgentsByWeekday: [[Int]]
        public var surgeDay: [Bool]
        /// Weekday of each simulated day (0 = Monday).
        public var weekday: [Int]
        /// Agents on duty on day `d` at hour `h`.
        public func agents(day d: Int, hour h: Int) -> Int { (surgeDay[d] ? surgeAgentsByWeekday : agentsByWeekday)[weekday[d]][h] }
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
