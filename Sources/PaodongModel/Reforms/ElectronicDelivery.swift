/// 电子证照 / 邮寄 (electronic or posted results): a share of the items with a paper result need no
/// collection trip.
public struct ElectronicDelivery: Reform, Codable, Equatable {
    public static let key = "e_delivery"
    public static let parameters = [
        Parameter("reforms.e_delivery.share", .share, doc: "Share of items with a paper result whose result is delivered (no collection trip)."),
    ]
    public static let ablation = "e-delivery"
    public static let mechanisms: [ReformMechanism] = [.falls("trips_collection")]

    public var enabled: Bool
    public var share: Double

    public init(enabled: Bool, share: Double) { self.enabled = enabled; self.share = share }
    public init(reading r: any ReformReader) { self.init(enabled: r.bool("enabled"), share: r.double("share")) }

    public func resolve(into r: inout ReformResolution) {
        r.mark(.eDelivery, where: r.share(share, purpose: Self.key, eligible: \.physicalResult))
    }
}
