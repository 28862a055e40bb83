
/// Halls, their queues and their service (docs/model.md, "Departments and window groups").
public struct HallParameters: Codable, Sendable, Equatable {
    /// Indexed by `HallLevel.rawValue`.
    public var levels: [HallLevelParameters]
    /// How a level's windows are shared among its halls: `residents` in proportion to the residents
    /// each hall serves (the level's windows per hall is then the average), or `equal`.
    public var windowAllocation: WindowAllocation
    /// District index (into the district table) of the city hall.
    public var cityDistrict: Int
    public var opening: [OpeningPeriod]
    /// Relative arrival intensity for each opening hour, in order; all equal is `flat`.
    public var arrivalProfile: [Double]
    public var overtimeMin: Double
    /// Mean patience in minutes (exponential); `nil` means infinite patience.
    public var patienceMeanMin: Double?
    /// Tickets per window per opening period; `nil` means no cap.
    public var ticketCapPerWindow: Int?
    public var windowServiceMeanMin: Double
    public var windowServiceCV: Double
    public var collectionServiceMeanMin: Double
    /// A need that arises on a day the halls are closed is taken to a hall on one of this many
    /// working days from the next one, drawn uniformly (1: all on the next working day).
    public var closedDaySpreadDays: Int
    /// How a departmental hall's windows are shared among departments' groups.
    public var groupAllocation: GroupAllocation
    /// A department gets its own window group at a hall when its expected load is worth at least
    /// this many windows; the others share one group.
    public var groupMinWindows: Double
    public enum WindowAllocation: String, Codable, Sendable, CaseIterable { case residents, equal }
    /// `load`: by the departments' expected window load (docs/model.md, "Departments and window groups"); `staffed`: by the
    /// departments' weight in the departments table (each department staffed its own windows,
    /// as before the one-window reform), whatever the load.
    public enum GroupAllocation: String, Codable, Sendable, CaseIterable { case load, staffed }

    public init(levels: [HallLevelParameters], windowAllocation: WindowAllocation, cityDistrict: Int, opening: [OpeningPeriod],
                arrivalProfile: [Double], overtimeMin: Double, patienceMeanMin: Double?,
                ticketCapPerWindow: Int?, windowServiceMeanMin: Double, windowServiceCV: Double,
                collectionServiceMeanMin: Double, closedDaySpreadDays: Int, groupAllocation: GroupAllocation,
                groupMinWindows: Double) {
        self.closedDaySpreadDays = closedDaySpreadDays; self.groupAllocation = groupAllocation; self.groupMinWindows = groupMinWindows
        self.levels = levels; self.windowAllocation = windowAllocation; self.cityDistrict = cityDistrict; self.opening = opening
        self.arrivalProfile = arrivalProfile; self.overtimeMin = overtimeMin
        self.patienceMeanMin = patienceMeanMin; self.ticketCapPerWindow = ticketCapPerWindow
        self.windowServiceMeanMin = windowServiceMeanMin; self.windowServiceCV = windowServiceCV
        self.collectionServiceMeanMin = collectionServiceMeanMin
    }
}
