import PaodongModel

/// The halls and kiosks of the city at the run's scale, and how agents find them (docs/model.md, "Departments and window groups").
///
/// A level that keeps at least one hall at the scale keeps the scaled count (rounded), apportioned
/// across districts by largest remainder, its windows shared as at full scale; a level that would
/// keep less keeps one full-size hall per district that has one, with background visits that bring
/// its load per window to the full city's (a faithful miniature: the same window groups at the same
/// load). Below scale 1 the kiosk pools keep their full size likewise. Window groups follow
/// departments' expected load (or their staffing weight).
public struct CityLayout: Sendable {
    public var halls: [Hall]
    public var kioskPools: [KioskPool]
    /// Halls of each level in each district: `hallsByDistrict[level][district]`.
    public var hallsByDistrict: [[[Int32]]]
    /// Halls of each level in the whole city.
    public var hallsByLevel: [[Int32]]
    /// Kiosk pool of each district (its own or the city's nearest by index); -1 when there is none.
    public var kioskPoolOfDistrict: [Int32]
    /// Notes for the user: levels that carry background visits at this scale, and how faithful they are.
    public var warnings: [String]

    /// Below this scale full-size halls carry more than 99 background visits per simulated one and
    /// the city's daily counts are mostly noise: the run says it is not a faithful miniature.
    static let faithfulScale = 0.01
    /// From this many background visits per simulated one, a level's mean waits under a minute
    /// come out low (README, "Faithful miniatures"): the run says so.
    static let manyBackgroundVisits = 10.0

    /// The layout at the scenario's scale; `load` is the expected window minutes by level and
    /// department (`SimulationContext.departmentLoad`), which window groups follow.
    public init(scenario: Scenario, policy: ResolvedReforms, load: [[Double]]) {
        let p = scenario.parameters
        let f = p.scale
        let districts = scenario.districts
        var warnings: [String] = []

        let groupWeights = HallLevel.allCases.map { WindowGroupPolicy.weights(level: $0, scenario: scenario, load: load) }
        var halls: [Hall] = []
        var byDistrict = Array(repeating: Array(repeating: [Int32](), count: districts.count), count: HallLevel.allCases.count)
        var byLevel = Array(repeating: [Int32](), count: HallLevel.allCases.count)
        for level in HallLevel.allCases {
            let sized = Self.levelHalls(level, p, districts)
            warnings += Self.miniatureWarnings(level, sized, scale: f)
            let own = (p.halls.levels[level.rawValue].ownWindows ?? []).compactMap { o in
                scenario.catalog.departments.firstIndex { $0.id == o.department }.map { (department: $0, windows: o.windows) }
            }
            func policyGroups(_ windows: Int, _ weights: [Double]) -> ([Int], [UInt8]) {
                WindowGroupPolicy.groups(windows: windows, load: weights, oneWindow: policy.oneWindow, minWindows: p.halls.groupMinWindows)
            }
            var k = 0
            for (d, n) in sized.counts.enumerated() {
                let rows = p.halls.levels[level.rawValue].groupRows(district: d)
                for _ in 0..<n {
                    // Departments' own windows where declared; a planner's groups where given (pooled
                    // under one window); else the group policy's.
                    var (groups, map) = !own.isEmpty
                        ? OwnWindows.groups(windows: sized.windows[k], own: own, weights: groupWeights[level.rawValue], divide: policyGroups)
                        : rows.isEmpty || policy.oneWindow
                        ? policyGroups(sized.windows[k], groupWeights[level.rawValue])
                        : WindowGroupRow.groups(rows, departments: scenario.catalog.departments)
                    if policy.mergedLevels.contains(level) {
                        (groups, map) = WindowGroupPolicy.merging(policy.mergedDepartments, groups: groups, map: map)
                    }
                    byDistrict[level.rawValue][d].append(Int32(halls.count))
                    byLevel[level.rawValue].append(Int32(halls.count))
                    halls.append(Hall(level: level, district: d, windows: sized.windows[k], groupWindows: groups, departmentGroup: map,
                                      background: sized.backgrounds[k]))
                    k += 1
                }
            }
        }
        if f < Self.faithfulScale {
            warnings.append("scale \(f) is below 1 %: full-size halls carry more than 99 background visits per simulated one and the city's daily counts are mostly noise, so waits and trips are not a faithful miniature (see the README's table of scales)")
        }
        let kiosks = Self.kioskPools(p, districts)
        warnings += kiosks.warnings
        self.halls = halls; self.kioskPools = kiosks.pools; hallsByDistrict = byDistrict; hallsByLevel = byLevel
        kioskPoolOfDistrict = kiosks.poolOfDistrict; self.warnings = warnings
    }

    /// A level's halls per district, each hall's windows and background visits per simulated visit.
    ///
    /// A level with at least one hall at this scale keeps the scaled count (rounded), its windows
    /// shared as at full scale. A level with less than one hall cannot be shrunk faithfully (a hall
    /// of a few windows queues differently from the full-size ones), so it keeps one full-size hall
    /// in each district that has one, each with the windows it has at full scale, and fills them
    /// with background visits to the full city's load per window: every window group is the size
    /// it is in the full city, at the same load.
    static func levelHalls(_ level: HallLevel, _ p: Scenario.Parameters, _ districts: [District])
        -> (counts: [Int], windows: [Int], backgrounds: [Double]) {
        let f = p.scale
        let lp = p.halls.levels[level.rawValue]
        let perDistrict = districts.enumerated().map { d, district in
            Double(district.halls(of: level, isCityHallDistrict: d == p.halls.cityDistrict))
        }
        let original = perDistrict.reduce(0, +)
        let fullCounts = perDistrict.map { Int($0) }
        let byResidents = p.halls.windowAllocation == .residents
        /// Each hall's windows: the planner's per district where given, else the level's shared.
        func windows(_ counts: [Int]) -> [Int] {
            var w: [Int]
            if let set = lp.windowsByDistrict {
                w = counts.enumerated().flatMap { d, n in Array(repeating: set[d], count: n) }
            } else {
                w = hallWindows(counts: counts, perHall: lp.windowsPerHall, districts: districts, byResidents: byResidents)
            }
            // A district with window groups set has their sum in each hall.
            if lp.windowsByGroup != nil {
                var k = 0
                for (d, n) in counts.enumerated() {
                    let rows = lp.groupRows(district: d)
                    if !rows.isEmpty { for i in k..<(k + n) { w[i] = rows.reduce(0) { $0 + $1.windows } } }
                    k += n
                }
            }
            // Departments' own windows join every hall.
            return lp.ownWindowsAdded == 0 ? w : w.map { $0 + lp.ownWindowsAdded }
        }
        if original * f >= 1 {
            let counts = apportion(Int((original * f).rounded()), weights: perDistrict)
            let w = windows(counts)
            return (counts, w, Array(repeating: 0, count: w.count))
        }
        let fullWindows = windows(fullCounts)
        var windows: [Int] = [], backgrounds: [Double] = []
        var start = 0
        for n in fullCounts {
            let own = fullWindows[start..<(start + n)]
            start += n
            guard n > 0 else { continue }
            let w = own.max()!
            windows.append(w)
            backgrounds.append(max(0, Double(w) / (f * Double(own.reduce(0, +))) - 1))
        }
        return (fullCounts.map { min($0, 1) }, windows, backgrounds)
    }

    /// The windows of each full-scale hall of `level`, district by district: what a planner's
    /// `windows_by_group` or `windows_by_district`, or the level's shared windows, give the whole city.
    public static func fullScaleWindows(level: HallLevel, parameters: Scenario.Parameters, districts: [District]) -> [[Int]] {
        var full = parameters
        full.scale = 1
        let sized = levelHalls(level, full, districts)
        var start = 0
        return sized.counts.map { n in
            defer { start += n }
            return Array(sized.windows[start..<(start + n)])
        }
    }

    /// What a miniature's level of full-size halls means for its figures.
    static func miniatureWarnings(_ level: HallLevel, _ sized: (counts: [Int], windows: [Int], backgrounds: [Double]), scale f: Double) -> [String] {
        var warnings: [String] = []
        if let most = sized.backgrounds.max(), most >= manyBackgroundVisits {
            warnings.append("scale \(f): \(level.key) halls carry up to \(String(format: "%.0f", most)) background visits per simulated one; trips and shares stay within about 1 % of full scale, mean waits of several minutes within about 5 %, but mean waits under a minute come out up to about a quarter low (README, Faithful miniatures)")
        }
        let carried = zip(sized.windows, sized.backgrounds).filter { $0.1 > 0 }
        if !carried.isEmpty {
            let halls = sized.counts.reduce(0, +)
            let mean = carried.reduce(0) { $0 + Double($1.0) * $1.1 } / Double(carried.reduce(0) { $0 + $1.0 })
            warnings.append("scale \(f): the \(level.key) level keeps \(halls) full-size hall\(halls == 1 ? "" : "s") (\(sized.windows.reduce(0, +)) windows); \(carried.count) of them carry background visits (\(String(format: "%.2f", mean)) per simulated visit, window-weighted), so that their queues are those of the full city")
        }
        return warnings
    }

    /// Kiosks as a level of one pool per district, each kept at its full size in a miniature and
    /// filled with background visits to the full city's load per kiosk; districts without kiosks
    /// use the pools in turn.
    static func kioskPools(_ p: Scenario.Parameters, _ districts: [District])
        -> (pools: [KioskPool], poolOfDistrict: [Int32], warnings: [String]) {
        let f = p.scale
        var pools: [KioskPool] = [], warnings: [String] = []
        var poolOf = Array(repeating: Int32(-1), count: districts.count)
        guard p.kiosks.count > 0 else { return (pools, poolOf, warnings) }
        let perDistrict = apportion(f < 1 ? p.kiosks.count : Int((Double(p.kiosks.count) * f).rounded(.up)),
                                    weights: districts.map(\.residents10k))
        let background = f < 1 ? 1 / f - 1 : 0
        if background > 0 {
            warnings.append("scale \(f): kiosk pools keep their full size (\(p.kiosks.count) kiosks); each simulated kiosk visit brings \(String(format: "%.2f", background)) background visits")
        }
        for (d, n) in perDistrict.enumerated() where n > 0 {
            poolOf[d] = Int32(pools.count)
            pools.append(KioskPool(district: d, kiosks: n, background: background > 1e-9 ? background : 0))
        }
        var next = 0
        for d in districts.indices where poolOf[d] < 0 {
            poolOf[d] = Int32(next % pools.count)
            next += 1
        }
        return (pools, poolOf, warnings)
    }

    /// Windows of each hall, in hall order (district by district): the level's total windows
    /// shared in proportion to the residents per hall of each district, or equally; at least one each.
    static func hallWindows(counts: [Int], perHall: Int, districts: [District], byResidents: Bool) -> [Int] {
        let halls = counts.reduce(0, +)
        guard byResidents else { return Array(repeating: perHall, count: halls) }
        var weights: [Double] = []
        for (d, n) in counts.enumerated() where n > 0 {
            weights += Array(repeating: districts[d].residents10k / Double(n), count: n)
        }
        let extra = apportion(max(0, perHall * halls - halls), weights: weights)
        return extra.map { $0 + 1 }
    }

    /// The hall of `level` for an agent of `district` whose home position is `home` (0…65535).
    @inline(__always) public func hall(level: HallLevel, district: Int, home: UInt16) -> Int {
        let local = hallsByDistrict[level.rawValue][district]
        let list = local.isEmpty ? hallsByLevel[level.rawValue] : local
        return Int(list[(Int(home) * list.count) >> 16])
    }
}
