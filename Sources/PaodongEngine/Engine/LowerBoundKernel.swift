import Dispatch
import PaodongModel

/// The least work a simulated year could cost, for `Benchmarks/scaling.sh`: every need drawn as
/// the day loop draws it (Poisson per chunk and day, its agent, its item or life event from the
/// same tables), each application's agent read, its channel chosen by the model's own logit, its
/// missing paper certificates and its review days drawn (gamma), counted by item and channel,
/// and nothing else (a foreign resident's residence permit, which opens once the work permit is
/// in hand, is left out): no queues, no visits, no application kept in flight, no hotline.
///
/// The full model does all of this and more, so its time over the kernel's says what the rest
/// (queues, the lifecycle, outcomes, the call centre, the reports) costs. It lives beside the
/// engine because it reads the engine's tables, so that it follows them when they change.
public final class LowerBoundKernel: @unchecked Sendable {
    public struct Result: Sendable {
        public var applications: Int64
        /// Applications by channel (`Channel.rawValue`).
        public var byChannel: [Int64]
        public var paperTrips: Int64
        /// Review days drawn, summed.
        public var reviewDays: Double
        /// Seconds for the population's synthesis, and for the year.
        public var setupSeconds: Double
        public var yearSeconds: Double
    }

    let context: SimulationContext
    let threads: Int

    public init(scenario: Scenario, threads: Int) {
        context = SimulationContext(scenario: scenario)
        self.threads = max(1, threads)
    }

    /// Runs the year. O(needs) draws, parallel over the population's chunks.
    public func run() -> Result {
        let ctx = context, p = ctx.parameters, threads = self.threads
        let started = DispatchTime.now().uptimeNanoseconds
        let pop = Population(residents: ctx.residents, businesses: ctx.businesses)
        _ = pop.synthesizeAll(ctx.scenario, threads: threads)
        let chunks = pop.chunks.enumerated().map { ChunkState(index: $0.offset, chunk: $0.element, seed: p.seed) }
        let yearStart = DispatchTime.now().uptimeNanoseconds
        // One row per worker, 16 counters apart: applications by channel, paper trips, review milli-days.
        let stride = 16
        nonisolated(unsafe) let rows = UnsafeMutablePointer<Int64>.allocate(capacity: threads * stride)
        rows.initialize(repeating: 0, count: threads * stride)
        defer { rows.deallocate() }
        for t in 0..<p.days {
            Simulation.parallel(chunks.count, threads: threads) { w, c in
                LowerBoundKernel.day(t, chunk: chunks[c], ctx, pop, row: rows + w * stride)
            }
        }
        let done = DispatchTime.now().uptimeNanoseconds
        var byChannel = [Int64](repeating: 0, count: Channel.count)
        var paper: Int64 = 0, milliDays: Int64 = 0
        for w in 0..<threads {
            for k in 0..<Channel.count { byChannel[k] += rows[w * stride + k] }
            paper += rows[w * stride + Channel.count]
            milliDays += rows[w * stride + Channel.count + 1]
        }
        return Result(applications: byChannel.reduce(0, +), byChannel: byChannel, paperTrips: paper,
                      reviewDays: Double(milliDays) / 1000, setupSeconds: Double(yearStart - started) / 1e9,
                      yearSeconds: Double(done - yearStart) / 1e9)
    }

    /// One chunk's day: its needs (the day loop's own draw), and for each application its agent,
    /// channel, certificates and review days.
    private static func day(_ t: Int, chunk s: ChunkState, _ ctx: SimulationContext, _ pop: Population, row: UnsafeMutablePointer<Int64>) {
        let h = ctx.hot
        func open(_ agent: Int, terms: ApplicationTerms) {
            let person = pop.agents[agent]
            let business = s.chunk.audience == .business
            let senior = !business && Int(person.traits & Population.Trait.ageMask) == AgeBand.senior.rawValue
            var channels = terms.channels
            if person.state & Population.State.adopted == 0 && !channels.isDisjoint(with: .online) {
                if s.behaviour.uniform() < h.adoptionProbability * (senior ? h.seniorAdoptionFactor : 1) {
                    pop.agents[agent].state |= Population.State.adopted
                } else {
                    channels.subtract(.online)
                }
            }
            if !ctx.hasKiosks { channels.remove(ChannelSet(.kiosk)) }
            let channel = s.chooseChannel(channels, level: Int(terms.level), windowTrips: terms.windowTrips, slots: terms.slots,
                                          service: terms.service, presenceService: terms.presenceService, form: terms.form,
                                          collect: terms.collect, instant: terms.instant,
                                          presence: terms.presence, senior: senior, business: business, state: person.state, ctx)
            row[channel.rawValue] += 1
            for _ in 0..<terms.paper where s.behaviour.uniform() < h.lackCopyProbability { row[Channel.count] += 1 }
            if !terms.instant && terms.reviewMeanDays > 0 {
                let days = s.behaviour.gamma(shape: h.approvalShape, mean: Double(terms.reviewMeanDays))
                row[Channel.count + 1] += (days * 1000).roundedToInt64
            }
        }
        if ctx.foreignPermits != nil { s.listForeignAgents(pop) }
        s.drawNeeds(day: t, ctx)
        for k in s.newNeeds.indices {
            let need = s.newNeeds[k]
            let agent = Int(need.agent)
            if need.what >= 0 {
                open(agent, terms: ctx.terms[Int(need.what)])
                continue
            }
            let e = Int(~need.what)
            if let permits = ctx.foreignPermits, e == permits.pairEvent, !permits.merged {
                // The work permit alone: its residence permit follows its completion, which the
                // kernel does not simulate (the model counts those in `permitFollowUps`).
                open(agent, terms: ctx.terms[permits.first])
            } else if ctx.bundledEvents[e] {
                open(agent, terms: ctx.terms[ctx.termsIndex(item: 0, event: e)])
            } else {
                for item in ctx.eventItems[ctx.eventItemRanges[e]] { open(agent, terms: ctx.terms[item]) }
            }
        }
    }
}
