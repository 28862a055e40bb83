/// The halls of one level before scaling.
public struct HallLevelParameters: Codable, Sendable, Equatable {
    /// Number of halls at this level in the whole city. Street and community halls follow the
    /// district table; district halls are one per district; the city hall sits in `cityDistrict`.
    public var halls: Int
    public var windowsPerHall: Int
    /// Travel minutes per trip to a hall of this level (door to door and back).
    public var travelMin: Double
    /// This level's window-group allocation, where it differs from `HallParameters.groupAllocation`.
    public var groupAllocation: HallParameters.GroupAllocation?
    /// Windows of each hall of this level in each district (districts table order), when a planner
    /// sets them hall by hall; nil: `windowsPerHall` shared by `HallParameters.windowAllocation`.
    public var windowsByDistrict: [Int]?
    /// Window groups a planner sets for this level's halls in some districts (their halls' windows
    /// are the groups' sum); nil or a district without rows: groups follow the group policy.
    public var windowsByGroup: [WindowGroupRow]?
    /// Departments with windows of their own added to every hall of this level (nil: none).
    public var ownWindows: [OwnWindows]?
    public init(halls: Int, windowsPerHall: Int, travelMin: Double, groupAllocation: HallParameters.GroupAllocation? = nil,
                windowsByDistrict: [Int]? = nil, windowsByGroup: [WindowGroupRow]? = nil, ownWindows: [OwnWindows]? = nil) {
        self.halls = halls; self.windowsPerHall = windowsPerHall; self.travelMin = travelMin
        self.groupAllocation = groupAllocation; self.windowsByDistrict = windowsByDistrict; self.windowsByGroup = windowsByGroup
        self.ownWindows = ownWindows
    }

    /// Windows the own-window departments add to each hall of this level.
    public var ownWindowsAdded: Int { ownWindows?.reduce(0) { $0 + $1.windows } ?? 0 }

    /// The rows for `district`, in their order (empty: none).
    public func groupRows(district: Int) -> [WindowGroupRow] { windowsByGroup?.filter { $0.district == district } ?? [] }
}
