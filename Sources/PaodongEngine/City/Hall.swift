import PaodongModel

/// A service hall (政务服务大厅) after scaling, with its window groups.
public struct Hall: Sendable {
    public var level: HallLevel
    public var district: Int
    public var windows: Int
    /// Windows of each group.
    public var groupWindows: [Int]
    /// Group that serves each department (index into `groupWindows`).
    public var departmentGroup: [UInt8]
    /// Background visits per simulated visit: in a miniature whose level would keep less than one
    /// hall, each district's hall keeps its full size and stands for all of the district's halls,
    /// and this many extra visits (copies of recent simulated walk-ins, `QueueState`) fill it to a
    /// full-size hall's load. 0 at full scale.
    public var background: Double = 0
}

/// A district's pooled self-service terminals, served like one window group.
public struct KioskPool: Sendable {
    public var district: Int
    public var kiosks: Int
    /// Background visits per simulated visit, as for a hall.
    public var background: Double = 0
}
