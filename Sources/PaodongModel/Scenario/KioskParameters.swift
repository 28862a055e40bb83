/// Self-service terminals: pooled per district and served like a window group.
public struct KioskParameters: Codable, Sendable, Equatable {
    public var count: Int
    public var serviceMeanMin: Double
    public var serviceCV: Double
    public var travelMin: Double
    public var opening: [OpeningPeriod]
    public var openWeekends: Bool
    public init(count: Int, serviceMeanMin: Double, serviceCV: Double, travelMin: Double,
                opening: [OpeningPeriod], openWeekends: Bool) {
        self.count = count; self.serviceMeanMin = serviceMeanMin; self.serviceCV = serviceCV
        self.travelMin = travelMin; self.opening = opening; self.openWeekends = openWeekends
    }
}
