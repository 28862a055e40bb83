/// How many needs arise and when (docs/model.md, "Entities"; "Departments and window groups").
public struct DemandParameters: Codable, Sendable, Equatable {
    public var needsPerResidentYear: Double
    public var needsPerBusinessYear: Double
    /// Twelve monthly weights; all equal means uniform over the year.
    public var monthlyProfile: [Double]
    /// The foreign residents' permits; nil: they need none beyond their other needs.
    public var foreignPermits: ForeignPermitDemand?
    public init(needsPerResidentYear: Double, needsPerBusinessYear: Double, monthlyProfile: [Double],
                foreignPermits: ForeignPermitDemand? = nil) {
        self.needsPerResidentYear = needsPerResidentYear; self.needsPerBusinessYear = needsPerBusinessYear
        self.monthlyProfile = monthlyProfile; self.foreignPermits = foreignPermits
    }
}

/// The two permits a foreign resident needs to work in the city (docs/model.md, "Foreign
/// residents"): a work permit (外国人来华工作许可), then the work-type residence permit
/// (外国人工作居留) whose application asks for the work permit. A need for them (a new permit or a
/// renewal) is a need for both items; without `reforms.merged_services` they are two applications,
/// the second opened the day after the first's result is in hand.
public struct ForeignPermitDemand: Codable, Sendable, Equatable {
    /// Permit needs (both items) per foreign resident and year, on top of the resident's other needs.
    public var perForeignResidentYear: Double
    /// The work permit's item id, then the residence permit's.
    public var items: [String]
    /// The certificate type the first item issues and the second asks for.
    public var issuedCertificate: String
    public init(perForeignResidentYear: Double, items: [String], issuedCertificate: String) {
        self.perForeignResidentYear = perForeignResidentYear; self.items = items; self.issuedCertificate = issuedCertificate
    }
}
