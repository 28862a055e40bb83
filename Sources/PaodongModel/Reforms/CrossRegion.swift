/// 跨省通办 / 湾区通办 (across regions): a share of hometown items are served in Shenzhen, with no
/// trip home.
public struct CrossRegion: Reform, Codable, Equatable {
    public static let key = "cross_region"
    public static let parameters = [
        Parameter("reforms.cross_region.share", .share, doc: "Share of hometown items done without the hometown trip (跨域通办)."),
    ]
    public static let ablation = "cross-region"
    public static let mechanisms: [ReformMechanism] = [.falls("trips_hometown")]

    public var enabled: Bool
    public var share: Double

    public init(enabled: Bool, share: Double) { self.enabled = enabled; self.share = share }
    public init(reading r: any ReformReader) { self.init(enabled: r.bool("enabled"), share: r.double("share")) }

    public func resolve(into r: inout ReformResolution) {
        r.mark(.crossRegion, where: r.share(share, purpose: Self.key, eligible: \.hometown))
    }
}
