/// 统一身份认证 / 一码通用 (unified identity): window and kiosk service takes `serviceFactor` of its
/// time (no identity papers to check).
public struct UnifiedIdentity: Reform, Codable, Equatable {
    public static let key = "unified_identity"
    public static let parameters = [
        Parameter("reforms.unified_identity.service_factor", .number(0.01...100), doc: "Window and kiosk time with unified identity (统一身份认证)."),
    ]
    public static let ablation = "unified-identity"
    public static let mechanisms: [ReformMechanism] = [.falls("service_mean_min")]

    public var enabled: Bool
    public var serviceFactor: Double

    public init(enabled: Bool, serviceFactor: Double) { self.enabled = enabled; self.serviceFactor = serviceFactor }
    public init(reading r: any ReformReader) { self.init(enabled: r.bool("enabled"), serviceFactor: r.double("service_factor")) }

    public func resolve(into r: inout ReformResolution) { r.identityServiceFactor = serviceFactor }
}
