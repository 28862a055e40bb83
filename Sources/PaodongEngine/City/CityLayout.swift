import PaodongModel

/// The halls and kiosks of the city at the run's scale, and how agents find them (MODEL.md §11a).
///
/// At each level the number of halls is the scaled count, apportioned across districts by largest
/// remainder; a level that would keep less than one hall keeps one, with its windows scaled by
/// F × (halls at that level), rounded up. Window groups follow departments' expected load.
public struct CityLayout: Sendable {
    public var halls: [Hall]
    public var kioskPools: [KioskPool]
    /// Halls of each level in each district: `hallsByDistrict[level][district]`.
    public var hallsByDistrict: [[[Int32]]]
    /// Halls of each level in the whole city.
    public var hallsByLevel: [[Int32]]
    /// Kiosk pool of each district (its own or the city's nearest by index); -1 when there is none.
    public var kioskPoolOfDistrict: [Int32]
    /// Warnings for the user (capacity added by rounding).
    public var warnings: [String]

    public init(scenario: Scenario, policy: CatalogPolicy, expectedNeeds: [Double]) {
        let p = scenario.parameters
        let f = p.scale
        let districts = scenario.districts
        var warnings: [String] = []
        let load = CityLayout.departmentLoad(scenario: scenario, policy: policy, expectedNeeds: expectedNeeds)

        var halls: [Hall] = []
        var byDistrict = Array(repeating: Array(repeating: [Int32](), count: districts.count), count: HallLevel.allCases.count)
        var byLevel = Array(repeating: [Int32](), count: HallLevel.allCases.count)
        for level in HallLevel.allCases {
            let lp = p.halls.levels[level.rawValue]
            let perDistrict: [Double] = districts.enumerated().map { d, district in
                switch level {
                case .community: return Double(district.communities)
                case .street: return Double(district.streets)
                case .district: return 1
                case .city: return d == p.halls.cityDistrict ? 1 : 0
                }
            }
            let original = perDistrict.reduce(0, +)
            let scaledCount = Int((original * f).rounded())
            var counts: [Int], windows: Int
            if scaledCount >= 1 {
                counts = apportion(scaledCount, weights: perDistrict)
                windows = lp.windowsPerHall
            } else {
                counts = apportion(1, weights: perDistrict)
                windows = max(1, Int((Double(lp.windowsPerHall) * f * original).rounded(.up)))
            }
            let capacity = Double(counts.reduce(0, +) * windows)
            let faithful = Double(lp.windowsPerHall) * original * f
            if capacity > faithful * 1.1 {
                warnings.append("scale \(f): \(level.key) halls keep \(Int(capacity)) windows where a faithful miniature has \(String(format: "%.1f", faithful)); waits there are understated")
            }
            for (d, n) in counts.enumerated() {
                for _ in 0..<n {
                    let (groups, map) = CityLayout.windowGroups(windows: windows, load: load[level.rawValue], oneWindow: policy.oneWindow)
                    byDistrict[level.rawValue][d].append(Int32(halls.count))
                    byLevel[level.rawValue].append(Int32(halls.count))
                    halls.append(Hall(level: level, district: d, windows: windows, groupWindows: groups, departmentGroup: map))
                }
            }
        }

        var pools: [KioskPool] = []
        var poolOf = Array(repeating: Int32(-1), count: districts.count)
        if p.kiosks.count > 0 {
            let target = Double(p.kiosks.count) * f
            let weights = districts.map(\.residents10k)
            let total = max(1, Int(target.rounded(.up)))
            let perDistrict = apportion(total, weights: weights)
            if Double(total) > target * 1.1 && target > 0 {
                warnings.append("scale \(f): \(total) kiosks where a faithful miniature has \(String(format: "%.1f", target)); kiosk waits are understated")
            }
            for (d, n) in perDistrict.enumerated() where n > 0 {
                poolOf[d] = Int32(pools.count)
                pools.append(KioskPool(district: d, kiosks: n))
            }
            // Districts left without kiosks use the pools in turn.
            var next = 0
            for d in districts.indices where poolOf[d] < 0 {
                poolOf[d] = Int32(next % pools.count)
                next += 1
            }
        }
        self.halls = halls; self.kioskPools = pools; hallsByDistrict = byDistrict; hallsByLevel = byLevel
        kioskPoolOfDistrict = poolOf; self.warnings = warnings
    }

    /// The hall of `level` for an agent of `district` whose home position is `home` (0…65535).
    @inline(__always) public func hall(level: HallLevel, district: Int, home: UInt16) -> Int {
        let local = hallsByDistrict[level.rawValue][district]
        let list = local.isEmpty ? hallsByLevel[level.rawValue] : local
        return Int(list[(Int(home) * list.count) >> 16])
    }

    /// Window groups of a hall: one per active department, at least one window each, the rest by
    /// largest remainder of expected load; with fewer windows than departments the least-loaded
    /// share the last group. With one window, a single pooled group.
    static func windowGroups(windows: Int, load: [Double], oneWindow: Bool) -> ([Int], [UInt8]) {
        let departments = load.count
        if oneWindow { return ([windows], Array(repeating: 0, count: departments)) }
        var active = load.indices.filter { load[$0] > 0 }.sorted { (load[$0], -$0) > (load[$1], -$1) }
        if active.isEmpty { active = [0] }
        var map = Array(repeating: UInt8(0), count: departments)
        if windows < active.count {
            let own = windows - 1
            for (g, d) in active.enumerated() { map[d] = UInt8(min(g, own)) }
            // Departments with no load at this level still need a group if they ever show up.
            for d in 0..<departments where load[d] <= 0 { map[d] = UInt8(own) }
            return (Array(repeating: 1, count: windows), map)
        }
        let extra = apportion(windows - active.count, weights: active.map { load[$0] })
        var groups: [Int] = []
        for (g, d) in active.enumerated() {
            map[d] = UInt8(g)
            groups.append(1 + extra[g])
        }
        // Inactive departments (no expected load) are served by the busiest group.
        for d in 0..<departments where load[d] <= 0 { map[d] = 0 }
        return (groups, map)
    }

    /// Expected window minutes by level and department, from demand weights and service factors.
    static func departmentLoad(scenario: Scenario, policy: CatalogPolicy, expectedNeeds: [Double]) -> [[Double]] {
        let catalog = scenario.catalog
        var load = Array(repeating: Array(repeating: 0.0, count: catalog.departments.count), count: HallLevel.allCases.count)
        for (i, item) in catalog.items.enumerated() {
            let w = item.demandWeight * expectedNeeds[item.audience.rawValue] * item.serviceFactor
            guard w > 0 else { continue }
            let up = HallLevel(rawValue: min(item.level.rawValue + 1, HallLevel.city.rawValue))!
            for (k, d) in item.departments.enumerated() {
                let atLead = k == 0 || item.isColocated(k) || policy.oneWindow
                load[(atLead ? item.level : up).rawValue][d] += w
            }
            _ = i
        }
        return load
    }
}
