/// 一网通办 (one network): a share of items can be applied for on the web portal.
public struct OnlineService: Reform, Codable, Equatable {
    public static let key = "online"
    public static let parameters = [
        Parameter("reforms.online.share", .share, doc: "Share of items on the web portal (一网通办)."),
    ]
    public static let ablation = "online"
    public static let mechanisms: [ReformMechanism] = [.falls("share_window")]

    public var enabled: Bool
    public var share: Double

    public init(enabled: Bool, share: Double) { self.enabled = enabled; self.share = share }
    public init(reading r: any ReformReader) { self.init(enabled: r.bool("enabled"), share: r.double("share")) }

    public func resolve(into r: inout ReformResolution) {
        r.offer(.web, where: r.share(share, purpose: Self.key, eligible: { _ in true }))
    }
}
