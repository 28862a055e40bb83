import Foundation

/// Builds the full catalog from the hand-written tables and the aggregate parameters.
///
/// The hand-written items (the few dozen with most volume, real names) come first and keep their
/// attributes and demand shares; generated items fill the catalog up to `parameters.items` with
/// attributes drawn from the parameters' distributions and Zipf-skewed demand, rescaled per hall
/// level so that demand by level matches `levelVolumeShares`. The same inputs always give the same
/// catalog: the generator draws from streams seeded by `parameters.seed`; each generated item's
/// attributes come from keyed streams of (seed, item id, attribute) (`KeyedDraw`), and only the
/// shuffle of levels and the generated life events from the catalog's own sequential stream.
/// O(items × certificates).
public struct CatalogGenerator: Sendable {
    /// A hand-written item; `demandShare` is its share of all needs of its audience.
    public struct SeedItem: Sendable, Equatable {
        public var item: Item
        public var demandShare: Double
        public init(item: Item, demandShare: Double) { self.item = item; self.demandShare = demandShare }
    }

    public var parameters: CatalogParameters
    public var seedItems: [SeedItem]
    public var namedCertificates: [CertificateType]
    public var departments: [Department]
    public var lifeEvents: [LifeEvent]
    /// Needs per agent-year of each audience (personal, business), to set generated event rates.
    public var needsPerAgentYear: [Double]

    public init(parameters: CatalogParameters, seedItems: [SeedItem], namedCertificates: [CertificateType],
                departments: [Department], lifeEvents: [LifeEvent], needsPerAgentYear: [Double]) {
        self.parameters = parameters; self.seedItems = seedItems; self.namedCertificates = namedCertificates
        self.departments = departments; self.lifeEvents = lifeEvents; self.needsPerAgentYear = needsPerAgentYear
    }

    public func generate() -> Catalog {
        let p = parameters
        let rng = RandomStream(seed: p.seed, chunk: 0, purpose: .catalog)

        // Certificates: the named types on a rank-1 = 1.0 scale, then a Zipf tail.
        var certificates = namedCertificates
        for rank in stride(from: certificates.count + 1, through: p.certificateTypes, by: 1) {
            let n = rank.zeroPadded(4)
            certificates.append(CertificateType(id: "C\(n)", nameZh: "证照\(n)", nameEn: "Certificate \(n)",
                                                usageWeight: pow(Double(rank), -p.certificateZipfExponent)))
        }
        let certificateTable = DiscreteTable(weights: certificates.map(\.usageWeight))
        let departmentTable = DiscreteTable(weights: departments.map(\.weight))
        let countTable = DiscreteTable(weights: p.departmentCountWeights)
        let complexityTable = DiscreteTable(weights: p.complexityWeights)
        let review = LognormalParameters(mean: 1, cv: p.reviewFactorCV)
        let service = LognormalParameters(mean: 1, cv: p.serviceFactorCV)

        var items = seedItems.map(\.item)
        let generatedCount = max(0, p.items - items.count)

        // Levels of generated items: exactly the counts the parameters ask for, in random order.
        var levels: [HallLevel] = []
        var cityCount = generatedCount
        for level in [HallLevel.community, .street, .district] {
            let already = items.filter { $0.level == level }.count
            let n = min(cityCount, max(0, p.itemsByLevel[level.rawValue] - already))
            levels += Array(repeating: level, count: n)
            cityCount -= n
        }
        levels += Array(repeating: HallLevel.city, count: cityCount)
        for i in stride(from: levels.count - 1, to: 0, by: -1) { levels.swapAt(i, rng.uniformInt(i + 1)) }

        // Each attribute of a generated item from its own keyed stream (`KeyedDraw`): adding an
        // attribute or an item, or drawing one differently, leaves every other draw as it was.
        let draw = RandomStream(seed: p.seed, id: "", purpose: "")
        for g in 0..<generatedCount {
            let index = items.count
            let n = (index + 1).zeroPadded(4)
            let id = "G\(n)"
            func stream(_ purpose: String) -> RandomStream {
                draw.reseed(seed: p.seed, id: id, purpose: "item.\(purpose)")
                return draw
            }
            let audience: Audience = stream("audience").bernoulli(p.personalShare) ? .personal : .business
            var rng = stream("departments")
            let lead = rng.discrete(departmentTable)
            var depts = [lead]
            let wanted = min(rng.discrete(countTable) + 1, departments.count)
            var guardCount = 0
            while depts.count < wanted && guardCount < 64 {
                let d = rng.discrete(departmentTable)
                if !depts.contains(d) { depts.append(d) }
                guardCount += 1
            }
            rng = stream("colocated")
            var mask: UInt8 = 0
            for k in 1..<max(depts.count, 1) where rng.bernoulli(p.colocatedProbability) { mask |= 1 << UInt8(k) }
            rng = stream("certificates")
            var certs: [Int] = []
            let nCerts = min(rng.poisson(p.certificatesPerItemMean), p.certificatesPerItemMax, certificates.count)
            guardCount = 0
            while certs.count < nCerts && guardCount < 64 {
                let c = rng.discrete(certificateTable)
                if !certs.contains(c) { certs.append(c) }
                guardCount += 1
            }
            let lead0 = departments[lead]
            let item = Item(
                id: id, nameZh: "\(lead0.nameZh)事项\(n)", nameEn: "\(lead0.nameEn) item \(n)",
                audience: audience, licensing: stream("licensing").bernoulli(p.licensingShare), departments: depts,
                colocatedMask: mask, level: levels[g], certificates: certs,
                formComplexity: stream("form_complexity").discrete(complexityTable) + 1,
                reviewFactor: stream("review_factor").lognormal(review), serviceFactor: stream("service_factor").lognormal(service),
                physicalPresence: stream("physical_presence").bernoulli(p.physicalPresenceShare),
                physicalResult: stream("physical_result").bernoulli(p.physicalResultShare),
                hometown: audience == .personal && stream("hometown").bernoulli(p.hometownShare),
                demandWeight: 0)
            items.append(item)
        }
        assignDemand(&items)
        let events = lifeEvents + generateEvents(items, seedCount: seedItems.count, rng: rng)
        return Catalog(items: items, certificates: certificates, departments: departments, lifeEvents: events, seed: p.seed)
    }

    /// Gives each audience's demand a total of 1: seed items keep their shares, generated items
    /// share the rest by Zipf rank, rescaled per level towards `levelVolumeShares`.
    private func assignDemand(_ items: inout [Item]) {
        let p = parameters
        let seedCount = seedItems.count
        for i in 0..<seedCount { items[i].demandWeight = seedItems[i].demandShare }
        for audience in Audience.allCases {
            let seedIndices = (0..<seedCount).filter { items[$0].audience == audience }
            var rank = seedIndices.count
            var zipf = [Double](repeating: 0, count: items.count)
            for i in seedCount..<items.count where items[i].audience == audience {
                rank += 1
                zipf[i] = pow(Double(rank), -p.demandZipfExponent)
            }
            for level in HallLevel.allCases {
                let seedMass = seedIndices.filter { items[$0].level == level }.reduce(0) { $0 + items[$1].demandWeight }
                let target = max(0, p.levelVolumeShares[level.rawValue] - seedMass)
                let members = (seedCount..<items.count).filter { items[$0].audience == audience && items[$0].level == level }
                let sum = members.reduce(0) { $0 + zipf[$1] }
                for i in members { items[i].demandWeight = sum > 0 ? zipf[i] / sum * target : 0 }
            }
            let total = items.indices.filter { items[$0].audience == audience }.reduce(0) { $0 + items[$1].demandWeight }
            if total > 0 {
                for i in items.indices where items[i].audience == audience { items[i].demandWeight /= total }
            }
        }
    }

    /// Life events over generated items: each item in at most one, sizes uniform in the configured
    /// range, rate a share of the single-need rate of the event's least-demanded item.
    private func generateEvents(_ items: [Item], seedCount: Int, rng: RandomStream) -> [LifeEvent] {
        let p = parameters
        guard p.generatedLifeEvents > 0 else { return [] }
        var pools = Audience.allCases.map { a in (seedCount..<items.count).filter { items[$0].audience == a } }
        for a in pools.indices {
            for i in stride(from: pools[a].count - 1, to: 0, by: -1) { pools[a].swapAt(i, rng.uniformInt(i + 1)) }
        }
        var events: [LifeEvent] = []
        let lo = p.generatedEventSize[0], hi = max(p.generatedEventSize[0], p.generatedEventSize[1])
        for k in 0..<p.generatedLifeEvents {
            let audience: Audience = rng.bernoulli(p.personalShare) ? .personal : .business
            let size = lo + rng.uniformInt(hi - lo + 1)
            guard pools[audience.rawValue].count >= size else { continue }
            let members = Array(pools[audience.rawValue].suffix(size))
            pools[audience.rawValue].removeLast(size)
            let least = members.map { items[$0].demandWeight }.min() ?? 0
            let lead = departments[items[members[0]].departments[0]]
            let n = (k + 1).zeroPadded(4)
            events.append(LifeEvent(id: "E\(n)", nameZh: "\(lead.nameZh)一件事\(n)", nameEn: "\(lead.nameEn) package \(n)",
                                    audience: audience,
                                    ratePerAgentYear: p.generatedEventDemandShare * least * needsPerAgentYear[audience.rawValue],
                                    items: members))
        }
        return events
    }
}
