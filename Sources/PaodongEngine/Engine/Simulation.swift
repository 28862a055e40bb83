import Dispatch
import Foundation
import PaodongModel

/// Runs one scenario for its days: the day loop of MODEL.md §12.
///
/// Work is split into fixed chunks of agents and into queues (halls, kiosk pools), none of which
/// depends on the thread count; each has its own random streams; counters are integers merged
/// exactly. So the result is the same for `threads` = 1 … N.
public final class Simulation: @unchecked Sendable {
    public let context: SimulationContext
    public let threads: Int
    public let population: Population
    let chunks: [ChunkState]
    let queues: [QueueState]
    let tallies: [Tally]
    /// Agents adopted at the start.
    let initialAdopters: Int
    /// Agents of each segment and district at the start.
    let segmentAgents: [Int]
    let districtAgents: [(residents: Int, businesses: Int)]

    /// Visits of the day by queue (reused from day to day).
    private var entries: [(chunk: Int32, visit: Int32)] = []
    private var offsets: [Int] = []

    /// Called after each day with (day, days) for progress display.
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Checked between days; when it returns true the run stops with `SimulationError.cancelled`.
    public var isCancelled: (@Sendable () -> Bool)?

    public init(scenario: Scenario, threads: Int) {
        let ctx = SimulationContext(scenario: scenario)
        context = ctx
        self.threads = max(1, threads)
        let p = scenario.parameters
        let pop = Population(residents: ctx.residents, businesses: ctx.businesses)
        population = pop
        let districtTable = DiscreteTable(weights: scenario.districts.map(\.residents10k))
        let ageTable = DiscreteTable(weights: p.population.ageShares)
        Simulation.parallel(pop.chunks.count, threads: self.threads) { _, c in
            pop.synthesize(chunk: c, parameters: p.population, districtTable: districtTable, ageTable: ageTable, seed: p.seed)
        }
        var adopters = 0
        var segmentAgents = Array(repeating: 0, count: Segment.count)
        var districtAgents = Array(repeating: (residents: 0, businesses: 0), count: scenario.districts.count)
        for a in 0..<pop.count {
            let agent = pop.agents[a]
            let adopted = agent.state & Population.State.adopted != 0
            let business = a >= pop.residents
            if adopted { adopters += 1 }
            segmentAgents[Segment.of(business: business, traits: agent.traits, adopted: adopted)] += 1
            if business { districtAgents[Int(agent.district)].businesses += 1 } else { districtAgents[Int(agent.district)].residents += 1 }
        }
        initialAdopters = adopters
        self.segmentAgents = segmentAgents
        self.districtAgents = districtAgents
        chunks = pop.chunks.enumerated().map { ChunkState(index: $0.offset, chunk: $0.element, seed: p.seed) }
        var queues: [QueueState] = []
        for (h, hall) in ctx.layout.halls.enumerated() {
            queues.append(QueueState(index: h, isKiosk: false, servers: hall.groupWindows, cv: p.halls.windowServiceCV,
                                     ticketCapPerWindow: p.halls.ticketCapPerWindow, periods: p.halls.opening,
                                     overtime: p.halls.overtimeMin, seed: p.seed))
        }
        for (k, pool) in ctx.layout.kioskPools.enumerated() {
            queues.append(QueueState(index: k, isKiosk: true, servers: [pool.kiosks], cv: p.kiosks.serviceCV,
                                     ticketCapPerWindow: nil, periods: p.kiosks.opening, overtime: p.halls.overtimeMin, seed: p.seed))
        }
        self.queues = queues
        offsets = Array(repeating: 0, count: queues.count + 1)
        tallies = (0..<self.threads).map { _ in
            Tally(items: ctx.catalog.items.count, segments: Segment.count, districts: scenario.districts.count, days: p.days)
        }
    }

    /// Plays every day and returns the merged result.
    public func run() throws -> RunResult {
        let days = context.parameters.days
        for t in 0..<days {
            if isCancelled?() == true { throw SimulationError.cancelled }
            runDay(t)
            progress?(t + 1, days)
        }
        return makeResult()
    }

    /// Plays day `t`: needs and due actions per chunk, visits bucketed per queue, the queues in
    /// parallel, outcomes per chunk. Days must be played in order, each once.
    public func runDay(_ t: Int) {
        // 1. Needs and due actions, per chunk.
        Simulation.parallel(chunks.count, threads: threads) { [self] w, c in
            let chunk = chunks[c]
            chunk.openNeeds(day: t, context, population, tallies[w])
            chunk.act(day: t, context, population, tallies[w])
            chunk.reserveOutcomes()
        }
        // 2. Visits bucketed by queue, in chunk order (counting sort).
        for q in offsets.indices { offsets[q] = 0 }
        for chunk in chunks { for v in chunk.visits { offsets[Int(v.queue) + 1] += 1 } }
        for q in 0..<queues.count { offsets[q + 1] += offsets[q] }
        entries.removeAll(keepingCapacity: true)
        entries.append(contentsOf: repeatElement((chunk: Int32(0), visit: Int32(0)), count: offsets[queues.count]))
        var fill = offsets
        for chunk in chunks {
            for (j, v) in chunk.visits.enumerated() {
                entries[fill[Int(v.queue)]] = (Int32(chunk.index), Int32(j))
                fill[Int(v.queue)] += 1
            }
        }
        // 3. Queues, in parallel; each writes only its visits' outcome slots.
        let open = context.calendar.isWorking(t)
        let kioskOpen = context.kioskOpen(t)
        let bounds = offsets
        entries.withUnsafeBufferPointer { all in
            nonisolated(unsafe) let all = all
            Simulation.parallel(queues.count, threads: threads) { [self] w, q in
                let queue = queues[q]
                let slice = UnsafeBufferPointer(rebasing: all[bounds[q]..<bounds[q + 1]])
                guard queue.isKiosk ? kioskOpen : open else {
                    precondition(slice.isEmpty, "a visit was sent to a closed queue")
                    return
                }
                queue.serve(day: t, entries: slice, chunks: chunks, tally: tallies[w])
            }
        }
        // 4. Outcomes, per chunk.
        Simulation.parallel(chunks.count, threads: threads) { [self] w, c in
            chunks[c].applyOutcomes(day: t, context, population, tallies[w])
            chunks[c].compact()
        }
    }

    /// Runs `body(worker, index)` for every index, statically striped over `threads` workers.
    static func parallel(_ n: Int, threads: Int, _ body: @Sendable (Int, Int) -> Void) {
        if threads == 1 || n <= 1 {
            for i in 0..<n { body(0, i) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: min(threads, n)) { w in
            var i = w
            while i < n {
                body(w, i)
                i += threads
            }
        }
    }
}

public enum SimulationError: Error {
    case cancelled
}
