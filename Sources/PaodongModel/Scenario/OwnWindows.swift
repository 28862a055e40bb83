/// Windows a department keeps for itself in every hall of a level
/// (`halls.levels.<level>.own_windows`): a specialised window outside the hall's one-window pool
/// or departmental groups, such as the foreign-experts (外专) and exit–entry police (公安出入境)
/// windows that `merged_services` joins into one.
public struct OwnWindows: Codable, Sendable, Equatable {
    /// A department id of the departments table.
    public var department: String
    public var windows: Int

    public init(department: String, windows: Int) {
        self.department = department; self.windows = windows
    }

    /// A hall's groups with `own` departments' windows added (`own` as (department index,
    /// windows)): the hall's `windows` minus theirs are divided by `divide` among the other
    /// departments (their load only: the own departments' weight is 0), then each own
    /// department's group is appended and serves it. O(groups + departments).
    public static func groups(windows: Int, own: [(department: Int, windows: Int)], weights: [Double],
                              divide: (_ windows: Int, _ weights: [Double]) -> ([Int], [UInt8])) -> ([Int], [UInt8]) {
        var weights = weights
        for o in own { weights[o.department] = 0 }
        var (groups, map) = divide(windows - own.reduce(0) { $0 + $1.windows }, weights)
        for o in own {
            map[o.department] = UInt8(groups.count)
            groups.append(o.windows)
        }
        return (groups, map)
    }
}
