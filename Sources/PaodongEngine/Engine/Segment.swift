import PaodongModel

/// Agent segments for the equity report: residents by age band and adoption, businesses by kind and
/// adoption; then foreign residents by adoption, counted again (a foreign resident is also in
/// its age band's segment), so that `0..<count` partitions the agents and `foreign` does not.
public enum Segment {
    /// The partition: every agent is in exactly one of these.
    public static let count = 10
    /// Tallied slots: the partition, then the foreign residents' two.
    public static let slots = count + 2
    /// Foreign residents, adopters (and `foreign + 1` the non-adopters).
    public static let foreign = count
    public static let names = [
        "resident_child_adopter", "resident_child_non_adopter",
        "resident_adult_adopter", "resident_adult_non_adopter",
        "resident_senior_adopter", "resident_senior_non_adopter",
        "business_enterprise_adopter", "business_enterprise_non_adopter",
        "business_individual_adopter", "business_individual_non_adopter",
        "resident_foreign_adopter", "resident_foreign_non_adopter",
    ]
    @inline(__always) static func of(business: Bool, traits: UInt8, adopted: Bool) -> Int {
        let base = business ? 6 + ((traits & Population.Trait.individualBusiness) != 0 ? 2 : 0) : Int(traits & Population.Trait.ageMask) * 2
        return base + (adopted ? 0 : 1)
    }
    /// The foreign slot of a foreign resident (`adopted` at the start of the application).
    @inline(__always) static func foreign(adopted: Bool) -> Int { foreign + (adopted ? 0 : 1) }
    /// The foreign slot of a foreign resident whose partition segment is `segment` (its adoption).
    @inline(__always) static func foreign(segment: UInt8) -> Int { foreign(adopted: !isNonAdopter(Int(segment))) }
    public static func isSenior(_ s: Int) -> Bool { s == 4 || s == 5 }
    public static func isNonAdopter(_ s: Int) -> Bool { s % 2 == 1 }
    public static func isForeign(_ s: Int) -> Bool { s == foreign || s == foreign + 1 }
}
