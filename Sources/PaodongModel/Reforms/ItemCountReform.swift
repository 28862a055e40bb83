/// A reform that reaches a count of catalog items through an `ItemSelection` (instant approval,
/// pre-filled forms, kiosks): what `paodong prioritize` can extend by naming more items.
public protocol ItemCountReform: Reform {
    /// Items reached.
    var items: Int { get set }
    var selection: ItemSelection { get set }
    /// Whether the reform may reach `item` at all.
    static func eligible(_ item: Item) -> Bool
    /// Whether the resolved reforms reach item `i` through this reform (what `resolve(into:)` marked).
    static func reaches(_ i: Int, in policy: ResolvedReforms) -> Bool
}

extension InstantApproval: ItemCountReform {
    public static func reaches(_ i: Int, in policy: ResolvedReforms) -> Bool { policy.flags[i].contains(.instant) }
}
extension Prefill: ItemCountReform {
    public static func reaches(_ i: Int, in policy: ResolvedReforms) -> Bool { policy.flags[i].contains(.prefill) }
}
extension Kiosks: ItemCountReform {
    public static func reaches(_ i: Int, in policy: ResolvedReforms) -> Bool { policy.channels[i].contains(.kiosk) }
}
