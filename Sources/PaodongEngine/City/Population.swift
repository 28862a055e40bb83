import PaodongModel

/// Every agent of the city, six bytes each: residents first, then businesses.
///
/// One record per agent rather than one array per attribute: the day loop touches agents at
/// random (whoever has a need today), so each touch is a cache miss, and one record costs one miss
/// where four arrays cost four (`perf annotate` put 57 % of `complete` on the district load).
///
/// Agents are grouped in fixed chunks of `Population.chunkSize` that never mix residents and
/// businesses and never depend on the thread count; each chunk is synthesised from its own stream.
public final class Population: @unchecked Sendable {
    public static let chunkSize = 1 << 16

    /// Trait bits (fixed for the run).
    public enum Trait {
        public static let ageMask: UInt8 = 0b11
        public static let registered: UInt8 = 1 << 2
        /// A foreign national (residents only).
        public static let foreign: UInt8 = 1 << 3
        public static let individualBusiness: UInt8 = 1 << 4
    }

    /// State bits (learning).
    public enum State {
        public static let adopted: UInt8 = 1 << 0
        public static let onlineShift = 1, onlineMask: UInt8 = 0b11 << 1
        public static let wastedShift = 3, wastedMask: UInt8 = 0b11 << 3
    }

    public struct Chunk: Sendable {
        public var start: Int
        public var count: Int
        public var audience: Audience
    }

    public let residents: Int
    public let businesses: Int
    public let chunks: [Chunk]
    /// One agent: where it lives, what it is, what it has learnt.
    public struct Agent: Sendable {
        /// Position within the district (0…65535), which picks the agent's hall at each level.
        public var home: UInt16
        public var district: UInt8
        /// `Trait` bits, fixed for the run.
        public var traits: UInt8
        /// `State` bits, changed by learning.
        public var state: UInt8
    }

    /// Fixed-address storage: chunks write their own agents concurrently, never each other's.
    public let agents: UnsafeMutableBufferPointer<Agent>

    public var count: Int { residents + businesses }

    /// Allocates the arrays; `synthesize(chunk:)` fills them.
    public init(residents: Int, businesses: Int) {
        self.residents = residents; self.businesses = businesses
        var chunks: [Chunk] = []
        for (audience, start, n) in [(Audience.personal, 0, residents), (.business, residents, businesses)] {
            var s = 0
            while s < n {
                let c = min(Population.chunkSize, n - s)
                chunks.append(Chunk(start: start + s, count: c, audience: audience))
                s += c
            }
        }
        self.chunks = chunks
        let n = residents + businesses
        // Left for `synthesize(chunk:)` to initialise, so that the pages are first touched by
        // the workers, in parallel (a serial fill cost 0.1 s at full scale).
        agents = .allocate(capacity: n)
    }

    deinit { agents.deallocate() }

    /// Fills one chunk from the scenario's population parameters and counts it; every chunk
    /// must be filled once before the agents are read. O(chunk size).
    @discardableResult
    public func synthesize(chunk index: Int, parameters p: PopulationParameters, districtTable: DiscreteTable,
                           ageTable: DiscreteTable, foreignAgeTable: DiscreteTable, seed: UInt64) -> Census {
        let chunk = chunks[index]
        let rng = RandomStream(seed: seed, chunk: UInt64(index), purpose: .population)
        // Who is foreign, and their ages, from a stream of their own: the other draws are as they
        // would be without foreign residents.
        let foreignRNG = RandomStream(seed: seed, chunk: UInt64(index), purpose: .foreign)
        let foreignShare = chunk.audience == .personal ? p.foreignShare : 0
        let business = chunk.audience == .business
        let adoption = p.digitalAdoption
        let base = agents.baseAddress!
        // Counted in raw buffers: array writes in the loop cost more than the draws (perf).
        var adopters = 0
        let segments = UnsafeMutableBufferPointer<Int>.allocate(capacity: Segment.slots)
        let districts = UnsafeMutableBufferPointer<Int>.allocate(capacity: districtTable.count)
        segments.initialize(repeating: 0); districts.initialize(repeating: 0)
        defer { segments.deallocate(); districts.deallocate() }
        for a in chunk.start..<(chunk.start + chunk.count) {
            let district = UInt8(rng.discrete(districtTable))
            let home = UInt16(rng.uniformInt(1 << 16))
            var t: UInt8 = 0
            var adopted: Bool
            var foreign = false
            if chunk.audience == .personal {
                var band = rng.discrete(ageTable)
                let registered = rng.uniform() < p.registeredShare
                let u = rng.uniform()
                if foreignShare > 0 && foreignRNG.uniform() < foreignShare {
                    // A foreign resident: the foreign age profile, no household registration.
                    foreign = true
                    band = foreignRNG.discrete(foreignAgeTable)
                    t |= Trait.foreign
                } else if registered {
                    t |= Trait.registered
                }
                t |= UInt8(band)
                adopted = u < adoption[band]
            } else {
                if rng.uniform() >= p.enterpriseShare { t |= Trait.individualBusiness }
                adopted = rng.uniform() < p.businessDigitalAdoption
            }
            (base + a).initialize(to: Agent(home: home, district: district, traits: t, state: adopted ? State.adopted : 0))
            if adopted { adopters += 1 }
            segments[Segment.of(business: business, traits: t, adopted: adopted)] += 1
            if foreign { segments[Segment.foreign(adopted: adopted)] += 1 }
            districts[Int(district)] += 1
        }
        var census = Census(districts: districtTable.count)
        census.adopters = adopters
        census.segments = Array(segments)
        if business { census.businesses = Array(districts) } else { census.residents = Array(districts) }
        return census
    }

    /// Agents of one chunk by adoption, segment and district.
    public struct Census: Sendable {
        public var adopters = 0
        public var segments = Array(repeating: 0, count: Segment.slots)
        public var residents: [Int]
        public var businesses: [Int]

        public init(districts: Int) {
            residents = Array(repeating: 0, count: districts)
            businesses = residents
        }

        public mutating func add(_ other: Census) {
            adopters += other.adopters
            for s in segments.indices { segments[s] += other.segments[s] }
            for d in residents.indices { residents[d] += other.residents[d]; businesses[d] += other.businesses[d] }
        }
    }
}

extension Population {
    /// Synthesises every chunk of `scenario`'s population on `threads` workers (each chunk by
    /// whichever worker takes it, from its own stream) and returns the census summed in chunk
    /// order, so that neither depends on the thread count. With a profile, each chunk is a piece
    /// of the profile's synthesis phase. O(agents).
    func synthesizeAll(_ scenario: Scenario, threads: Int, profile: SimulationProfile? = nil) -> Census {
        let p = scenario.parameters
        let districtTable = DiscreteTable(weights: scenario.districts.map(\.residents10k))
        let ageTable = DiscreteTable(weights: p.population.ageShares)
        let foreignAgeTable = DiscreteTable(weights: p.population.foreignAgeShares)
        let districts = scenario.districts.count
        nonisolated(unsafe) let census = UnsafeMutableBufferPointer<Census>.allocate(capacity: chunks.count)
        census.initialize(repeating: Census(districts: districts))
        defer { _ = census.deinitialize(); census.deallocate() }
        let started = SimulationProfile.now()
        Simulation.parallel(chunks.count, threads: threads) { [self] w, c in
            let t0 = profile == nil ? 0 : SimulationProfile.now()
            census[c] = synthesize(chunk: c, parameters: p.population, districtTable: districtTable, ageTable: ageTable,
                                   foreignAgeTable: foreignAgeTable, seed: p.seed)
            profile?.addPiece(worker: w, nanoseconds: SimulationProfile.now() &- t0)
        }
        profile?.closePhase(.synthesis, since: started)
        return census.reduce(into: Census(districts: districts)) { $0.add($1) }
    }
}
