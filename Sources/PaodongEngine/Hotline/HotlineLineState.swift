import Dispatch
import PaodongModel

/// One line of the 12345 hotline through a run: each day it gathers the calls the chunks made for
/// it, adds the calls of the people the run does not simulate and the background calls, plays the
/// day with `CallCentre` and tells each pre-checking applicant whether they got through. The day
/// loop gathers (`gather`), the line plays (`play`, beside the workers), and the chunks read the
/// answers on the next day, before the first visit that could use them is looked at.
///
/// The call centre is always simulated at full size, so that its waits are those of the real
/// centre at any `scale`: each simulated call stands with (1 − scale)/scale more of its kind on
/// average (Poisson), at times from the hourly profile. One line plays its days in order, one at a time.
final class HotlineLineState: @unchecked Sendable {
    let line: HotlineLine
    /// The line with each weekday's roster (Monday first), and with the surge rosters.
    let centres: [CallCentre]
    let surgeCentres: [CallCentre]
    let rng: RandomStream
    /// Agents on duty in each hour of each weekday (`[weekday][hour]`), and on surge days.
    let agentsByWeekday: [[Int]]
    let surgeAgentsByWeekday: [[Int]]
    let backgroundPerDay: Double
    /// Unsimulated calls per simulated call.
    let copies: Double
    let workOrderDaysMean: Double

    /// Counts per day and hour: `counts[day * 24 + hour]`. Raw storage, written once per day by
    /// `play` and never moved, so that the live view may read the days already played while the
    /// line plays the next (an array's copy-on-write check would race with such a reader).
    private let dayCounts: UnsafeMutableBufferPointer<CallCentre.PeriodCounts>
    /// All days' counts, for the result.
    var counts: [CallCentre.PeriodCounts] { Array(dayCounts) }
    /// Day `t`'s counts by hour; valid once the line has played day `t` (`HotlineModel.wait`).
    func counts(day t: Int) -> UnsafeBufferPointer<CallCentre.PeriodCounts> {
        UnsafeBufferPointer(rebasing: dayCounts[t * 24 ..< t * 24 + 24])
    }
    /// Calls (first attempts) and answered calls by `HotlineCall` kind.
    @exclusivity(unchecked) private(set) var calls = [Int64](repeating: 0, count: HotlineCall.allCases.count)
    @exclusivity(unchecked) private(set) var answered = [Int64](repeating: 0, count: HotlineCall.allCases.count)
    @exclusivity(unchecked) private(set) var workOrders: Int64 = 0
    /// Days from answered appeal to closed work order, summed in thousandths of a day (exact sums).
    @exclusivity(unchecked) private(set) var workOrderMilliDays: Int64 = 0

    /// The calls the chunks made for one day and which of them were answered. Two alternate, so
    /// that the line can play day t's while the chunks read day t − 1's answers.
    final class Batch: @unchecked Sendable {
        /// The simulated calls in gathering order (chunk order, then each chunk's call order).
        @exclusivity(unchecked) var minute: [Double] = []
        @exclusivity(unchecked) var kind: [UInt8] = []
        /// Where chunk c's calls start in the gathering order (`chunks + 1` entries).
        @exclusivity(unchecked) var chunkStart: [Int32] = []
        /// Whether each simulated call was answered, once the day is played.
        @exclusivity(unchecked) var answered: [Bool] = []
    }
    let batches = [Batch(), Batch()]
    /// Signals the end of the play of the days that use each batch (t % 2).
    let played = [DispatchGroup(), DispatchGroup()]
    /// Where the line plays its days under `HotlineSchedule.beside`: in day order, beside
    /// the workers, so that the line is off the day loop's critical path.
    let queue: DispatchQueue
    /// Nanoseconds each batch's last play took (read after its group is waited for).
    @exclusivity(unchecked) var playNanoseconds: [UInt64] = [0, 0]

    /// The kinds of the day's calls in gathering order: the simulated ones first (gathering index
    /// = the batch's index), then the unsimulated and background ones. Reused from day to day.
    @exclusivity(unchecked) private var kind: [UInt8] = []
    /// Arrival order: each call's arrival in whole microseconds of the day above 27 bits of its
    /// gathering index, so that one integer sort orders by time and breaks ties by gathering order.
    @exclusivity(unchecked) private var order: [UInt64] = []
    @exclusivity(unchecked) private var scratch: [UInt64] = []
    @exclusivity(unchecked) private var sortedMinute: [Double] = []
    @exclusivity(unchecked) private var sortedKind: [UInt8] = []
    @exclusivity(unchecked) private var results = CallCentre.Results()
    /// The day's unsimulated and background calls per (hour, kind), in drawing order.
    @exclusivity(unchecked) private var hourCounts: [(hour: UInt8, kind: UInt8, count: Int)] = []

    /// `businessLineAgents`: the business line's agents every hour (`ResolvedReforms`), used for
    /// that line only.
    init(line: HotlineLine, parameters p: Scenario.Parameters, businessLineAgents: Int, seed: UInt64) {
        self.line = line
        let h = p.hotline
        func roster(_ weekday: Int, _ factor: Double) -> [Int] {
            line == .business
                ? Array(repeating: Int((Double(businessLineAgents) * factor).rounded()), count: 24)
                : h.staffing(weekday: weekday).map { Int((Double(h.generalLineAgents) * $0 * factor).rounded()) }
        }
        agentsByWeekday = (0..<7).map { roster($0, 1) }
        surgeAgentsByWeekday = (0..<7).map { roster($0, h.surge.agentFactor) }
        let centre = CallCentre(agents: agentsByWeekday[0], periodMinutes: 60, serviceMean: h.serviceMeanMin, patienceMean: h.patienceMeanMin,
                                redialProbability: h.redialProbability, redialDelayMean: h.redialDelayMeanMin, lastArrival: 1440,
                                thresholdMin: h.answerStandardSec / 60)
        func with(_ agents: [Int]) -> CallCentre {
            var c = centre
            c.agents = agents
            return c
        }
        centres = agentsByWeekday.map(with)
        surgeCentres = surgeAgentsByWeekday.map(with)
        // Lines draw from streams no chunk uses (chunks are numbered from 0 up).
        rng = RandomStream(seed: seed, chunk: UInt64(1) << 40 + UInt64(line.rawValue), purpose: .hotline)
        backgroundPerDay = line == .general ? h.backgroundCallsPerDay : 0
        copies = p.scale < 1 ? (1 - p.scale) / p.scale : 0
        workOrderDaysMean = h.workOrderDaysMean
        dayCounts = .allocate(capacity: p.days * 24)
        dayCounts.initialize(repeating: CallCentre.PeriodCounts())
        queue = DispatchQueue(label: "paodong.hotline.\(line)")
    }

    deinit { dayCounts.deallocate() }

    /// Copies day `t`'s calls for this line from the chunks, in chunk order, into the day's batch.
    /// Runs on the day loop between the chunks' phases (after the batch's previous play and its
    /// readers are done). O(chunks + calls).
    func gather(day t: Int, chunks: [ChunkState]) {
        let b = batches[t % 2]
        b.minute.removeAll(keepingCapacity: true); b.kind.removeAll(keepingCapacity: true); b.chunkStart.removeAll(keepingCapacity: true)
        let mine = UInt8(line.rawValue)
        for chunk in chunks {
            b.chunkStart.append(Int32(b.minute.count))
            for j in 0..<chunk.calls.count where chunk.calls[j].line == mine {
                b.minute.append(chunk.calls[j].minute)
                b.kind.append(chunk.calls[j].kind)
            }
        }
        b.chunkStart.append(Int32(b.minute.count))
    }

    /// Plays day `t` from its gathered batch: adds unsimulated and background calls, plays the
    /// line, and marks in the batch which simulated calls were answered. Touches nothing but the
    /// line's own state, so it may run beside the chunks' next phases. O(calls log calls).
    func play(day t: Int, setup: HotlineSetup) {
        let started = DispatchTime.now().uptimeNanoseconds
        let b = batches[t % 2]
        let surge = setup.surge[t]
        var byKind = [Int](repeating: 0, count: HotlineCall.allCases.count)
        for s in b.minute.indices { byKind[Int(b.kind[s])] += 1 }
        // The unsimulated callers (each simulated call stands for Poisson(`copies`) more of its
        // kind) and the background calls, drawn by kind and hour: a sum of Poissons is Poisson and
        // a Poisson split by the hourly profile is independent Poissons, so Poisson(mean × the
        // hour's share) calls an hour, each at a uniform minute of it, are the same law as one
        // count and a profile draw per call, for one Poisson draw per kind and hour.
        // The counts first (Poisson draws from the line's stream, in kind and hour order), then the
        // minutes (from their own stream, in the same order): the two streams are independent, so
        // this is what drawing them interleaved gave, and the day's calls can be sized once and
        // written in place.
        var minutes = SplitMix64(state: rng.key64())
        hourCounts.removeAll(keepingCapacity: true)
        func countHours(_ mean: Double, kind: UInt8) {
            guard mean > 0 else { return }
            for (hour, share) in setup.hourShares.enumerated() {
                hourCounts.append((UInt8(hour), kind, rng.poisson(mean * share)))
            }
        }
        for (k, n) in byKind.enumerated() { countHours(copies * Double(n), kind: UInt8(k)) }
        countHours(backgroundPerDay * setup.weekday[t] * surge, kind: UInt8(HotlineCall.background.rawValue))
        let simulated = b.minute.count
        let total = hourCounts.reduce(simulated) { $0 + $1.count }
        precondition(total < 1 << 27, "more than 134 million calls in a day")
        kind.resize(to: total, zero: 0)
        order.resize(to: total, zero: 0)
        kind.withUnsafeMutableBufferPointer { kind in
        order.withUnsafeMutableBufferPointer { order in
            // Arrival order: each call's arrival in whole microseconds of the day above 27 bits of
            // its gathering index, so that one integer sort orders by time and breaks ties by
            // gathering order.
            func place(_ i: Int, _ m: Double, _ k: UInt8) {
                kind[i] = k
                let microseconds = UInt64(m * 60_000_000)  // truncation: the floor, minutes being ≥ 0
                precondition(microseconds < 1 << 37, "a call after the end of the day")
                order[i] = microseconds << 27 | UInt64(i)
            }
            for s in 0..<simulated { place(s, b.minute[s], b.kind[s]) }
            var i = simulated
            for (hour, k, n) in hourCounts {
                for _ in 0..<n {
                    place(i, (Double(hour) + Double(minutes.next() >> 11) * 0x1p-53) * 60, k)
                    i += 1
                }
            }
        }}
        // A day has fewer than 2^37 µs; the index bits are already in order, so a stable sort on the
        // time bits is the full sort. O(calls).
        RadixSort.sortStable(&order, shift: 27, bits: 37, scratch: &scratch)
        sortedMinute.resize(to: total, zero: 0); sortedKind.resize(to: total, zero: 0)
        sortedMinute.withUnsafeMutableBufferPointer { sortedMinute in
        sortedKind.withUnsafeMutableBufferPointer { sortedKind in
            for (j, key) in order.enumerated() {
                sortedMinute[j] = Double(key >> 27) / 60_000_000
                sortedKind[j] = kind[Int(key & (1 << 27 - 1))]
            }
        }}
        let today = setup.surgeDay[t] ? surgeCentres[setup.weekdayIndex[t]] : centres[setup.weekdayIndex[t]]
        sortedMinute.withUnsafeBufferPointer { a in
            sortedKind.withUnsafeBufferPointer { k in today.run(arrival: a, kind: k, rng: rng, into: &results) }
        }
        for hour in 0..<24 { dayCounts[t * 24 + hour] = results.periods[hour] }
        b.answered.resize(to: b.minute.count, zero: false)
        var callsToday = [Int64](repeating: 0, count: calls.count), answeredToday = callsToday
        for (s, key) in order.enumerated() {
            let k = Int(sortedKind[s])
            callsToday[k] += 1
            guard results.status[s] == .answered else { continue }
            answeredToday[k] += 1
            if k == HotlineCall.appeal.rawValue {
                workOrders += 1
                workOrderMilliDays += (rng.exponential(mean: workOrderDaysMean) * 1000).roundedToInt64
            }
            // A gathering index below `simulated` is a simulated call's, its index in the batch.
            let i = Int(key & (1 << 27 - 1))
            if i < simulated { b.answered[i] = true }
        }
        for k in calls.indices {
            calls[k] += callsToday[k]
            answered[k] += answeredToday[k]
        }
        playNanoseconds[t % 2] = DispatchTime.now().uptimeNanoseconds &- started
    }
}
