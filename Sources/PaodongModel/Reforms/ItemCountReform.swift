/// A reform that reaches a count of catalog items through an `ItemSelection` (instant approval,
/// pre-filled forms, kiosks): what `paodong prioritize` can extend by naming more items.
public protocol ItemCountReform: Reform {
    /// Items reached.
    var items: Int { get set }
    var selection: ItemSelection { get set }
    /// Whether the reform may reach `item` at all.
    static func eligible(_ item: Item) -> Bool
}

extension InstantApproval: ItemCountReform {}
extension Prefill: ItemCountReform {}
extension Kiosks: ItemCountReform {}
