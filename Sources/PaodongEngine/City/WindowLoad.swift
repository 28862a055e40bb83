import PaodongModel

extension SimulationContext {
    /// Expected window minutes per year by level and department, which window groups follow
    /// (docs/model.md, "Departments and window groups"). Counted from the applications' own terms, so that the load is where the
    /// day loop will send the visits: each single need and each unbundled life-event need as an
    /// application for its item, each bundled life event as one application at its lead department
    /// in the hall of its highest level. Per application: each department slot's service, repeated
    /// for incomplete material (1 / (1 − p) visits), a presence visit after a remote submission, and
    /// the collection visit. Adopters are expected online wherever the application allows it,
    /// everyone else at a window. O(items + event members).
    static func departmentLoad(scenario: Scenario, policy: ResolvedReforms, terms: [ApplicationTerms], hot: HotParameters) -> [[Double]] {
        let catalog = scenario.catalog
        let agents = scenario.audienceAgents
        let pop = scenario.parameters.population
        let residentAdoption = zip(pop.ageShares, pop.digitalAdoption).reduce(0) { $0 + $1.0 * $1.1 }
        let adoption = [residentAdoption, pop.businessDigitalAdoption]
        var load = Array(repeating: Array(repeating: 0.0, count: catalog.departments.count), count: HallLevel.allCases.count)

        func add(_ t: ApplicationTerms, applications n: Double, audience: Audience) {
            guard n > 0 else { return }
            let online = !t.channels.isDisjoint(with: .online)
            let window = online ? 1 - adoption[audience.rawValue] : 1
            let visitsPerSlot = 1 / (1 - min(0.9, Double(t.incomplete)))
            let level = Int(t.level), up = min(level + 1, HallLevel.city.rawValue)
            for k in 0..<t.slots {
                let atLead = t.leadMask & (1 << UInt8(k)) != 0
                load[atLead ? level : up][t.department(k)] += n * window * visitsPerSlot * Double(t.serviceMean)
            }
            let lead = t.department(0)
            if t.presence { load[level][lead] += n * (1 - window) * Double(t.presenceServiceMean) }
            if t.collect {
                // An instant decision at the window is handed over on the spot.
                let collecting = t.instant ? 1 - window : 1
                load[level][lead] += n * collecting * hot.collectionServiceMeanMin
            }
        }
        let single = catalog.expectedSingleNeeds(agents: agents, needsPerAgentYear: scenario.needsPerAgentYear)
        for (i, item) in catalog.items.enumerated() { add(terms[i], applications: single[i], audience: item.audience) }
        for (e, event) in catalog.lifeEvents.enumerated() {
            let n = event.ratePerAgentYear * agents[event.audience.rawValue]
            if policy.bundledEvents[e] {
                add(terms[catalog.items.count + e], applications: n, audience: event.audience)
            } else {
                for i in event.items { add(terms[i], applications: n, audience: event.audience) }
            }
        }
        return load
    }
}
