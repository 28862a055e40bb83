import PaodongModel

/// Makes a `DayView` after each day of a `Simulation`, for the live view (`paodong run --serve`).
///
/// Call `view(after:)` from the simulation's `progress` callback, which runs between days: the
/// tallies and queues are then at rest, and the hotline's lines have played every day before the
/// last (they may be playing the last one beside the halls, so it is left for the next view).
/// Not after `run()` has returned: the run merges its tallies into the first one. It reads
/// nothing a run writes and changes no output. O(workers × (counters of a day + districts) + halls + 24 × lines).
public final class DayViewBuilder {
    /// Halls a view lists, at most.
    public static let busiestHalls = 12

    private let simulation: Simulation
    private var hallVisits: [Int64]
    private var adopters: Int64
    private var hotlineDays = 0
    private var hotline: [DayView.HotlineLine]

    public init(_ simulation: Simulation) {
        self.simulation = simulation
        hallVisits = Array(repeating: 0, count: simulation.context.hallCount)
        adopters = Int64(simulation.initialAdopters)
        hotline = Self.lines(of: simulation).map {
            DayView.HotlineLine(line: $0.line, daysPlayed: 0, attempts: Array(repeating: 0, count: 24),
                                answered: Array(repeating: 0, count: 24), answeredWithin: Array(repeating: 0, count: 24))
        }
    }

    private static func lines(of simulation: Simulation) -> [HotlineLineState] {
        simulation.sides.compactMap { $0 as? HotlineModel }.first?.lines ?? []
    }

    /// The city after day `t` (0-based), which must be the day just played; call once per day, in order.
    public func view(after t: Int) -> DayView {
        let s = simulation, ctx = s.context
        let tallies = s.tallies
        func total(_ f: Tally.Total) -> Int64 { tallies.reduce(0) { $0 &+ $1[f] } }
        func day(_ f: Tally.DayField) -> Int64 { tallies.reduce(0) { $0 &+ $1.day(t, f) } }
        var today = DayView.Counts(), sum = DayView.Counts()
        today.needs = day(.needs); today.completed = day(.completions); today.trips = day(.trips)
        today.citizenMs = day(.citizenMs); today.servedVisits = day(.servedVisits); today.servedWaitMs = day(.servedWaitMs)
        sum.needs = total(.needs); sum.applications = total(.applications); sum.completed = total(.completed)
        sum.completedNeeds = total(.completedNeeds)
        sum.trips = total(.trips); sum.citizenMs = total(.waitMs) &+ total(.travelMs) &+ total(.serviceMs) &+ total(.formMs)
        sum.servedVisits = total(.servedVisits); sum.servedWaitMs = total(.servedWaitMs)
        for c in Channel.allCases {
            today.completedOn[c.rawValue] = tallies.reduce(0) { $0 &+ $1.day(t, completedOn: c) }
            sum.completedOn[c.rawValue] = tallies.reduce(0) { $0 &+ $1.completed(on: c) }
        }
        adopters &+= day(.adoptions)

        let halls = ctx.layout.halls
        var longest = Array(repeating: 0, count: ctx.scenario.districts.count)
        var busiest: [DayView.Hall] = []
        busiest.reserveCapacity(halls.count)
        for (h, hall) in halls.enumerated() {
            let q = s.queues[h]
            let todayMax = q.servedDay == t ? q.dayMaxQueue : 0
            longest[hall.district] = max(longest[hall.district], todayMax)
            let visitsToday = q.visits - hallVisits[h]
            hallVisits[h] = q.visits
            guard visitsToday > 0 else { continue }
            busiest.append(DayView.Hall(index: h, level: hall.level, district: hall.district, windows: hall.windows,
                                        visitsToday: visitsToday, longestQueueToday: todayMax, visits: q.visits,
                                        served: q.served, servedWaitMs: q.servedWaitMs))
        }
        busiest.sort { ($0.visitsToday, $1.index) > ($1.visitsToday, $0.index) }
        let districts = ctx.scenario.districts.indices.map { d in
            func field(_ f: Tally.DistrictField) -> Int64 { tallies.reduce(0) { $0 &+ $1.district(d, f) } }
            return DayView.District(needs: field(.needs), applications: field(.applications), completed: field(.completed),
                                    completedNeeds: field(.completedNeeds),
                                    trips: field(.trips), zeroTrip: field(.zeroTrip), servedVisits: field(.servedVisits), servedWaitMs: field(.servedWaitMs),
                                    longestQueueToday: longest[d])
        }

        // The lines have played every day before today (`HotlineModel.awaitAnswers`).
        let lines = Self.lines(of: s)
        while hotlineDays < t {
            for (k, line) in lines.enumerated() {
                for (hour, c) in line.counts(day: hotlineDays).enumerated() {
                    hotline[k].attempts[hour] += Int64(c.attempts)
                    hotline[k].answered[hour] += Int64(c.answered)
                    hotline[k].answeredWithin[hour] += Int64(c.answeredWithin)
                }
                hotline[k].daysPlayed = hotlineDays + 1
            }
            hotlineDays += 1
        }

        return DayView(day: t, days: ctx.parameters.days, date: ctx.calendar.date(t), isWorkingDay: ctx.calendar.isWorking(t),
                       today: today, total: sum, adopters: adopters, agents: ctx.residents + ctx.businesses,
                       districts: districts, busiestHalls: Array(busiest.prefix(Self.busiestHalls)), hotline: hotline)
    }
}
