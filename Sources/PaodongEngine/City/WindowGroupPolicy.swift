import PaodongModel

/// How a hall's windows are divided into window groups (docs/model.md, "Departments and window
/// groups"): what the departments' groups follow at each level, and the division itself.
public enum WindowGroupPolicy {
    /// What departments' groups follow at `level`: their expected load (`load`, by level and
    /// department), or, where the level is `staffed`, their weight among the departments present
    /// at the level, whatever their load. O(departments).
    public static func weights(level: HallLevel, scenario: Scenario, load: [[Double]]) -> [Double] {
        let p = scenario.parameters
        let levelLoad = load[level.rawValue]
        guard (p.halls.levels[level.rawValue].groupAllocation ?? p.halls.groupAllocation) == .staffed else { return levelLoad }
        return levelLoad.indices.map { levelLoad[$0] > 0 ? scenario.catalog.departments[$0].weight : 0 }
    }

    /// Window groups of a hall (docs/model.md, "Departments and window groups"). A department is active at the hall when its share of
    /// the expected load is worth at least `minWindows` windows (`halls.group_min_windows`); each active department gets a group with
    /// at least one window and the remaining windows follow expected load (largest remainder). The
    /// other departments share one group (a 综合 window for the rare matters), as do the least-loaded
    /// active ones when there are fewer windows than groups. With one window: a single pooled group.
    public static func groups(windows: Int, load: [Double], oneWindow: Bool, minWindows: Double) -> ([Int], [UInt8]) {
        let departments = load.count
        if oneWindow || windows == 1 { return ([windows], Array(repeating: 0, count: departments)) }
        let total = load.reduce(0, +)
        guard total > 0 else { return ([windows], Array(repeating: 0, count: departments)) }
        // Units: active departments by load, then the shared group of all others.
        var units = load.indices.filter { load[$0] / total * Double(windows) >= minWindows }
            .sorted { (load[$0], -$0) > (load[$1], -$1) }
        if units.count >= windows { units = Array(units.prefix(windows - 1)) }
        let sharedLoad = total - units.reduce(0) { $0 + load[$1] }
        var unitLoad = units.map { load[$0] }
        if sharedLoad > 0 || units.isEmpty { unitLoad.append(max(sharedLoad, 1e-9)) }
        let groups = apportionWithFloor(windows, weights: unitLoad)
        let shared = UInt8(groups.count - 1)
        var map = Array(repeating: shared, count: departments)
        for (g, d) in units.enumerated() { map[d] = UInt8(g) }
        return (groups, map)
    }

    /// The hall's groups with those of `departments` made one (`merged_services`: one window serving
    /// them all, with the windows their groups had): the first department's group takes the others'
    /// windows, and every department of a group absorbed follows it. Groups keep their order, the
    /// emptied ones removed. O(groups + departments).
    public static func merging(_ departments: [Int], groups: [Int], map: [UInt8]) -> ([Int], [UInt8]) {
        guard let first = departments.first else { return (groups, map) }
        let target = Int(map[first])
        let absorbed = Set(departments.map { Int(map[$0]) }).subtracting([target])
        guard !absorbed.isEmpty else { return (groups, map) }
        var windows = groups
        for g in absorbed { windows[target] += windows[g] }
        var renumber = Array(repeating: 0, count: groups.count), kept: [Int] = []
        for g in groups.indices where !absorbed.contains(g) { renumber[g] = kept.count; kept.append(windows[g]) }
        for g in absorbed { renumber[g] = renumber[target] }
        return (kept, map.map { UInt8(renumber[Int($0)]) })
    }

    /// Splits `total` in proportion to `weights` with at least one for each (total ≥ count): each gets
    /// the larger of one and its whole quota, the rest go by largest remainder. O(n log n).
    static func apportionWithFloor(_ total: Int, weights: [Double]) -> [Int] {
        let sum = weights.reduce(0, +)
        let quotas = weights.map { Double(total) * $0 / sum }
        var result = quotas.map { max(1, Int($0.rounded(.down))) }
        var left = total - result.reduce(0, +)
        while left < 0, let i = result.indices.filter({ result[$0] > 1 }).max(by: { (Double(result[$0]) - quotas[$0], -$0) < (Double(result[$1]) - quotas[$1], -$1) }) {
            result[i] -= 1
            left += 1
        }
        let order = quotas.indices.sorted { (quotas[$0] - Double(result[$0]), -$0) > (quotas[$1] - Double(result[$1]), -$1) }
        var k = 0
        while left > 0 {
            result[order[k % order.count]] += 1
            left -= 1
            k += 1
        }
        return result
    }
}
