/// One opening period of a hall in minutes after midnight, e.g. 540–720 for 09:00–12:00.
public struct OpeningPeriod: Codable, Sendable, Equatable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) { self.start = start; self.end = end }
    public var minutes: Int { end - start }
}
