import PaodongModel

/// The city after one simulated day, as the live view shows it: today's figures, the run's totals
/// so far, each district, the busiest halls and the hotline by hour. Plain numbers (integers
/// where the tallies are integers, minutes in milliseconds), so that the totals of the last day
/// equal the run's reports exactly; `DayViewBuilder` makes one, and a reader formats it.
public struct DayView: Sendable {
    /// Counters of a day or of the run so far.
    public struct Counts: Sendable, Equatable {
        public var needs: Int64 = 0
        /// Applications opened (so far only; 0 in `today`).
        public var applications: Int64 = 0
        public var completed: Int64 = 0
        /// Needs of the completed applications (so far only; 0 in `today`).
        public var completedNeeds: Int64 = 0
        public var trips: Int64 = 0
        /// Wait, travel, service and forms of the completed applications.
        public var citizenMs: Int64 = 0
        /// Visits served at windows and kiosks, and their wait.
        public var servedVisits: Int64 = 0
        public var servedWaitMs: Int64 = 0
        /// Applications completed on each channel, in `Channel` order.
        public var completedOn: [Int64] = Array(repeating: 0, count: Channel.count)
    }

    /// One district so far (the by_district.csv figures), and its longest hall line today.
    public struct District: Sendable, Equatable {
        public var needs: Int64
        public var applications: Int64
        public var completed: Int64
        public var completedNeeds: Int64
        public var trips: Int64
        public var zeroTrip: Int64
        public var servedVisits: Int64
        public var servedWaitMs: Int64
        /// The longest line an arrival found in any of the district's halls today (0 on a closed day).
        public var longestQueueToday: Int
    }

    /// A hall among the day's busiest.
    public struct Hall: Sendable, Equatable {
        /// Index in the layout (halls.csv's `H<index + 1>`).
        public var index: Int
        public var level: HallLevel
        public var district: Int
        public var windows: Int
        public var visitsToday: Int64
        public var longestQueueToday: Int
        /// So far: visits, served visits and their wait.
        public var visits: Int64
        public var served: Int64
        public var servedWaitMs: Int64
    }

    /// One hotline line's attempts by hour of the day, summed over the days it has played.
    public struct HotlineLine: Sendable, Equatable {
        public var line: PaodongModel.HotlineLine
        /// Days played so far (the line may be one day behind the halls).
        public var daysPlayed: Int
        /// By hour 0…23.
        public var attempts: [Int64]
        public var answered: [Int64]
        public var answeredWithin: [Int64]
    }

    /// The day (0-based) and the run's length.
    public var day: Int
    public var days: Int
    public var date: SimpleDate
    public var isWorkingDay: Bool
    public var today: Counts
    public var total: Counts
    /// Agents who use the online channels at the end of the day.
    public var adopters: Int64
    public var agents: Int
    /// In the scenario's district order.
    public var districts: [District]
    /// The halls with the most visits today, most first (ties by index), at most `DayViewBuilder.busiestHalls`.
    public var busiestHalls: [Hall]
    public var hotline: [HotlineLine]
}
