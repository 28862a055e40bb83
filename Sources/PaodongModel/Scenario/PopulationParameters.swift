/// One district of the city: its share of residents and businesses and its street and community halls.
public struct District: Codable, Sendable, Equatable {
    public var nameZh: String
    public var nameEn: String
    /// Census residents in units of 10,000; only the proportions matter, the total comes from `residents`.
    public var residents10k: Double
    public var streets: Int
    public var communities: Int
    public init(nameZh: String, nameEn: String, residents10k: Double, streets: Int, communities: Int) {
        self.nameZh = nameZh; self.nameEn = nameEn; self.residents10k = residents10k
        self.streets = streets; self.communities = communities
    }
}

/// Who lives and works in the city (docs/model.md, "Entities").
public struct PopulationParameters: Codable, Sendable, Equatable {
    public var residents: Int
    public var businesses: Int
    public var enterpriseShare: Double
    /// Shares of the age bands child (0–14), adult, senior (60+); they sum to 1.
    public var ageShares: [Double]
    public var registeredShare: Double
    /// Digital adoption at the start by age band (child, adult, senior).
    public var digitalAdoption: [Double]
    public var businessDigitalAdoption: Double
    public init(residents: Int, businesses: Int, enterpriseShare: Double, ageShares: [Double],
                registeredShare: Double, digitalAdoption: [Double],
                businessDigitalAdoption: Double) {
        self.residents = residents; self.businesses = businesses; self.enterpriseShare = enterpriseShare
        self.ageShares = ageShares; self.registeredShare = registeredShare
        self.digitalAdoption = digitalAdoption; self.businessDigitalAdoption = businessDigitalAdoption
    }
}

/// How many needs arise and when (docs/model.md, "Entities"; "Departments and window groups").
public struct DemandParameters: Codable, Sendable, Equatable {
    public var needsPerResidentYear: Double
    public var needsPerBusinessYear: Double
    /// Twelve monthly weights; all equal means uniform over the year.
    public var monthlyProfile: [Double]
    public init(needsPerResidentYear: Double, needsPerBusinessYear: Double, monthlyProfile: [Double]) {
        self.needsPerResidentYear = needsPerResidentYear; self.needsPerBusinessYear = needsPerBusinessYear
        self.monthlyProfile = monthlyProfile
    }
}
