import PaodongModel

/// The 12345 hotline as a side model of the day loop: its lines (the general line, and the business
/// line when its reform is on) gather the calls the chunks made, play their day (beside the workers,
/// or as pieces of the same day's queue phase or of the next day's first phase: `HotlineSchedule`),
/// and tell each chunk the next day
/// which of its pre-check calls got through, before its outcomes.
final class HotlineModel: SideModel, @unchecked Sendable {
    let lines: [HotlineLineState]
    /// The same lines by `HotlineLine` raw value (nil where the run has no such line).
    let linesByKind: [HotlineLineState?]
    let schedule: HotlineSchedule
    let setup: HotlineSetup
    let profile: SimulationProfile?

    init?(context ctx: SimulationContext, threads: Int, options: Simulation.Options) {
        let p = ctx.parameters
        let setup = ctx.hotlineSetup
        self.setup = setup
        let lines = HotlineLine.allCases.filter { $0 == .general || setup.businessLine }
            .map { HotlineLineState(line: $0, parameters: p, businessLineAgents: ctx.policy.businessLineAgents ?? 0, seed: p.seed) }
        self.lines = lines
        linesByKind = HotlineLine.allCases.map { kind in lines.first { $0.line == kind } }
        schedule = options.lineSchedule ?? .choose(threads: threads, scale: p.scale)
        profile = options.profile
    }

    /// Yesterday's lines, on few threads.
    func deferredPieces(day t: Int) -> Int { schedule == .nextDay && t > 0 ? lines.count : 0 }

    func runDeferredPiece(_ k: Int, day t: Int) { lines[k].play(day: t - 1, setup: setup) }

    /// Today's lines, as the queue phase's first pieces, on few threads.
    func queuePieces(day t: Int) -> Int { schedule == .sameDay ? lines.count : 0 }

    func runQueuePiece(_ k: Int, day t: Int) { lines[k].play(day: t, setup: setup) }

    /// Gathers each line's calls and, beside the workers, starts its day.
    func gather(day t: Int, chunks: [ChunkState]) {
        for line in lines { line.gather(day: t, chunks: chunks) }
        guard schedule == .beside else { return }
        let setup = self.setup
        for line in lines { line.queue.async(group: line.played[t % 2]) { line.play(day: t, setup: setup) } }
    }

    func awaitAnswers(day t: Int) {
        if t > 0 { wait(day: t - 1) }
    }

    /// Yesterday's answers to the chunk's pre-check calls.
    func handAnswers(to chunk: ChunkState, day t: Int, tally: Tally) {
        chunk.applyCallOutcomes(lines: linesByKind, batch: (t + 1) % 2, tally)
    }

    /// The last day's answers: only their count remains to be told.
    func finish(days: Int, chunks: [ChunkState], tally: Tally) {
        guard days > 0 else { return }
        if schedule == .nextDay { for line in lines { line.play(day: days - 1, setup: setup) } }
        wait(day: days - 1)
        for chunk in chunks { chunk.applyCallOutcomes(lines: linesByKind, batch: (days - 1) % 2, tally) }
    }

    func contribute(to result: inout RunResult) {
        result.hotline = lines.map {
            RunResult.HotlineLineResult(line: $0.line, agentsByWeekday: $0.agentsByWeekday, surgeAgentsByWeekday: $0.surgeAgentsByWeekday,
                                        surgeDay: setup.surgeDay, weekday: setup.weekdayIndex, counts: $0.counts, calls: $0.calls,
                                        answered: $0.answered, workOrders: $0.workOrders, workOrderMilliDays: $0.workOrderMilliDays)
        }
    }

    /// Waits until the lines have played day `t`; the wait and the lines' time go to the profile.
    private func wait(day t: Int) {
        let waiting = SimulationProfile.now()
        for line in lines { line.played[t % 2].wait() }
        profile?.addSerial(.hotlineWait, since: waiting)
        profile?.addBeside(.hotline, nanoseconds: lines.map { $0.playNanoseconds[t % 2] })
    }
}
