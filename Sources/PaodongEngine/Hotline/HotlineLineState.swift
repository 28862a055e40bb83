import PaodongModel

/// One line of the 12345 hotline through a run: each day it gathers the calls the chunks made for
/// it, adds the calls of the people the run does not simulate and the background calls, plays the
/// day with `CallCentre` and tells each pre-checking applicant whether they got through.
///
/// The call centre is always simulated at full size, so that its waits are those of the real
/// centre at any `scale`: each simulated call stands with (1 − scale)/scale more of its kind on
/// average (Poisson), at times from the hourly profile. Only one worker plays a line on a day.
final class HotlineLineState: @unchecked Sendable {
    let line: HotlineLine
    let centre: CallCentre
    /// The same line with the surge roster.
    let surgeCentre: CallCentre
    let rng: RandomStream
    /// Agents on duty in each hour, and on surge days.
    let agentsByHour: [Int]
    let surgeAgentsByHour: [Int]
    let backgroundPerDay: Double
    /// Unsimulated calls per simulated call.
    let copies: Double
    let workOrderDaysMean: Double

    /// Counts per day and hour: `counts[day * 24 + hour]`.
    @exclusivity(unchecked) private(set) var counts: [CallCentre.PeriodCounts]
    /// Calls (first attempts) and answered calls by `HotlineCall` kind.
    @exclusivity(unchecked) private(set) var calls = [Int64](repeating: 0, count: HotlineCall.allCases.count)
    @exclusivity(unchecked) private(set) var answered = [Int64](repeating: 0, count: HotlineCall.allCases.count)
    @exclusivity(unchecked) private(set) var workOrders: Int64 = 0
    /// Days from answered appeal to closed work order, summed in thousandths of a day (exact sums).
    @exclusivity(unchecked) private(set) var workOrderMilliDays: Int64 = 0

    // The day's calls, reused from day to day.
    @exclusivity(unchecked) private var minute: [Double] = []
    @exclusivity(unchecked) private var kind: [UInt8] = []
    /// Where a simulated call came from: (chunk, call) or (−1, −1).
    @exclusivity(unchecked) private var origin: [(chunk: Int32, call: Int32)] = []
    /// Arrival order: each call's arrival in whole microseconds of the day above 27 bits of its
    /// gathering index, so that one integer sort orders by time and breaks ties by gathering order.
    @exclusivity(unchecked) private var order: [UInt64] = []
    @exclusivity(unchecked) private var sortedMinute: [Double] = []
    @exclusivity(unchecked) private var sortedKind: [UInt8] = []
    @exclusivity(unchecked) private var results = CallCentre.Results()

    init(line: HotlineLine, parameters p: Scenario.Parameters, seed: UInt64) {
        self.line = line
        let h = p.hotline
        func roster(_ factor: Double) -> [Int] {
            line == .business
                ? Array(repeating: Int((Double(p.reforms.hotline.agents) * factor).rounded()), count: 24)
                : h.staffingByHour.map { Int((Double(h.agents) * $0 * factor).rounded()) }
        }
        agentsByHour = roster(1)
        surgeAgentsByHour = roster(h.surge.agentFactor)
        centre = CallCentre(agents: agentsByHour, periodMinutes: 60, serviceMean: h.serviceMeanMin, patienceMean: h.patienceMeanMin,
                            redialProbability: h.redialProbability, redialDelayMean: h.redialDelayMeanMin, lastArrival: 1440,
                            thresholdMin: h.answerStandardSec / 60)
        var surgeCentre = centre
        surgeCentre.agents = surgeAgentsByHour
        self.surgeCentre = surgeCentre
        // Lines draw from streams no chunk uses (chunks are numbered from 0 up).
        rng = RandomStream(seed: seed, chunk: UInt64(1) << 40 + UInt64(line.rawValue), purpose: .hotline)
        backgroundPerDay = line == .general ? h.backgroundCallsPerDay : 0
        copies = p.scale < 1 ? (1 - p.scale) / p.scale : 0
        workOrderDaysMean = h.workOrderDaysMean
        counts = Array(repeating: CallCentre.PeriodCounts(), count: p.days * 24)
    }

    /// Plays day `t`: gathers the chunks' calls for this line in chunk order, adds unsimulated and
    /// background calls, plays the line, and records in each chunk which of its calls were answered.
    /// O(calls log calls).
    func serve(day t: Int, chunks: [ChunkState], setup: HotlineSetup) {
        minute.removeAll(keepingCapacity: true); kind.removeAll(keepingCapacity: true); origin.removeAll(keepingCapacity: true)
        let surge = setup.surge[t]
        for (c, chunk) in chunks.enumerated() {
            for j in 0..<chunk.calls.count where chunk.calls[j].line == UInt8(line.rawValue) {
                let call = chunk.calls[j]
                add(call.minute, call.kind, (Int32(c), Int32(j)))
                for _ in 0..<rng.poisson(copies) { add(setup.minute(rng), call.kind, (-1, -1)) }
            }
        }
        for _ in 0..<rng.poisson(backgroundPerDay * setup.weekday[t] * surge) {
            add(setup.minute(rng), UInt8(HotlineCall.background.rawValue), (-1, -1))
        }
        // Arrival order (times to the microsecond); ties keep the gathering order. O(calls log calls).
        precondition(minute.count < 1 << 27, "more than 134 million calls in a day")
        order.removeAll(keepingCapacity: true)
        for (i, m) in minute.enumerated() { order.append(UInt64((m * 60_000_000).rounded(.down)) << 27 | UInt64(i)) }
        order.sort()
        sortedMinute.removeAll(keepingCapacity: true); sortedKind.removeAll(keepingCapacity: true)
        for key in order {
            sortedMinute.append(Double(key >> 27) / 60_000_000)
            sortedKind.append(kind[Int(key & (1 << 27 - 1))])
        }
        let today = setup.surgeDay[t] ? surgeCentre : centre
        sortedMinute.withUnsafeBufferPointer { a in
            sortedKind.withUnsafeBufferPointer { k in today.run(arrival: a, kind: k, rng: rng, into: &results) }
        }
        for hour in 0..<24 { counts[t * 24 + hour] = results.periods[hour] }
        for (s, key) in order.enumerated() {
            let i = Int(key & (1 << 27 - 1))
            let k = Int(kind[i])
            calls[k] += 1
            guard results.status[s] == .answered else { continue }
            answered[k] += 1
            if k == HotlineCall.appeal.rawValue {
                workOrders += 1
                workOrderMilliDays += Int64((rng.exponential(mean: workOrderDaysMean) * 1000).rounded())
            }
            let o = origin[i]
            if o.chunk >= 0 { chunks[Int(o.chunk)].callAnswered[Int(o.call)] = true }
        }
    }

    @inline(__always) private func add(_ m: Double, _ k: UInt8, _ o: (Int32, Int32)) {
        minute.append(m); kind.append(k); origin.append(o)
    }
}
