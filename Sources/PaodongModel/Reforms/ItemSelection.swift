/// How a count-based reform picks its items after the ones it names (`include`).
public enum ReformTarget: String, Codable, Sendable, Equatable, CaseIterable {
    /// The eligible items with most expected needs first: governments reform the items people use
    /// most (秒报秒批一体化 and the 2021 plan name 高频, high-frequency, items).
    case volume
    /// The eligible items in the order of the per-item uniform key the catalog generator drew for
    /// the reform (for life events: table order, then generated order), so that a larger reform
    /// contains a smaller one and the reach in demand is what chance gives.
    case random
}

/// Which items (or life events) a count-based reform reaches: those named first, then the rest by
/// `target` among the eligible ones, up to the reform's size.
public struct ItemSelection: Codable, Sendable, Equatable {
    public var target: ReformTarget
    /// Item ids (life-event ids for `bundles`) that the reform reaches first, in this order.
    public var include: [String]
    /// The last this-many items of the size are the most-used eligible items not yet taken, whatever
    /// `target` is: a plan that adds N high-frequency (高频) items to an earlier reform keeps the
    /// earlier items and adds the N by volume.
    public var addedByVolume: Int
    public init(target: ReformTarget = .random, include: [String] = [], addedByVolume: Int = 0) {
        self.target = target; self.include = include; self.addedByVolume = addedByVolume
    }

    /// The declarations of a selection's keys `<prefix>target`, `<prefix>include` and
    /// `<prefix>added_by_volume` under `section`, for a reform with a second selection (`of` says
    /// whose). The registry declares the plain ones (no prefix) for every `selectsItems` reform.
    public static func parameters(section: String, prefix: String, of whose: String) -> [Parameter] {
        [
            Parameter("\(section).\(prefix)target", .choice(ReformTarget.allCases.map(\.rawValue)), required: false, fallback: "random",
                      doc: "`target` of \(whose)."),
            Parameter("\(section).\(prefix)include", .ids, required: false, fallback: "none", doc: "`include` of \(whose)."),
            Parameter("\(section).\(prefix)added_by_volume", .integer(0...1_000_000), unit: "items", required: false, fallback: "0",
                      doc: "`added_by_volume` of \(whose)."),
        ]
    }
}
