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
