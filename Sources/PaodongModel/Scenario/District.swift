/// One district of the city: its share of residents and businesses and its street and community halls.
public struct District: Codable, Sendable, Equatable {
    public var nameZh: String
    public var nameEn: String
    /// Census residents in units of 10,000; only the proportions matter, the total comes from `residents`.
    public var residents10k: Double
    public var streets: Int
    public var communities: Int
    public init(nameZh: String, nameEn: String, residents10k: Double, streets: Int, communities: Int) {
        self.nameZh = nameZh; self.nameEn = nameEn; self.residents10k = residents10k
        self.streets = streets; self.communities = communities
    }

    /// Halls of `level` in this district at full scale: its communities, its streets, one district
    /// hall, and the city hall where `isCityHallDistrict`.
    public func halls(of level: HallLevel, isCityHallDistrict: Bool) -> Int {
        switch level {
        case .community: return communities
        case .street: return streets
        case .district: return 1
        case .city: return isCityHallDistrict ? 1 : 0
        }
    }
}
