import PaodongModel

/// Agent segments for the equity report: residents by age band and adoption, businesses by kind and adoption.
public enum Segment {
    public static let count = 10
    public static let names = [
        "resident_child_adopter", "resident_child_non_adopter",
        "resident_adult_adopter", "resident_adult_non_adopter",
        "resident_senior_adopter", "resident_senior_non_adopter",
        "business_enterprise_adopter", "business_enterprise_non_adopter",
        "business_individual_adopter", "business_individual_non_adopter",
    ]
    @inline(__always) static func of(business: Bool, traits: UInt8, adopted: Bool) -> Int {
        let base = business ? 6 + ((traits & Population.Trait.individualBusiness) != 0 ? 2 : 0) : Int(traits & Population.Trait.ageMask) * 2
        return base + (adopted ? 0 : 1)
    }
    public static func isSenior(_ s: Int) -> Bool { s == 4 || s == 5 }
    public static func isNonAdopter(_ s: Int) -> Bool { s % 2 == 1 }
}
