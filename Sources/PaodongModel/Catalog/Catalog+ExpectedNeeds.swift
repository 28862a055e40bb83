/// Expected needs per item and per life event: what `volume` targets rank by, and what window
/// groups are sized from.
extension Catalog {
    /// Expected single needs per year of each item (needs that arise alone, not in a life event):
    /// the audience's rate less what its life events carry, shared by demand weight. `agents` and
    /// `needsPerAgentYear` are indexed by `Audience.rawValue`. O(items).
    public func expectedSingleNeeds(agents: [Double], needsPerAgentYear: [Double]) -> [Double] {
        let single = Audience.allCases.map { a in
            max(0, needsPerAgentYear[a.rawValue]
                - lifeEvents.filter { $0.audience == a }.reduce(0) { $0 + $1.ratePerAgentYear * Double($1.items.count) })
        }
        return items.map { $0.demandWeight * agents[$0.audience.rawValue] * single[$0.audience.rawValue] }
    }

    /// Expected needs per year of each item: its single needs plus one per event of every life
    /// event it is in. O(items + event members).
    public func expectedNeeds(agents: [Double], needsPerAgentYear: [Double]) -> [Double] {
        var needs = expectedSingleNeeds(agents: agents, needsPerAgentYear: needsPerAgentYear)
        for event in lifeEvents {
            for i in event.items { needs[i] += event.ratePerAgentYear * agents[event.audience.rawValue] }
        }
        return needs
    }

    /// Expected needs per year that each life event brings (events × members).
    public func expectedEventNeeds(agents: [Double]) -> [Double] {
        lifeEvents.map { $0.ratePerAgentYear * agents[$0.audience.rawValue] * Double($0.items.count) }
    }
}

extension Scenario {
    /// Agents of each audience at full scale (the reforms' volume order does not depend on `--scale`).
    public var audienceAgents: [Double] {
        [Double(parameters.population.residents), Double(parameters.population.businesses)]
    }

    /// Needs per agent-year of each audience.
    public var needsPerAgentYear: [Double] { [parameters.demand.needsPerResidentYear, parameters.demand.needsPerBusinessYear] }

    /// `Catalog.expectedNeeds` with this scenario's population and demand, at full scale.
    public var expectedNeeds: [Double] {
        catalog.expectedNeeds(agents: audienceAgents, needsPerAgentYear: needsPerAgentYear)
    }
}
