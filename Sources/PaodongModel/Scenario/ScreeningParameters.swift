/// A district-wide nucleic-acid screening (全员核酸检测): the district's residents are called to
/// sampling sites over a few days; each site has registration desks and sampling stations in
/// series. With the 深i您 health code, registration is a scan (5 s in the article, Luohu's
/// screening system); on paper, a form is filled in and a barcode printed and stuck.
/// docs/model.md, "Health-code screening".
public struct ScreeningParameters: Codable, Sendable, Equatable {
    /// District (English name in the districts table) whose residents are called.
    public var district: String
    /// Index of `district` in the districts table (resolved by the decoder).
    public var districtIndex: Int
    /// Share of the district's residents called.
    public var populationShare: Double
    /// Days over which residents are called, in equal numbers each day.
    public var days: Int
    public var sites: Int
    public var desksPerSite: Int
    public var stationsPerSite: Int
    /// Whether registration is by health code (else by paper form).
    public var healthCode: Bool
    public var registrationSecHealthCode: Double
    public var registrationSecPaper: Double
    public var samplingSec: Double
    /// Coefficient of variation of registration and sampling times (lognormal).
    public var serviceCV: Double
    /// The sites' daily opening (one period).
    public var opening: OpeningPeriod
    /// Relative arrivals in each opening hour.
    public var arrivalsByHour: [Double]
    public var patienceMeanMin: Double
    /// Probability that someone who gave up (or was still in line at closing) comes back the next day.
    public var returnProbability: Double

    public init(district: String, districtIndex: Int, populationShare: Double, days: Int, sites: Int, desksPerSite: Int,
                stationsPerSite: Int, healthCode: Bool, registrationSecHealthCode: Double, registrationSecPaper: Double,
                samplingSec: Double, serviceCV: Double, opening: OpeningPeriod, arrivalsByHour: [Double], patienceMeanMin: Double,
                returnProbability: Double) {
        self.district = district; self.districtIndex = districtIndex; self.populationShare = populationShare; self.days = days
        self.sites = sites; self.desksPerSite = desksPerSite; self.stationsPerSite = stationsPerSite; self.healthCode = healthCode
        self.registrationSecHealthCode = registrationSecHealthCode; self.registrationSecPaper = registrationSecPaper
        self.samplingSec = samplingSec; self.serviceCV = serviceCV; self.opening = opening; self.arrivalsByHour = arrivalsByHour
        self.patienceMeanMin = patienceMeanMin; self.returnProbability = returnProbability
    }

    /// Mean registration seconds under the chosen registration.
    public var registrationSec: Double { healthCode ? registrationSecHealthCode : registrationSecPaper }
}
