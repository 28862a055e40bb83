
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
    /// Share of residents who are foreign nationals (0: none); they are not sent to a hukou office.
    public var foreignShare: Double
    /// Shares of the age bands among foreign residents (child, adult, senior); they sum to 1.
    public var foreignAgeShares: [Double]
    public init(residents: Int, businesses: Int, enterpriseShare: Double, ageShares: [Double],
                registeredShare: Double, digitalAdoption: [Double],
                businessDigitalAdoption: Double, foreignShare: Double = 0, foreignAgeShares: [Double]? = nil) {
        self.residents = residents; self.businesses = businesses; self.enterpriseShare = enterpriseShare
        self.ageShares = ageShares; self.registeredShare = registeredShare
        self.digitalAdoption = digitalAdoption; self.businessDigitalAdoption = businessDigitalAdoption
        self.foreignShare = foreignShare; self.foreignAgeShares = foreignAgeShares ?? ageShares
    }
}
