/// The health-code screening campaign as a side model: it shares nothing with the day loop but the
/// scenario (its sites, residents and streams are its own), so it runs once the days are played,
/// with the run's threads, and adds its result; its time is its own line of the profile.
final class ScreeningModel: SideModel, @unchecked Sendable {
    let campaign: ScreeningCampaign
    let threads: Int
    let profile: SimulationProfile?
    private var result: ScreeningCampaign.Result?

    init?(context ctx: SimulationContext, threads: Int, options: Simulation.Options) {
        guard let screening = ctx.parameters.screening else { return nil }
        campaign = ScreeningCampaign(scenario: ctx.parameters, districts: ctx.scenario.districts, screening: screening)
        self.threads = threads
        profile = options.profile
    }

    func finish(days: Int, chunks: [ChunkState], tally: Tally) {
        let started = SimulationProfile.now()
        result = campaign.run(threads: threads)
        profile?.addSerial(.screening, since: started)
    }

    func contribute(to result: inout RunResult) { result.screening = self.result }
}
