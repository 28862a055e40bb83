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

/// Channel choice and learning (docs/model.md, "Channels and trips").
public struct BehaviourParameters: Codable, Sendable, Equatable {
    /// Alternative-specific constants by channel (window, kiosk, web, mobile) for adults.
    public var channelConstants: [Double]
    /// Added to the online channels' utility for seniors.
    public var seniorOnlineShift: Double
    /// Added to the online channels' utility for businesses.
    public var businessOnlineShift: Double
    /// Utility per hour of expected time cost (negative).
    public var timeCoefficientPerHour: Double
    /// Queue wait the applicant expects at a hall, in minutes, when weighing channels.
    public var expectedWaitMin: Double
    /// Utility added to online channels per remembered online success (0…3).
    public var onlineExperienceWeight: Double
    /// Utility added to non-window channels per remembered wasted trip (0…3).
    public var wastedTripWeight: Double
    /// Probability that a non-adopter offered an online channel adopts.
    public var adoptionProbability: Double
    /// Multiplies `adoptionProbability` for seniors.
    public var seniorAdoptionFactor: Double
    public init(channelConstants: [Double], seniorOnlineShift: Double, businessOnlineShift: Double,
                timeCoefficientPerHour: Double, expectedWaitMin: Double, onlineExperienceWeight: Double,
                wastedTripWeight: Double, adoptionProbability: Double, seniorAdoptionFactor: Double) {
        self.seniorAdoptionFactor = seniorAdoptionFactor
        self.channelConstants = channelConstants; self.seniorOnlineShift = seniorOnlineShift
        self.businessOnlineShift = businessOnlineShift; self.timeCoefficientPerHour = timeCoefficientPerHour
        self.expectedWaitMin = expectedWaitMin; self.onlineExperienceWeight = onlineExperienceWeight
        self.wastedTripWeight = wastedTripWeight; self.adoptionProbability = adoptionProbability
    }
}
