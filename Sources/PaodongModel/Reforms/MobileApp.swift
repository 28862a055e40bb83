/// The i深圳 app (掌上办): a share of personal and of business items can be done on the phone.
public struct MobileApp: Reform, Codable, Equatable {
    public static let key = "mobile"
    public static let parameters = [
        Parameter("reforms.mobile.personal_share", .share, doc: "Share of personal items on the i深圳 app."),
        Parameter("reforms.mobile.business_share", .share, doc: "Share of business items on the i深圳 app."),
    ]
    public static let ablation = "mobile"
    public static let mechanisms: [ReformMechanism] = [.falls("share_window")]

    public var enabled: Bool
    public var personalShare: Double
    public var businessShare: Double

    public init(enabled: Bool, personalShare: Double, businessShare: Double) {
        self.enabled = enabled; self.personalShare = personalShare; self.businessShare = businessShare
    }
    public init(reading r: any ReformReader) {
        self.init(enabled: r.bool("enabled"), personalShare: r.double("personal_share"), businessShare: r.double("business_share"))
    }

    /// Each audience's share by the same random key, so that the two shares pick independently sized
    /// subsets of disjoint item sets.
    public func resolve(into r: inout ReformResolution) {
        r.offer(.mobile, where: r.share(personalShare, purpose: Self.key, eligible: { $0.audience == .personal }))
        r.offer(.mobile, where: r.share(businessShare, purpose: Self.key, eligible: { $0.audience == .business }))
    }
}
