/// 秒批 (instant approval): `items` items are decided on submission, from data alone. With
/// pre-filled forms on, the pre-filled items are among them (秒报秒批一体化).
public struct InstantApproval: Reform, Codable, Equatable {
    public static let key = "instant_approval"
    public static let parameters = [
        Parameter("reforms.instant_approval.items", .integer(0...1_000_000), unit: "items", doc: "Items decided on submission (秒批)."),
    ]
    public static let selectsItems = true
    public static let resolvedAfter = [Prefill.key]
    public static let ablation = "instant-approval"
    public static let mechanisms: [ReformMechanism] = [.falls("lead_time_mean_days")]

    public var enabled: Bool
    public var items: Int
    public var selection: ItemSelection

    public init(enabled: Bool, items: Int, selection: ItemSelection = .init()) {
        self.enabled = enabled; self.items = items; self.selection = selection
    }
    public init(reading r: any ReformReader) {
        self.init(enabled: r.bool("enabled"), items: r.int("items"), selection: r.selection(prefix: ""))
    }

    /// An item that needs the applicant in person (biometrics, a first ID card) cannot be decided
    /// instantly at home.
    public static func eligible(_ item: Item) -> Bool { !item.physicalPresence }

    public func check(against catalog: Catalog, reforms: Reforms, _ checks: any ReformChecks) {
        checks.checkItemSelection(items, sizeKey: "items", selection, catalog: catalog, eligible: Self.eligible,
                                  what: "that can be decided without the applicant present",
                                  why: "needs the applicant in person and cannot be decided instantly")
        if enabled, let prefill = reforms[Prefill.self], prefill.enabled {
            checks.check(prefill.items <= items, "items",
                         "\(items) instant items cannot hold the \(prefill.items) pre-filled ones (秒报秒批一体化: pre-filled items are decided instantly)")
        }
    }

    /// The named items first, then the pre-filled ones, then the rest by target.
    public func resolve(into r: inout ReformResolution) {
        let flags = r.flags
        r.mark(.instant, where: r.select(items, selection, purpose: Self.key, eligible: Self.eligible,
                                         first: { flags[$0].contains(.prefill) }))
    }
}
