/// One window group a planner sets for the halls of a level in a district
/// (`halls.levels.<level>.windows_by_group`): a department's own windows, or the `shared` group
/// where every department not named is served.
public struct WindowGroupRow: Codable, Sendable, Equatable {
    /// The word for the group of the departments not named.
    public static let shared = "shared"

    /// Index of the district (districts table order).
    public var district: Int
    /// A department id, or `shared`.
    public var group: String
    public var windows: Int

    public init(district: Int, group: String, windows: Int) {
        self.district = district; self.group = group; self.windows = windows
    }

    /// The groups of a hall from its rows (in their order): windows per group and each
    /// department's group. A department not named serves at the `shared` row's group, or without
    /// one at the last row's (as the group policy puts departments without load). O(rows + departments).
    public static func groups(_ rows: [WindowGroupRow], departments: [Department]) -> ([Int], [UInt8]) {
        let fallback = rows.firstIndex { $0.group == shared } ?? rows.count - 1
        var map = Array(repeating: UInt8(fallback), count: departments.count)
        for (g, row) in rows.enumerated() where row.group != shared {
            if let d = departments.firstIndex(where: { $0.id == row.group }) { map[d] = UInt8(g) }
        }
        return (rows.map(\.windows), map)
    }
}
