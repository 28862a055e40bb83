/// Documents, forms, pre-review, approval and trips outside the halls (docs/model.md, "Channels and trips"; "Departments and window groups").
public struct ProcessParameters: Codable, Sendable, Equatable {
    /// Probability that the applicant lacks a paper copy of one required certificate.
    public var lackCopyProbability: Double
    public var documentTravelMin: Double
    /// Form-filling minutes per unit of form complexity (complexity runs 1…5).
    public var formMinPerComplexity: Double
    /// Mobile form time relative to web.
    public var mobileFormFactor: Double
    /// Probability of incomplete material per unit of form complexity.
    public var incompletePerComplexity: Double
    /// Cut of the incomplete probability for each certificate pulled electronically, as a share of
    /// the part of the probability that the documents cause.
    public var documentIncompleteShare: Double
    public var approvalMeanDays: Double
    public var approvalShape: Double
    public var hometownTravelMin: Double
    /// Working days before a failed visit is retried.
    public var retryDelayDays: Int
    public init(lackCopyProbability: Double, documentTravelMin: Double, formMinPerComplexity: Double,
                mobileFormFactor: Double, incompletePerComplexity: Double, documentIncompleteShare: Double,
                approvalMeanDays: Double, approvalShape: Double, hometownTravelMin: Double, retryDelayDays: Int) {
        self.lackCopyProbability = lackCopyProbability; self.documentTravelMin = documentTravelMin
        self.formMinPerComplexity = formMinPerComplexity; self.mobileFormFactor = mobileFormFactor
        self.incompletePerComplexity = incompletePerComplexity; self.documentIncompleteShare = documentIncompleteShare
        self.approvalMeanDays = approvalMeanDays; self.approvalShape = approvalShape
        self.hometownTravelMin = hometownTravelMin; self.retryDelayDays = retryDelayDays
    }
}
