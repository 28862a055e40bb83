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
