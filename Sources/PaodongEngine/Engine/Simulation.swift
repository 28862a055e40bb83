import Dispatch
import Foundation
import PaodongModel
import Synchronization

/// Runs one scenario for its days: the day loop of docs/model.md, "The day loop".
///
/// Work is split into fixed chunks of agents and into queues (halls, kiosk pools), none of which
/// depends on the thread count; each has its own random streams; counters are integers merged
/// exactly. So the result is the same for `threads` = 1 … N, whichever worker takes which piece.
public final class Simulation: @unchecked Sendable {
    public let context: SimulationContext
    public let threads: Int
    public let population: Population
    let chunks: [ChunkState]
    let queues: [QueueState]
    /// Queues from the most windows to the fewest, so that the longest are started first.
    let queueOrder: [Int]
    let tallies: [Tally]
    /// The hotline's lines: the general line, and the business line when its reform is on.
    let hotlineLines: [HotlineLineState]
    /// The same lines by `HotlineLine` raw value (nil where the run has no such line).
    let linesByKind: [HotlineLineState?]
    /// Agents adopted at the start.
    let initialAdopters: Int
    /// Agents of each segment and district at the start.
    let segmentAgents: [Int]
    let districtAgents: [(residents: Int, businesses: Int)]

    /// Visits of the day by queue (reused from day to day; plain values, simply overwritten).
    @exclusivity(unchecked) private var entries = FlatBuffer<(chunk: Int32, visit: Int32)>(capacity: 1)
    /// Where each queue's visits start in `entries` (and where the last ends).
    @exclusivity(unchecked) private var offsets: [Int] = []
    /// Visits of each block of chunks for each queue, then where the block's entries start in the
    /// queue's slice: `blockCounts[block * queues + queue]`.
    @exclusivity(unchecked) private var blockCounts: [Int] = []
    /// Visits per open day to all halls and to all kiosk pools, smoothed (−1 before the first).
    @exclusivity(unchecked) private var smoothedHallVisits = -1.0
    @exclusivity(unchecked) private var smoothedKioskVisits = -1.0
    /// Chunks are bucketed in this many fixed blocks, in parallel; a constant, so that the
    /// order of the entries never depends on the thread count.
    static let bucketBlocks = 16

    /// Called after each day with (day, days) for progress display.
    @exclusivity(unchecked) public var progress: (@Sendable (Int, Int) -> Void)?
    /// Checked between days; when it returns true the run stops with `SimulationError.cancelled`.
    @exclusivity(unchecked) public var isCancelled: (@Sendable () -> Bool)?
    /// Where the time goes, when asked for (`paodong run --profile`); nil costs nothing.
    public let profile: SimulationProfile?

    /// `lineSchedule` nil chooses by the thread count (`LineSchedule.choose`).
    public init(scenario: Scenario, threads: Int, profile: SimulationProfile? = nil, lineSchedule: LineSchedule? = nil) {
        let started = SimulationProfile.now()
        self.profile = profile
        let ctx = SimulationContext(scenario: scenario)
        context = ctx
        self.threads = max(1, threads)
        let p = scenario.parameters
        let pop = Population(residents: ctx.residents, businesses: ctx.businesses)
        population = pop
        let total = pop.synthesizeAll(scenario, threads: self.threads)
        initialAdopters = total.adopters
        segmentAgents = total.segments
        districtAgents = zip(total.residents, total.businesses).map { (residents: $0, businesses: $1) }
        chunks = pop.chunks.enumerated().map { ChunkState(index: $0.offset, chunk: $0.element, seed: p.seed) }
        var queues: [QueueState] = []
        for (h, hall) in ctx.layout.halls.enumerated() {
            let background = BackgroundTraffic(perVisit: hall.background, arrivals: ctx.hallArrivals)
            queues.append(QueueState(index: h, isKiosk: false, servers: hall.groupWindows, cv: p.halls.windowServiceCV,
                                     ticketCapPerWindow: p.halls.ticketCapPerWindow, periods: p.halls.opening,
                                     overtime: p.halls.overtimeMin, seed: p.seed, background: background))
        }
        for (k, pool) in ctx.layout.kioskPools.enumerated() {
            let background = BackgroundTraffic(perVisit: pool.background, arrivals: ctx.kioskArrivals)
            queues.append(QueueState(index: k, isKiosk: true, servers: [pool.kiosks], cv: p.kiosks.serviceCV,
                                     ticketCapPerWindow: nil, periods: p.kiosks.opening, overtime: p.halls.overtimeMin, seed: p.seed,
                                     background: background))
        }
        self.queues = queues
        let lines = HotlineLine.allCases.filter { $0 == .general || ctx.hotlineSetup.businessLine }
            .map { HotlineLineState(line: $0, parameters: p, seed: p.seed) }
        hotlineLines = lines
        linesByKind = HotlineLine.allCases.map { kind in lines.first { $0.line == kind } }
        queueOrder = queues.indices.sorted { (queues[$0].servers, $1) > (queues[$1].servers, $0) }
        offsets = Array(repeating: 0, count: queues.count + 1)
        blockCounts = Array(repeating: 0, count: Simulation.bucketBlocks * queues.count)
        tallies = (0..<self.threads).map { _ in
            Tally(items: ctx.catalog.items.count, segments: Segment.count, districts: scenario.districts.count, days: p.days)
        }
        self.lineSchedule = lineSchedule ?? .choose(threads: self.threads)
        profile?.addSerial(.setup, since: started)
    }


    /// Plays every day and returns the merged result.
    public func run() throws -> RunResult {
        let days = context.parameters.days
        for t in 0..<days {
            if isCancelled?() == true { throw SimulationError.cancelled }
            runDay(t)
            progress?(t + 1, days)
        }
        // The last day's answers: only their count remains to be told.
        if days > 0 {
            if lineSchedule == .nextDay { for k in hotlineLines.indices { playLine(k, day: days - 1) } }
            awaitLines(day: days - 1)
            for chunk in chunks { chunk.applyCallOutcomes(lines: linesByKind, batch: (days - 1) % 2, tallies[0]) }
        }
        let merging = SimulationProfile.now()
        defer { profile?.addSerial(.merge, since: merging) }
        return makeResult()
    }

    /// Plays day `t`: needs and due actions per chunk, visits bucketed per queue and calls gathered
    /// per hotline line, the queues in parallel (the lines beside them and the next day's first
    /// phases), outcomes per chunk with yesterday's call answers. Days must be played in order, each once.
    public func runDay(_ t: Int) {
        // 1. Needs and due actions, per chunk (with yesterday's lines first, on few threads).
        let lateLines = lineSchedule == .nextDay && t > 0 ? hotlineLines.count : 0
        phase(.needs, lateLines + chunks.count, lines: lateLines) { [self] w, k in
            if k < lateLines { return playLine(k, day: t - 1) }
            let chunk = chunks[k - lateLines]
            chunk.openNeeds(day: t, context, population, tallies[w])
            chunk.act(day: t, context, population, tallies[w])
            chunk.reserveOutcomes()
        }
        // 2. Visits bucketed by queue, in chunk order.
        let bucketing = SimulationProfile.now()
        bucketVisits()
        for line in hotlineLines { line.gather(day: t, chunks: chunks) }
        profile?.addSerial(.bucketing, since: bucketing)
        playLines(day: t)
        // 3. Queues in parallel; each writes only its visits' outcome slots.
        let open = context.calendar.isWorking(t)
        let kioskOpen = context.kioskOpen(t)
        let bounds = offsets
        let halls = context.hallCount
        let hallFactor = open ? dayFactor(&smoothedHallVisits, visits: bounds[halls]) : 1
        let kioskFactor = kioskOpen ? dayFactor(&smoothedKioskVisits, visits: bounds[queues.count] - bounds[halls]) : 1
        nonisolated(unsafe) let all = entries.base
        phase(.queues, queues.count) { [self] w, k in
            let q = queueOrder[k]
            let queue = queues[q]
            let slice = UnsafeBufferPointer(start: all + bounds[q], count: bounds[q + 1] - bounds[q])
            guard queue.isKiosk ? kioskOpen : open else {
                precondition(slice.isEmpty, "a visit was sent to a closed queue")
                return
            }
            queue.serve(day: t, entries: slice, chunks: chunks, tally: tallies[w], dayFactor: queue.isKiosk ? kioskFactor : hallFactor)
        }
        // 4. Outcomes, per chunk, after yesterday's call answers.
        if t > 0 { awaitLines(day: t - 1) }
        phase(.outcomes, chunks.count) { [self] w, c in
            chunks[c].applyCallOutcomes(lines: linesByKind, batch: (t + 1) % 2, tallies[w])
            chunks[c].applyOutcomes(day: t, context, population, tallies[w])
            chunks[c].compact()
        }
    }

    /// Today's visits against their smoothed level (1 on the first open day), then the level
    /// updated. Both counts carry `BackgroundTraffic.priorVisits` more, so that a tiny city, whose
    /// daily counts are mostly noise, gets a factor near 1 instead of that noise multiplied.
    private func dayFactor(_ smoothed: inout Double, visits: Int) -> Double {
        let v = Double(visits)
        defer { smoothed = smoothed < 0 ? v : smoothed + BackgroundTraffic.smoothing * (v - smoothed) }
        let prior = BackgroundTraffic.priorVisits
        return smoothed >= 0 ? (v + prior) / (smoothed + prior) : 1
    }

    /// Sorts the day's visits by queue, keeping chunk order within each queue: a counting sort
    /// whose two passes run in parallel over fixed blocks of chunks. O(visits + blocks × queues).
    private func bucketVisits() {
        let queueCount = queues.count, blocks = Simulation.bucketBlocks, chunkCount = chunks.count
        @Sendable func chunkRange(_ b: Int) -> Range<Int> { (chunkCount * b / blocks)..<(chunkCount * (b + 1) / blocks) }
        blockCounts.withUnsafeMutableBufferPointer { counts in
            nonisolated(unsafe) let counts = counts
            // Visits per block and queue.
            Simulation.parallel(blocks, threads: threads) { [self] _, b in
                let row = counts.baseAddress! + b * queueCount
                row.update(repeating: 0, count: queueCount)
                for c in chunkRange(b) {
                    let visits = chunks[c].visits.base
                    for v in 0..<chunks[c].visits.count { row[Int(visits[v].queue)] += 1 }
                }
            }
            // Each queue's slice, and within it each block's start.
            var start = 0
            for q in 0..<queueCount {
                offsets[q] = start
                for b in 0..<blocks {
                    let n = counts[b * queueCount + q]
                    counts[b * queueCount + q] = start
                    start += n
                }
            }
            offsets[queueCount] = start
            entries.resize(to: start)
            // Each block fills its places.
            nonisolated(unsafe) let entries = entries.base
            Simulation.parallel(blocks, threads: threads) { [self] _, b in
                let fill = counts.baseAddress! + b * queueCount
                for c in chunkRange(b) {
                    let visits = chunks[c].visits.base
                    for j in 0..<chunks[c].visits.count {
                        let v = visits[j]
                        (entries + fill[Int(v.queue)]).initialize(to: (Int32(c), Int32(j)))
                        fill[Int(v.queue)] += 1
                    }
                }
            }
        }
    }

    /// Where the hotline's lines play a day, once its calls are gathered (results never depend on
    /// it: a line reads only its gathered batch and its own stream).
    public enum LineSchedule: String, Sendable {
        /// As pieces of the next day's first phase, started first. On one to three threads that
        /// phase is long enough to hide them, and no thread is added.
        case nextDay = "next-day"
        /// On each line's own queue, beside the workers, from the gathering to the next day's
        /// outcomes: on four threads or more a line's day is longer than a worker's share of any
        /// phase, and this takes it off the day loop's critical path.
        case beside

        /// The schedule for a thread count (from the profile's bounds measured on 2 cores; not yet
        /// measured on more: docs/performance.md).
        public static func choose(threads: Int) -> LineSchedule { threads >= 4 ? .beside : .nextDay }
    }
    public let lineSchedule: LineSchedule

    /// Starts the lines' day `t` on their queues when they play beside the workers.
    private func playLines(day t: Int) {
        guard lineSchedule == .beside else { return }
        let setup = context.hotlineSetup
        for line in hotlineLines { line.queue.async(group: line.played[t % 2]) { line.play(day: t, setup: setup) } }
    }

    /// Plays line `k`'s day `t` where the caller stands (a piece of the next day's first phase).
    private func playLine(_ k: Int, day t: Int) {
        hotlineLines[k].play(day: t, setup: context.hotlineSetup)
    }

    /// Waits until the lines have played day `t`; the wait and the lines' time go to the profile.
    private func awaitLines(day t: Int) {
        let waiting = SimulationProfile.now()
        for line in hotlineLines { line.played[t % 2].wait() }
        profile?.addSerial(.hotlineWait, since: waiting)
        profile?.addBeside(.hotline, nanoseconds: hotlineLines.map { $0.playNanoseconds[t % 2] })
    }

    /// Runs one parallel phase of the day with `parallel`, timing its pieces when profiling.
    /// The first `lines` pieces are hotline lines' days (counted apart in the profile's bounds).
    private func phase(_ which: SimulationProfile.Phase, _ n: Int, lines: Int = 0, _ body: @Sendable (Int, Int) -> Void) {
        guard let profile else { return Simulation.parallel(n, threads: threads, body) }
        let start = SimulationProfile.now()
        Simulation.parallel(n, threads: threads) { w, i in
            let t0 = SimulationProfile.now()
            body(w, i)
            profile.addPiece(worker: w, nanoseconds: SimulationProfile.now() &- t0, line: i < lines)
        }
        profile.closePhase(which, since: start)
    }

    /// Runs `body(worker, index)` for every index in 0..<n; each of `threads` workers takes the
    /// next index as soon as it is free, so a slow piece does not hold the others back. Which
    /// worker runs which index varies from run to run; callers must not let it change a result.
    static func parallel(_ n: Int, threads: Int, _ body: @Sendable (Int, Int) -> Void) {
        if threads == 1 || n <= 1 {
            for i in 0..<n { body(0, i) }
            return
        }
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(threads, n)) { w in
            while true {
                let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard i < n else { return }
                body(w, i)
            }
        }
    }
}

public enum SimulationError: Error {
    case cancelled
}
