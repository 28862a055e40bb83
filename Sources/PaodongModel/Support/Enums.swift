/// How an application is submitted (docs/model.md, "Channels and trips").
///
/// Adding a channel is one case here plus its parameters: every place where channels behave
/// differently switches over `Channel` exhaustively (the compiler lists them), and per-channel
/// storage (`ChannelSet`, the tally's channel counters, the summary's `share_<key>` columns, the
/// behaviour's `channel_constants`) is sized from `allCases`.
public enum Channel: Int, CaseIterable, Codable, Sendable, Comparable {
    case window = 0, kiosk, web, mobile

    /// Number of channels; `ChannelSet` holds at most 16.
    public static let count = allCases.count

    /// The channel's name in scenario files and output columns.
    public var key: String {
        switch self {
        case .window: return "window"
        case .kiosk: return "kiosk"
        case .web: return "web"
        case .mobile: return "mobile"
        }
    }

    /// Submitted from home: needs digital adoption and fills in a form; no hall or kiosk trip.
    @inlinable public var isOnline: Bool {
        switch self {
        case .window, .kiosk: return false
        case .web, .mobile: return true
        }
    }

    public static func < (a: Channel, b: Channel) -> Bool { a.rawValue < b.rawValue }
}

/// A set of channels, one bit per `Channel` (bit = raw value), for the hot loop. `members` yields
/// its channels in raw-value order without allocating (`Channel.allCases` builds an array at every
/// call from another module).
public struct ChannelSet: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    @inlinable public init(rawValue: UInt16) { self.rawValue = rawValue }
    @inlinable public init(_ channel: Channel) { rawValue = 1 << UInt16(channel.rawValue) }
    public init<S: Sequence>(_ channels: S) where S.Element == Channel {
        self.init(rawValue: channels.reduce(0) { $0 | (1 << UInt16($1.rawValue)) })
    }

    public static let window = ChannelSet(.window)
    /// Every channel.
    public static let all = ChannelSet(Channel.allCases)
    /// The channels used from home (`Channel.isOnline`).
    public static let online = ChannelSet(Channel.allCases.filter(\.isOnline))

    @inlinable public func contains(_ channel: Channel) -> Bool { rawValue & (1 << UInt16(channel.rawValue)) != 0 }

    /// The channels in the set, in raw-value order.
    public struct Members: Sequence, IteratorProtocol {
        @usableFromInline var bits: UInt16
        @inlinable init(bits: UInt16) { self.bits = bits }
        @inlinable public mutating func next() -> Channel? {
            guard bits != 0 else { return nil }
            let raw = bits.trailingZeroBitCount
            bits &= bits - 1
            return Channel(rawValue: raw)
        }
    }

    @inlinable public var members: Members { Members(bits: rawValue) }
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
