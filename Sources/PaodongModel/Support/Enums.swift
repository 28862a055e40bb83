/// How an application is submitted (MODEL.md §2).
public enum Channel: Int, CaseIterable, Codable, Sendable, Comparable {
    case window = 0, kiosk, web, mobile

    public var key: String { ["window", "kiosk", "web", "mobile"][rawValue] }
    @inlinable public var isOnline: Bool { self == .web || self == .mobile }
    public static func < (a: Channel, b: Channel) -> Bool { a.rawValue < b.rawValue }
}

/// Who an item serves: residents (个人) or businesses (法人).
public enum Audience: Int, CaseIterable, Codable, Sendable {
    case personal = 0, business
    public var key: String { self == .personal ? "personal" : "business" }
    public init?(key: String) {
        switch key {
        case "personal": self = .personal
        case "business": self = .business
        default: return nil
        }
    }
}

/// The four levels of service halls, lowest first.
public enum HallLevel: Int, CaseIterable, Codable, Sendable, Comparable {
    case community = 0, street, district, city
    public var key: String { ["community", "street", "district", "city"][rawValue] }
    public init?(key: String) {
        guard let level = HallLevel.allCases.first(where: { $0.key == key }) else { return nil }
        self = level
    }
    public static func < (a: HallLevel, b: HallLevel) -> Bool { a.rawValue < b.rawValue }
}

/// Census age bands used for segments.
public enum AgeBand: Int, CaseIterable, Codable, Sendable {
    case child = 0, adult, senior
    public var key: String { ["child", "adult", "senior"][rawValue] }
}

/// Kind of business (商事主体).
public enum BusinessKind: Int, CaseIterable, Codable, Sendable {
    case enterprise = 0, individual
    public var key: String { self == .enterprise ? "enterprise" : "individual" }
}
