import CGSL
import Foundation
import Histogram
import PaodongModel

/// One queue of the city, a hall or a district's kiosk pool: its random stream, its kernel and
/// its statistics over the run. Touched by one worker at a time.
public final class QueueState: @unchecked Sendable {
    public let isKiosk: Bool
    public let index: Int
    let kernel: QueueKernel
    let rng: RandomStream
    let periods: [OpeningPeriod]
    let overtime: Double

    @exclusivity(unchecked) public private(set) var visits: Int64 = 0
    @exclusivity(unchecked) public private(set) var joins: Int64 = 0
    @exclusivity(unchecked) public private(set) var served: Int64 = 0
    @exclusivity(unchecked) public private(set) var unserved: Int64 = 0
    @exclusivity(unchecked) public private(set) var busyMin: Double = 0
    /// Busy minutes of each window group.
    public var groupBusyMin: [Double] { groupFigures.indices.map { groupFigures[$0].busyMin } }
    /// Queue joins of each window group, and those not served (closed, gave up, refused).
    public var groupJoins: [Int64] { groupFigures.indices.map { groupFigures[$0].joins } }
    public var groupUnserved: [Int64] { groupFigures.indices.map { groupFigures[$0].unserved } }
    /// Waits of each window group's served simulated joins, in milliseconds.
    public var groupServedWaitMs: [Int64] { groupFigures.indices.map { groupFigures[$0].servedWaitMs } }
    /// The figures above, one record per window group, written in place (an array held by the
    /// queue checked its uniqueness on every write: 1.5 % of a full-scale run).
    @exclusivity(unchecked) private var groupFigures = FlatBuffer<GroupFigures>()
    @exclusivity(unchecked) public private(set) var servedWaitMs: Int64 = 0
    @exclusivity(unchecked) public private(set) var maxQueue: Int = 0
    /// The longest line an arrival found on `servedDay`, the last day this queue was open (the live view).
    @exclusivity(unchecked) public private(set) var dayMaxQueue: Int = 0
    @exclusivity(unchecked) public private(set) var servedDay: Int = -1
    @exclusivity(unchecked) public private(set) var openDays: Int = 0
    /// The wait standard in minutes whose share each window group's joins meet, when measured
    /// (`Simulation.windowStandardMin`, for `paodong staff`); nil: not measured, nothing counted.
    let standardMin: Double?
    /// Per window group, when measured: simulated joins served within the standard.
    @exclusivity(unchecked) public private(set) var groupWithin: [Int64] = []
    /// Per window group and hour of the visit's arrival (`group * 24 + hour`), when measured:
    /// simulated joins and the mean service minutes they brought (their offered load).
    @exclusivity(unchecked) public private(set) var groupHourJoins: [Int64] = []
    @exclusivity(unchecked) public private(set) var groupHourServiceMin: [Double] = []
    /// Largest wait a histogram holds, in hundredths of a minute (about 43 hours; a hall session is shorter).
    public static let waitCeiling: UInt64 = 1 << 18
    /// Served waits in hundredths of a minute, three significant digits. The range matters: with
    /// 2^32 each of the city's 758 histograms took 376 KB (285 MB in all); with 2^18, 74 KB.
    @exclusivity(unchecked) public private(set) var waits = QueueState.waitHistogram()

    public static func waitHistogram() -> Histogram<UInt64> {
        Histogram<UInt64>(highestTrackableValue: waitCeiling, numberOfSignificantValueDigits: .three)
    }

    /// Background visits per simulated visit (0 at full scale), and how their arrivals and
    /// patience are drawn: the same profile and patience as the simulated visits.
    let background: BackgroundTraffic
    /// Yesterday's turned-away background visitors, back today with an appointment (`order`'s chunk −1).
    @exclusivity(unchecked) private var clones: [SessionVisit] = []
    /// The day's new background visits in arrival order (`order`'s chunk −2): each a template's
    /// route and service with its own arrival and patience, copied when drawn so that a session
    /// reads them in order.
    @exclusivity(unchecked) private var fresh: [SessionVisit] = []
    /// The template (index into `templates`) of each of `fresh`, while they are drawn.
    @exclusivity(unchecked) private var freshTemplate: [Int32] = []
    /// The day's background visits in `order`'s form, before they are merged with the simulated ones.
    @exclusivity(unchecked) private var backgroundOrder: [(arrival: Double, chunk: Int32, visit: Int32)] = []
    @exclusivity(unchecked) private var merged: [(arrival: Double, chunk: Int32, visit: Int32)] = []
    /// Simulated walk-in visits per open day, exponentially smoothed (−1 before the first).
    @exclusivity(unchecked) private var smoothedWalkIns = -1.0
    /// Recent simulated walk-ins, the templates of background visits (a ring; `nextTemplate` is the oldest).
    @exclusivity(unchecked) private var templates = FlatBuffer<SessionVisit>()
    /// The day's counter stream for background visits: their arrivals, templates and patience
    /// when drawn, then their service times as the sessions meet them.
    @exclusivity(unchecked) private var backgroundDraws: CounterStream?
    private let serviceDraw: QueueKernel.ServiceDraw
    @exclusivity(unchecked) private var nextTemplate = 0
    /// Background visitors turned away today, who come back on the next open day with an appointment.
    @exclusivity(unchecked) private var returning: [SessionVisit] = []

    @exclusivity(unchecked) private var order: [(arrival: Double, chunk: Int32, visit: Int32)] = []
    @exclusivity(unchecked) private var customers = QueueKernel.Customers()
    @exclusivity(unchecked) private var results = QueueKernel.Results()
    /// A miniature's sessions, played by the recursion, and the busy minutes of each window
    /// group that a session's background visits bring (added to `groupBusyMin` after it).
    @exclusivity(unchecked) private var recursion = SessionRecursion()
    @exclusivity(unchecked) private var backgroundBusyMin: [Double]
    @exclusivity(unchecked) private var padding = CacheLinePadding()

    init(index: Int, isKiosk: Bool, servers: [Int], cv: Double, ticketCapPerWindow: Int?, periods: [OpeningPeriod],
         overtime: Double, seed: UInt64, background: BackgroundTraffic = .none, standardMin: Double? = nil) {
        self.index = index; self.isKiosk = isKiosk; self.periods = periods; self.overtime = overtime
        self.background = background
        self.standardMin = standardMin
        if standardMin != nil {
            groupWithin = Array(repeating: 0, count: servers.count)
            groupHourJoins = Array(repeating: 0, count: servers.count * 24)
            groupHourServiceMin = Array(repeating: 0, count: servers.count * 24)
        }
        for _ in servers { groupFigures.append(GroupFigures()) }
        backgroundBusyMin = Array(repeating: 0, count: servers.count)
        kernel = QueueKernel(servers: servers, distribution: .lognormal(cv: cv),
                             ticketCap: ticketCapPerWindow.map { cap in servers.map { $0 * cap } }, maxStages: 4)
        rng = RandomStream(seed: seed, chunk: UInt64(index), purpose: isKiosk ? .kiosk : .queue)
        serviceDraw = QueueKernel.ServiceDraw(kernel.distribution)
    }

    public var servers: Int { kernel.servers.reduce(0, +) }
    /// Windows of each group.
    public var groupServers: [Int] { kernel.servers }
    public var openMinutesPerDay: Int { periods.reduce(0) { $0 + $1.minutes } }

    /// Utilisation of window group `g` over opening hours (0 before the queue has opened).
    public func groupUtilization(_ g: Int) -> Double {
        let minutes = Double(openMinutesPerDay * openDays)
        return minutes > 0 ? groupFigures[g].busyMin / (Double(kernel.servers[g]) * minutes) : 0
    }

    /// Highest utilisation of any window group over opening hours.
    public var maxGroupUtilization: Double { groupFigures.indices.map(groupUtilization).max() ?? 0 }

    /// Serves the day's visits, session by session, and writes each visit's outcome back to its chunk.
    ///
    /// `dayFactor` is today's simulated visits of all queues of this kind against their smoothed
    /// level: the day's pattern (weekday, season, holidays) that background visits follow.
    func serve(day: Int, entries: UnsafeBufferPointer<(chunk: Int32, visit: Int32)>, chunks: [ChunkState], tally: Tally,
               dayFactor: Double = 1) {
        openDays += 1
        servedDay = day
        dayMaxQueue = 0
        guard !entries.isEmpty else { return }
        // The entries come in chunk and visit order, and the sort is stable (guaranteed by the
        // standard library), so sorting by arrival alone gives `before`'s order.
        order.resize(to: entries.count, zero: (arrival: 0, chunk: 0, visit: 0))
        order.withUnsafeMutableBufferPointer { order in
            for (k, e) in entries.enumerated() { order[k] = (chunks[Int(e.chunk)].visits[Int(e.visit)].arrival, e.chunk, e.visit) }
            order.sort { $0.arrival < $1.arrival }
        }
        if background.perVisit > 0, let arrivals = background.arrivals {
            // The background comes in arrival order already: merged, not sorted with the simulated visits.
            addBackground(entries, chunks: chunks, arrivals: arrivals, dayFactor: dayFactor)
            QueueState.merge(order, backgroundOrder, into: &merged)
            swap(&order, &merged)
        }
        visits += Int64(entries.count)
        var k = 0
        for period in periods {
            let first = k
            while k < order.count && order[k].arrival < Double(period.end) { k += 1 }
            guard k > first else { continue }
            if background.perVisit > 0 {
                recursionSession(order[first..<k], closeAt: Double(period.end) + overtime, day: day, chunks: chunks, tally: tally)
            } else {
                session(order[first..<k], closeAt: Double(period.end) + overtime, day: day, chunks: chunks, tally: tally)
            }
        }
        precondition(k == order.count, "visit arrivals must fall inside opening periods")
    }

    /// The order in which a session meets its visits: by arrival, then chunk (background first),
    /// then index.
    @inline(__always) public static func before(_ a: (arrival: Double, chunk: Int32, visit: Int32),
                                         _ b: (arrival: Double, chunk: Int32, visit: Int32)) -> Bool {
        (a.arrival, a.chunk, a.visit) < (b.arrival, b.chunk, b.visit)
    }

    /// Merges two lists sorted by `before` into `out` (what sorting their union gives), written
    /// through pointers (an append checks the array's uniqueness each time). O(a + b).
    public static func merge(_ a: [(arrival: Double, chunk: Int32, visit: Int32)], _ b: [(arrival: Double, chunk: Int32, visit: Int32)],
                      into out: inout [(arrival: Double, chunk: Int32, visit: Int32)]) {
        out.resize(to: a.count + b.count, zero: (arrival: 0, chunk: 0, visit: 0))
        a.withUnsafeBufferPointer { a in
        b.withUnsafeBufferPointer { b in
        out.withUnsafeMutableBufferPointer { out in
            var i = 0, j = 0, k = 0
            while i < a.count && j < b.count {
                if before(b[j], a[i]) { out[k] = b[j]; j += 1 } else { out[k] = a[i]; i += 1 }
                k += 1
            }
            while i < a.count { out[k] = a[i]; i += 1; k += 1 }
            while j < b.count { out[k] = b[j]; j += 1; k += 1 }
        }}}
    }

    /// Builds the day's background visits in `backgroundOrder`, sorted by `before`: yesterday's
    /// turned-away background visitors with their appointment (chunk −1, index into `clones`), and
    /// new ones (chunk −2, index into `fresh`), a Poisson process around `perVisit` × the walk-in
    /// visits this queue is expected to see today (its smoothed level times the city's day factor)
    /// over the arrival profile, each a copy of one of the recent simulated walk-ins with its own
    /// patience. Cloning the day's own visits would multiply their sampling noise by the background
    /// factor; this way the day pattern is the city's, the noise a full-size hall's, and the
    /// background population books and returns as the simulated one does. The new visits are
    /// drawn in time order from a counter stream keyed by two draws of the queue's stream, so
    /// nothing is sorted. O(background visits + walk-ins).
    private func addBackground(_ entries: UnsafeBufferPointer<(chunk: Int32, visit: Int32)>, chunks: [ChunkState],
                               arrivals: ArrivalProcess, dayFactor: Double) {
        clones.removeAll(keepingCapacity: true)
        fresh.removeAll(keepingCapacity: true)
        freshTemplate.removeAll(keepingCapacity: true)
        backgroundOrder.removeAll(keepingCapacity: true)
        // Today's walk-ins join the templates (a ring of recent ones, so that the mix of window
        // groups is that of many days, not of the few visits of one small day).
        var n = 0
        for e in entries {
            let v = chunks[Int(e.chunk)].visits[Int(e.visit)]
            guard !v.appointment else { continue }
            n += 1
            let template = SessionVisit(copying: v, logMean: true)
            if templates.count < BackgroundTraffic.templates { templates.append(template) } else { templates[nextTemplate] = template }
            nextTemplate = (nextTemplate + 1) % BackgroundTraffic.templates
        }
        let expected = smoothedWalkIns < 0 ? Double(n) : smoothedWalkIns * dayFactor
        smoothedWalkIns = smoothedWalkIns < 0 ? Double(n) : smoothedWalkIns + BackgroundTraffic.smoothing * (Double(n) - smoothedWalkIns)
        // Appointments all arrive at one minute, before any new visit drawn after it.
        var appointmentsPlaced = returning.isEmpty
        func placeAppointments() {
            for var c in returning {
                c.arrival = arrivals.appointmentStart
                c.patience = .infinity
                backgroundOrder.append((c.arrival, -1, Int32(clones.count)))
                clones.append(c)
            }
            returning.removeAll(keepingCapacity: true)
            appointmentsPlaced = true
        }
        backgroundDraws = CounterStream(rng)
        if templates.count > 0, var draws = backgroundDraws {
            defer { backgroundDraws = draws }
            let count = templates.count, patienceMean = arrivals.patienceMeanMin, start = arrivals.appointmentStart
            arrivals.poissonArrivals(expected: background.perVisit * expected, &draws) { t, draws in
                // chunk −2 sorts before −1 at one minute: the order `before` gives the merged list.
                if !appointmentsPlaced && t > start { placeAppointments() }
                freshTemplate.append(Int32(draws.below(count)))
                let patience = patienceMean.isFinite ? draws.exponential(mean: patienceMean) : .infinity
                backgroundOrder.append((t, -2, Int32(fresh.count)))
                fresh.append(SessionVisit(arrival: t, patience: patience))
            }
            copyTemplates()
        }
        if !appointmentsPlaced { placeAppointments() }
    }

    /// Copies each new background visit's template into it, in a second pass: the templates are
    /// read at random places in the ring (about 230 KB a hall, beyond the core's cache), so the
    /// one `lookAhead` places on is asked for first. O(new background visits).
    private func copyTemplates() {
        let lookAhead = 16
        let ring = templates.base
        freshTemplate.withUnsafeBufferPointer { index in
            fresh.withUnsafeMutableBufferPointer { visits in
                for i in visits.indices {
                    if i + lookAhead < index.count { paodong_prefetch(ring + Int(index[i + lookAhead])) }
                    var v = ring[Int(index[i])]
                    v.arrival = visits[i].arrival
                    v.patience = visits[i].patience
                    visits[i] = v
                }
            }
        }
    }

    /// Plays one session of a full-size city's queue by the event kernel: the visits copied into
    /// its inputs, their service times drawn by the kernel from the queue's stream at service
    /// start, and each visit's outcome written back to its chunk. O((visits × stages) log windows).
    private func session(_ batch: ArraySlice<(arrival: Double, chunk: Int32, visit: Int32)>, closeAt: Double, day: Int,
                         chunks: [ChunkState], tally: Tally) {
        let stride = kernel.maxStages, n = batch.count
        // Written in place through pointers: an append to an array a class holds checks its
        // uniqueness each time (0.8 % of a full-scale run).
        var c = QueueKernel.Customers()
        swap(&c, &customers)
        c.arrival.resize(to: n, zero: 0); c.patience.resize(to: n, zero: 0); c.stages.resize(to: n, zero: 0)
        c.group.resize(to: n * stride, zero: 0); c.serviceMean.resize(to: n * stride, zero: 0)
        c.serviceTime.removeAll(keepingCapacity: true)
        c.arrival.withUnsafeMutableBufferPointer { arrival in
        c.patience.withUnsafeMutableBufferPointer { patience in
        c.stages.withUnsafeMutableBufferPointer { stages in
        c.group.withUnsafeMutableBufferPointer { group in
        c.serviceMean.withUnsafeMutableBufferPointer { serviceMean in
            // The visits lie at random places in the chunks' memory: ask for the line of the one
            // `lookAhead` places on while this one is copied (the session is bound by that latency).
            let lookAhead = 8
            let start = batch.startIndex
            for (i, e) in batch.enumerated() {
                if start + i + lookAhead < batch.endIndex {
                    // Both ends: a 48-byte request straddles two cache lines half the time.
                    let f = batch[start + i + lookAhead]
                    let request = UnsafeRawPointer(chunks[Int(f.chunk)].visits.base + Int(f.visit))
                    paodong_prefetch(request)
                    paodong_prefetch(request + MemoryLayout<VisitRequest>.size - 1)
                }
                let v = chunks[Int(e.chunk)].visits[Int(e.visit)]
                arrival[i] = v.arrival
                patience[i] = v.patience
                stages[i] = v.stages
                for s in 0..<stride {
                    group[i * stride + s] = s < Int(v.stages) ? v.group(s) : 0
                    serviceMean[i * stride + s] = v.serviceMean
                }
            }
        }}}}}
        swap(&c, &customers)
        let lookAhead = 8
        let start = batch.startIndex
        kernel.run(customers, closeAt: closeAt, rng: rng, into: &results)
        for (i, e) in batch.enumerated() {
            if start + i + lookAhead < batch.endIndex {
                let f = batch[start + i + lookAhead]
                paodong_prefetch_write(chunks[Int(f.chunk)].outcomes.base + Int(f.visit))
            }
            var outcome = VisitOutcome()
            for s in 0..<stride {
                let slot = i * stride + s
                let status = results.status[slot]
                if status == .notReached { continue }
                countJoin(stage: s, group: Int(customers.group[slot]), status, wait: results.wait[slot], service: results.service[slot],
                          queueSeen: Int(results.queueSeen[slot]), arrival: customers.arrival[i], serviceMean: customers.serviceMean[slot],
                          day: day, tally: tally, into: &outcome)
            }
            chunks[Int(e.chunk)].outcomes[Int(e.visit)] = outcome
        }
    }

    /// Plays one session of a miniature's full-size queue by the workload recursion
    /// (`SessionRecursion`, the event kernel's schedule join by join): the background visits are
    /// read in arrival order from the day's lists and never copied, their service times drawn as
    /// they start from the day's counter stream, the simulated visits' from the queue's stream.
    /// O((visits × stages) log windows), with no per-visit storage.
    private func recursionSession(_ batch: ArraySlice<(arrival: Double, chunk: Int32, visit: Int32)>, closeAt: Double,
                                  day: Int, chunks: [ChunkState], tally: Tally) {
        for g in backgroundBusyMin.indices { backgroundBusyMin[g] = 0 }
        batch.withUnsafeBufferPointer { batch in
            fresh.withUnsafeBufferPointer { fresh in
                clones.withUnsafeBufferPointer { clones in
                    backgroundBusyMin.withUnsafeMutableBufferPointer { busy in
                        var session = MiniatureSession(queue: self, batch: batch, fresh: fresh, clones: clones, chunks: chunks,
                                                       draws: backgroundDraws ?? CounterStream(rng), busy: busy, day: day, tally: tally)
                        recursion.run(&session, servers: kernel.servers, ticketCap: kernel.ticketCap, closeAt: closeAt)
                        backgroundDraws = session.draws
                    }
                }
            }
        }
        for g in backgroundBusyMin.indices {
            busyMin += backgroundBusyMin[g]
            groupFigures[g].busyMin += backgroundBusyMin[g]
        }
    }

    /// A miniature's session as the recursion reads it: background visits (chunk −1: yesterday's
    /// turned away, back with an appointment; −2: today's new ones) from the day's lists, the
    /// simulated ones from their chunks.
    private struct MiniatureSession: SessionCustomers {
        unowned(unsafe) let queue: QueueState
        let batch: UnsafeBufferPointer<(arrival: Double, chunk: Int32, visit: Int32)>
        let fresh: UnsafeBufferPointer<SessionVisit>
        let clones: UnsafeBufferPointer<SessionVisit>
        let chunks: [ChunkState]
        var draws: CounterStream
        /// The background's busy minutes per window group in this session.
        let busy: UnsafeMutableBufferPointer<Double>
        let day: Int
        let tally: Tally

        var count: Int { batch.count }

        @inline(__always) func visit(_ i: Int) -> SessionVisit {
            let e = batch[i]
            switch e.chunk {
            case -2: return fresh[Int(e.visit)]
            case -1: return clones[Int(e.visit)]
            default: return SessionVisit(copying: chunks[Int(e.chunk)].visits[Int(e.visit)], logMean: false)
            }
        }

        /// Only the simulated visits' outcomes hold the line they found.
        @inline(__always) func seesLine(_ i: Int) -> Bool { batch[i].chunk >= 0 }

        @inline(__always) mutating func serviceTime(_ i: Int, _ v: SessionVisit, stage: Int) -> Double {
            batch[i].chunk < 0 ? queue.serviceDraw.draw(v.serviceMean, logMean: v.logMean, &draws)
                : queue.serviceDraw.draw(v.serviceMean, queue.rng)
        }

        @inline(__always) mutating func record(_ i: Int, _ v: SessionVisit, stage s: Int, group g: Int,
                                               _ status: QueueKernel.StageStatus, wait: Double, service: Double, queueSeen: Int) {
            let e = batch[i]
            guard e.chunk >= 0 else {
                // A background visit occupies the windows; only its service time is counted (utilisation).
                if status == .served {
                    busy[g] += service
                } else if e.chunk == -2 && (status == .closed || status == .refused) {
                    // Booked once: a background visitor turned away again is not carried further,
                    // so that the background cannot grow without bound on a noisy day.
                    queue.returning.append(fresh[Int(e.visit)])
                }
                return
            }
            recordSimulated(e, v, stage: s, group: g, status, wait: wait, service: service, queueSeen: queueSeen)
        }

        /// A simulated visit's join, counted and written to its outcome. Kept out of line, so that
        /// `record`, which the recursion calls for every join, inlines as the background's few
        /// instructions instead of a call with this one's frame (3 % of a 1 % year's samples).
        @inline(never)
        private func recordSimulated(_ e: (arrival: Double, chunk: Int32, visit: Int32), _ v: SessionVisit, stage s: Int,
                                     group g: Int, _ status: QueueKernel.StageStatus, wait: Double, service: Double,
                                     queueSeen: Int) {
            let chunk = chunks[Int(e.chunk)]
            var outcome = s == 0 ? VisitOutcome() : chunk.outcomes[Int(e.visit)]
            queue.countJoin(stage: s, group: g, status, wait: wait, service: service, queueSeen: queueSeen, arrival: v.arrival,
                            serviceMean: v.serviceMean, day: day, tally: tally, into: &outcome)
            chunk.outcomes[Int(e.visit)] = outcome
        }
    }

    /// Counts one simulated visit's join of window group `group` at stage `stage` (reached: served,
    /// gone, closed or refused) in the queue's figures, the day's tally and the visit's outcome.
    @inline(__always)
    private func countJoin(stage s: Int, group: Int, _ status: QueueKernel.StageStatus, wait: Double, service: Double,
                           queueSeen: Int, arrival: Double, serviceMean: Double, day: Int, tally: Tally,
                           into outcome: inout VisitOutcome) {
        joins += 1
        groupFigures[group].joins += 1
        dayMaxQueue = max(dayMaxQueue, queueSeen)
        maxQueue = max(maxQueue, dayMaxQueue)
        outcome.set(s, status)
        if let standardMin {
            measure(group: group, served: status == .served, wait: wait, arrival: arrival, serviceMean: serviceMean,
                    standardMin: standardMin)
        }
        let w = ms(wait)
        outcome.waitMs += w
        if status == .served {
            outcome.servedWaitMs += w
            outcome.serviceMs += ms(service)
            served += 1
            busyMin += service
            groupFigures[group].busyMin += service
            servedWaitMs += w
            groupFigures[group].servedWaitMs += w
            _ = waits.record(min(QueueState.waitCeiling, UInt64(max(0, (wait * 100).roundedToInt64))))
            tally.add(day: day, .servedVisits, 1)
            tally.add(day: day, .servedWaitMs, w)
        } else {
            unserved += 1
            groupFigures[group].unserved += 1
        }
    }

    /// Counts one simulated join against the wait standard: served within it or not, and its
    /// offered load in the hour its visit arrived.
    private func measure(group: Int, served: Bool, wait: Double, arrival: Double, serviceMean: Double, standardMin: Double) {
        if served && wait <= standardMin { groupWithin[group] += 1 }
        let cell = group * 24 + min(23, max(0, Int(arrival / 60)))
        groupHourJoins[cell] += 1
        groupHourServiceMin[cell] += serviceMean
    }
}

/// Background visits of a full-size hall in a miniature (`Hall.background`): how many per simulated
/// visit, and the arrival process they share with the simulated walk-ins.
struct BackgroundTraffic {
    var perVisit: Double
    var arrivals: ArrivalProcess?

    static let none = BackgroundTraffic(perVisit: 0, arrivals: nil)
    /// Weight of a day in the smoothed count of simulated visits (about ten open days of memory).
    static let smoothing = 0.1
    /// Pseudo-visits added to both counts of the city's day factor (see `Simulation.dayFactor`).
    static let priorVisits = 30.0
    /// Recent walk-ins kept as templates for background visits.
    static let templates = 4096
}

/// One window group's figures over a run: busy minutes, simulated joins, those not served (closed,
/// gave up, refused), and the served ones' waits in milliseconds.
struct GroupFigures {
    var busyMin = 0.0
    var joins: Int64 = 0
    var unserved: Int64 = 0
    var servedWaitMs: Int64 = 0
}
