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
    /// The side models this scenario has, in `sideModels` order.
    let sides: [any SideModel]
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
    /// Below this many visits in a day, the day's outcomes are applied on one thread: they cost
    /// about 155 ns a visit (a 1 % baseline-2012: 0.028 core-seconds a year for about 740 visits an
    /// open day), and waking a second worker cost 60–110 µs on the 2-core development machine in
    /// its slower spells (that phase then took 2.5 times its busy time). Results never depend on it.
    static let serialOutcomeVisits = 2_000

    /// Called after each day with (day, days) for progress display.
    @exclusivity(unchecked) public var progress: (@Sendable (Int, Int) -> Void)?
    /// Checked between days; when it returns true the run stops with `SimulationError.cancelled`.
    @exclusivity(unchecked) public var isCancelled: (@Sendable () -> Bool)?
    /// Where the time goes, when asked for (`paodong run --profile`); nil costs nothing.
    public let profile: SimulationProfile?

    /// The models beside the day loop (`SideModel`), in the order the loop calls them.
    static let sideModels: [any SideModel.Type] = [HotlineModel.self, ScreeningModel.self]

    /// What a side model may be told about the run besides the scenario.
    struct Options: Sendable {
        var profile: SimulationProfile?
        /// Where the hotline's lines play; nil chooses by the thread count.
        var lineSchedule: HotlineSchedule?
    }

    /// `lineSchedule` nil chooses by the thread count (`HotlineSchedule.choose`). With
    /// `windowStandardMin`, every hall's window groups also count their joins served within that
    /// many minutes and their offered load by hour (`RunResult.QueueRow.groupMeasures`, for
    /// `paodong staff`); the run is otherwise the same.
    public init(scenario: Scenario, threads: Int, profile: SimulationProfile? = nil, lineSchedule: HotlineSchedule? = nil,
                windowStandardMin: Double? = nil) {
        let started = SimulationProfile.now()
        self.profile = profile
        let ctx = SimulationContext(scenario: scenario)
        context = ctx
        self.threads = max(1, threads)
        let p = scenario.parameters
        let pop = Population(residents: ctx.residents, businesses: ctx.businesses)
        population = pop
        let synthesis = SimulationProfile.now()
        let total = pop.synthesizeAll(scenario, threads: self.threads, profile: profile)
        let synthesisNs = SimulationProfile.now() &- synthesis
        initialAdopters = total.adopters
        segmentAgents = total.segments
        districtAgents = zip(total.residents, total.businesses).map { (residents: $0, businesses: $1) }
        chunks = pop.chunks.enumerated().map { ChunkState(index: $0.offset, chunk: $0.element, seed: p.seed) }
        var queues: [QueueState] = []
        for (h, hall) in ctx.layout.halls.enumerated() {
            let background = BackgroundTraffic(perVisit: hall.background, arrivals: ctx.hallArrivals)
            queues.append(QueueState(index: h, isKiosk: false, servers: hall.groupWindows, cv: p.halls.windowServiceCV,
                                     ticketCapPerWindow: p.halls.ticketCapPerWindow, periods: p.halls.opening,
                                     overtime: p.halls.overtimeMin, seed: p.seed, background: background,
                                     standardMin: windowStandardMin))
        }
        for (k, pool) in ctx.layout.kioskPools.enumerated() {
            let background = BackgroundTraffic(perVisit: pool.background, arrivals: ctx.kioskArrivals)
            queues.append(QueueState(index: k, isKiosk: true, servers: [pool.kiosks], cv: p.kiosks.serviceCV,
                                     ticketCapPerWindow: nil, periods: p.kiosks.opening, overtime: p.halls.overtimeMin, seed: p.seed,
                                     background: background))
        }
        self.queues = queues
        let options = Options(profile: profile, lineSchedule: lineSchedule)
        sides = Simulation.sideModels.compactMap { $0.init(context: ctx, threads: max(1, threads), options: options) }
        queueOrder = queues.indices.sorted { (queues[$0].servers, $1) > (queues[$1].servers, $0) }
        offsets = Array(repeating: 0, count: queues.count + 1)
        blockCounts = Array(repeating: 0, count: Simulation.bucketBlocks * queues.count)
        tallies = (0..<self.threads).map { _ in
            Tally(items: ctx.catalog.items.count, segments: Segment.slots, districts: scenario.districts.count, days: p.days)
        }
        // Set-up's serial part: all but the synthesis, which the profile counts as a phase of pieces.
        profile?.addSerial(.setup, nanoseconds: SimulationProfile.now() &- started &- synthesisNs)
    }


    /// Plays every day and returns the merged result.
    public func run() throws -> RunResult {
        let days = context.parameters.days
        for t in 0..<days {
            if isCancelled?() == true { throw SimulationError.cancelled }
            runDay(t)
            progress?(t + 1, days)
        }
        for side in sides { side.finish(days: days, chunks: chunks, tally: tallies[0]) }
        let merging = SimulationProfile.now()
        var result = makeResult()
        for side in sides { side.contribute(to: &result) }
        profile?.addSerial(.merge, since: merging)
        return result
    }

    /// Plays day `t`: needs and due actions per chunk, visits bucketed per queue and the side
    /// models' contacts gathered, the queues in parallel, outcomes per chunk after the side models'
    /// answers (the `SideModel` contract). Days must be played in order, each once.
    public func runDay(_ t: Int) {
        // 1. Needs and due actions, per chunk, after the side models' deferred pieces.
        let deferred = sides.map { $0.deferredPieces(day: t) }
        let sidePieces = deferred.reduce(0, +)
        phase(.needs, sidePieces + chunks.count, sidePieces: sidePieces) { [self] w, k in
            if k < sidePieces { return runDeferredPiece(k, of: deferred, day: t) }
            let chunk = chunks[k - sidePieces]
            chunk.openNeeds(day: t, context, population, tallies[w])
            chunk.act(day: t, context, population, tallies[w])
            chunk.reserveOutcomes()
        }
        // 2. Visits bucketed by queue, in chunk order.
        let bucketing = SimulationProfile.now()
        bucketVisits()
        for side in sides { side.gather(day: t, chunks: chunks) }
        profile?.addSerial(.bucketing, since: bucketing)
        // 3. Queues in parallel; each writes only its visits' outcome slots.
        let open = context.calendar.isWorking(t)
        let kioskOpen = context.kioskOpen(t)
        let bounds = offsets
        let halls = context.hallCount
        let hallFactor = open ? dayFactor(&smoothedHallVisits, visits: bounds[halls]) : 1
        let kioskFactor = kioskOpen ? dayFactor(&smoothedKioskVisits, visits: bounds[queues.count] - bounds[halls]) : 1
        nonisolated(unsafe) let all = entries.base
        let sideQueuePieces = sides.map { $0.queuePieces(day: t) }
        let sidePiecesHere = sideQueuePieces.reduce(0, +)
        phase(.queues, sidePiecesHere + queues.count, sidePieces: sidePiecesHere) { [self] w, k in
            if k < sidePiecesHere { return runQueuePiece(k, of: sideQueuePieces, day: t) }
            let q = queueOrder[k - sidePiecesHere]
            let queue = queues[q]
            let slice = UnsafeBufferPointer(start: all + bounds[q], count: bounds[q + 1] - bounds[q])
            guard queue.isKiosk ? kioskOpen : open else {
                precondition(slice.isEmpty, "a visit was sent to a closed queue")
                return
            }
            queue.serve(day: t, entries: slice, chunks: chunks, tally: tallies[w], dayFactor: queue.isKiosk ? kioskFactor : hallFactor)
        }
        // 4. Outcomes, per chunk, after the side models' answers.
        for side in sides { side.awaitAnswers(day: t) }
        let outcomeThreads = bounds[queues.count] < Simulation.serialOutcomeVisits ? 1 : threads
        phase(.outcomes, chunks.count, threads: outcomeThreads) { [self] w, c in
            for side in sides { side.handAnswers(to: chunks[c], day: t, tally: tallies[w]) }
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

    /// Runs piece `k` of the side models' queue-phase pieces (`counts` per model, in order).
    private func runQueuePiece(_ k: Int, of counts: [Int], day t: Int) {
        var k = k
        for (side, n) in zip(sides, counts) {
            if k < n { return side.runQueuePiece(k, day: t) }
            k -= n
        }
    }

    /// Runs piece `k` of the side models' deferred pieces (`counts` per model, in order).
    private func runDeferredPiece(_ k: Int, of counts: [Int], day t: Int) {
        var k = k
        for (side, n) in zip(sides, counts) {
            if k < n { return side.runDeferredPiece(k, day: t) }
            k -= n
        }
    }

    /// Runs one parallel phase of the day with `parallel`, timing its pieces when profiling.
    /// The first `sidePieces` pieces are side models' deferred work (counted apart in the profile's bounds).
    /// `threads` nil: the run's.
    private func phase(_ which: SimulationProfile.Phase, _ n: Int, sidePieces: Int = 0, threads: Int? = nil,
                       _ body: @Sendable (Int, Int) -> Void) {
        let threads = threads ?? self.threads
        guard let profile else { return Simulation.parallel(n, threads: threads, body) }
        let start = SimulationProfile.now()
        Simulation.parallel(n, threads: threads) { w, i in
            let t0 = SimulationProfile.now()
            body(w, i)
            profile.addPiece(worker: w, nanoseconds: SimulationProfile.now() &- t0, line: i < sidePieces)
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
