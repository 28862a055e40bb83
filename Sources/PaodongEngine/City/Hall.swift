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
}

/// A district's pooled self-service terminals, served like one window group.
public struct KioskPool: Sendable {
    public var district: Int
    public var kiosks: Int
}
