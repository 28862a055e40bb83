/// The whole item catalog with the tables its items refer to. Immutable once built.
public struct Catalog: Sendable, Equatable {
    public var items: [Item]
    public var certificates: [CertificateType]
    public var departments: [Department]
    public var lifeEvents: [LifeEvent]
    /// The catalog's seed (`CatalogParameters.seed`): reforms' per-item selection keys are drawn
    /// from it by `selectionKey`.
    public var seed: UInt64
    public init(items: [Item], certificates: [CertificateType], departments: [Department], lifeEvents: [LifeEvent], seed: UInt64) {
        self.items = items; self.certificates = certificates; self.departments = departments; self.lifeEvents = lifeEvents
        self.seed = seed
    }

    /// Each item's index by its id (the first of equal ids), for checking and resolving the ids a
    /// scenario names. O(items): build it once where ids are looked up, and only if any are.
    public func itemIndexByID() -> [String: Int] {
        Dictionary(items.indices.map { (items[$0].id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// What an error about an unknown item id `id` says is allowed.
    public func unknownItem(_ id: String) -> String {
        "unknown item '\(id)'; allowed: the ids of the items table or generated ids up to G\(items.count.zeroPadded(4))"
    }

    /// Item `i`'s uniform key in [0, 1) for the selection `purpose` (a reform's key name): a
    /// reform of n items (or a share) takes the eligible items with the smallest keys, so a bigger
    /// reform always contains a smaller one. Depends on (seed, item id, purpose) alone (`KeyedDraw`).
    public func selectionKey(_ i: Int, _ purpose: String) -> Double {
        KeyedDraw.uniform(seed: seed, id: items[i].id, purpose: "reform.\(purpose)")
    }
}

/// The aggregate parameters from which `CatalogGenerator` builds the catalog deterministically.
public struct CatalogParameters: Codable, Sendable, Equatable {
    public var items: Int
    /// The catalog's own seed: the catalog is data, the same in every run and replication.
    public var seed: UInt64
    public var personalShare: Double
    public var licensingShare: Double
    /// Weights of items involving 1, 2, 3 and 4 departments.
    public var departmentCountWeights: [Double]
    public var colocatedProbability: Double
    /// Items whose lowest level is community, street and district; the rest are city items.
    public var itemsByLevel: [Int]
    /// Share of demand whose item's lowest level is community, street, district and city.
    public var levelVolumeShares: [Double]
    public var certificateTypes: Int
    public var certificateZipfExponent: Double
    public var certificatesPerItemMean: Double
    public var demandZipfExponent: Double
    /// Weights of form complexity 1…5.
    public var complexityWeights: [Double]
    public var physicalPresenceShare: Double
    public var physicalResultShare: Double
    public var hometownShare: Double
    public var reviewFactorCV: Double
    public var serviceFactorCV: Double
    /// Life events generated over generated items (一件事 packages beyond the named ones).
    public var generatedLifeEvents: Int
    /// Smallest and largest number of items of a generated life event.
    public var generatedEventSize: [Int]
    /// Rate of a generated event, as a share of the single-need rate of its least-demanded item.
    public var generatedEventDemandShare: Double
    /// Most certificates a generated item asks for (its Poisson draw is capped here).
    public var certificatesPerItemMax: Int
    public init(items: Int, seed: UInt64, personalShare: Double, licensingShare: Double,
                departmentCountWeights: [Double], colocatedProbability: Double, itemsByLevel: [Int], levelVolumeShares: [Double],
                certificateTypes: Int, certificateZipfExponent: Double, certificatesPerItemMean: Double,
                demandZipfExponent: Double, complexityWeights: [Double], physicalPresenceShare: Double,
                physicalResultShare: Double, hometownShare: Double, reviewFactorCV: Double, serviceFactorCV: Double,
                generatedLifeEvents: Int, generatedEventSize: [Int], generatedEventDemandShare: Double,
                certificatesPerItemMax: Int) {
        self.certificatesPerItemMax = certificatesPerItemMax
        self.items = items; self.seed = seed; self.personalShare = personalShare; self.licensingShare = licensingShare
        self.departmentCountWeights = departmentCountWeights; self.colocatedProbability = colocatedProbability
        self.itemsByLevel = itemsByLevel; self.levelVolumeShares = levelVolumeShares; self.certificateTypes = certificateTypes
        self.certificateZipfExponent = certificateZipfExponent; self.certificatesPerItemMean = certificatesPerItemMean
        self.demandZipfExponent = demandZipfExponent; self.complexityWeights = complexityWeights
        self.physicalPresenceShare = physicalPresenceShare; self.physicalResultShare = physicalResultShare
        self.hometownShare = hometownShare; self.reviewFactorCV = reviewFactorCV; self.serviceFactorCV = serviceFactorCV
        self.generatedLifeEvents = generatedLifeEvents; self.generatedEventSize = generatedEventSize
        self.generatedEventDemandShare = generatedEventDemandShare
    }
}
