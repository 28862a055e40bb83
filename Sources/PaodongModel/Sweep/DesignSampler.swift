/// The design points of a sweep's method, from its factors alone and a seed: the same design file
/// gives the same points on every machine.
public enum DesignSampler {
    /// Every combination of the factors' values, the first factor varying slowest. O(∏ values).
    public static func grid(_ factors: [SweepDesign.Factor]) -> [[Double]] {
        var points: [[Double]] = [[]]
        for f in factors {
            points = points.flatMap { p in f.values.map { p + [$0] } }
        }
        return points
    }

    /// Latin hypercube: for each factor, `samples` strata of [0, 1] in a random order, a uniform
    /// point within each. O(samples · factors).
    public static func lhs(_ factors: [SweepDesign.Factor], samples: Int, seed: UInt64) -> [[Double]] {
        let rng = RandomStream(seed: seed, chunk: 0, purpose: .design)
        var columns: [[Double]] = []
        for _ in factors {
            var strata = Array(0..<samples)
            for i in stride(from: samples - 1, to: 0, by: -1) { strata.swapAt(i, rng.uniformInt(i + 1)) }
            columns.append(strata.map { (Double($0) + rng.uniform()) / Double(samples) })
        }
        return (0..<samples).map { s in factors.indices.map { factors[$0].value(unit: columns[$0][s]) } }
    }

    /// Morris trajectories (Morris 1991, as SALib samples them): each starts at a random point of
    /// the `levels` grid {0, 1/(levels−1), …, 1} from which a step of Δ = levels / (2 (levels − 1))
    /// stays in [0, 1], then moves one factor at a time, in a random order, by +Δ or −Δ. Rows
    /// t·(D+1) … t·(D+1)+D are trajectory t. O(trajectories · factors²).
    public static func morris(_ factors: [SweepDesign.Factor], trajectories: Int, levels: Int, seed: UInt64) -> [[Double]] {
        let rng = RandomStream(seed: seed, chunk: 1, purpose: .design)
        let d = factors.count
        let delta = morrisDelta(levels: levels)
        let starts = levels / 2  // grid levels from which +Δ stays within [0, 1]
        var points: [[Double]] = []
        for _ in 0..<trajectories {
            // Each factor's two values (low, low + Δ) and where it starts.
            var unit = (0..<d).map { _ in Double(rng.uniformInt(starts)) / Double(levels - 1) }
            var up = (0..<d).map { _ in rng.uniform() < 0.5 }
            for j in 0..<d where !up[j] { unit[j] += delta }
            var order = Array(0..<d)
            for i in stride(from: d - 1, to: 0, by: -1) { order.swapAt(i, rng.uniformInt(i + 1)) }
            points.append(unit.enumerated().map { factors[$0.offset].value(unit: $0.element) })
            for j in order {
                unit[j] += up[j] ? delta : -delta
                up[j].toggle()
                points.append(unit.enumerated().map { factors[$0.offset].value(unit: $0.element) })
            }
        }
        return points
    }

    /// The Morris step in unit coordinates for a `levels` grid.
    public static func morrisDelta(levels: Int) -> Double { Double(levels) / (2 * Double(levels - 1)) }
}
