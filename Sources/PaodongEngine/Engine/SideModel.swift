/// A model that runs beside the city's day loop and exchanges with it only through the calls below:
/// the 12345 hotline (`HotlineModel`), the health-code screening campaign (`ScreeningModel`).
///
/// ## The extension contract
/// `Simulation.sideModels` lists the types; each `init?(context:threads:options:)` returns nil
/// when the scenario has no such model. On day t the day loop calls every side model, in that list's
/// order:
/// 1. `deferredPieces(day:)` pieces of phase 1 (`runDeferredPiece(_:day:)`), run by the workers
///    before the chunks' needs (work a model put off from day t − 1 onto the next day's workers);
/// 2. after the visits are bucketed, `gather(day:chunks:)`, serially: read what the chunks sent the
///    model today (chunks must not be written); then `queuePieces(day:)` pieces of the queue phase
///    (`runQueuePiece(_:day:)`), run by the workers before the halls (work on what was gathered);
/// 3. before the outcomes phase, `awaitAnswers(day:)`: day t − 1's answers must be ready;
/// 4. in the outcomes phase, `handAnswers(to:day:tally:)` for each chunk before its outcomes, from
///    any worker, one chunk per call: write that chunk's applications only.
/// After the last day, `finish(days:tally:)` (the last day's answers), then `contribute(to:)` adds
/// the model's results to the run's. Results must not depend on the thread count nor on which
/// worker runs which piece: a side model draws only from its own streams.
protocol SideModel: AnyObject, Sendable {
    init?(context: SimulationContext, threads: Int, options: Simulation.Options)
    func deferredPieces(day t: Int) -> Int
    func runDeferredPiece(_ k: Int, day t: Int)
    func gather(day t: Int, chunks: [ChunkState])
    func queuePieces(day t: Int) -> Int
    func runQueuePiece(_ k: Int, day t: Int)
    func awaitAnswers(day t: Int)
    func handAnswers(to chunk: ChunkState, day t: Int, tally: Tally)
    func finish(days: Int, chunks: [ChunkState], tally: Tally)
    func contribute(to result: inout RunResult)
}

extension SideModel {
    func deferredPieces(day t: Int) -> Int { 0 }
    func runDeferredPiece(_ k: Int, day t: Int) {}
    func gather(day t: Int, chunks: [ChunkState]) {}
    func queuePieces(day t: Int) -> Int { 0 }
    func runQueuePiece(_ k: Int, day t: Int) {}
    func awaitAnswers(day t: Int) {}
    func handAnswers(to chunk: ChunkState, day t: Int, tally: Tally) {}
    func finish(days: Int, chunks: [ChunkState], tally: Tally) {}
}
