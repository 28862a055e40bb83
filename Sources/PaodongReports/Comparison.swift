import CGSL
import Foundation
import PaodongEngine

/// Paired comparison of scenarios run with common random numbers: replication r of every scenario
/// uses the same seed, so the same agents have the same needs, and the differences are paired.
public struct Comparison: Sendable {
    public struct Row: Sendable {
        public var scenarioName: String
        public var metric: String
        public var baseline: Double
        public var scenario: Double
        public var delta: Double
        public var relativeDelta: Double
        public var ciLow: Double
        public var ciHigh: Double
        public var replications: Int
    }

    public let baselineName: String
    public let rows: [Row]

    /// The metrics compared: every numeric summary column.
    public static let metrics: [String] = Metric.summary.map(\.name)

    /// Builds the comparison of each scenario against the baseline from per-replication metrics.
    /// With R ≥ 2 the interval is the mean paired difference ± t(0.975, R−1) · s / √R (t from GSL).
    public init(baseline: (name: String, runs: [[String: Double]]), scenarios: [(name: String, runs: [[String: Double]])]) {
        baselineName = baseline.name
        var rows: [Row] = []
        for s in scenarios {
            let r = min(s.runs.count, baseline.runs.count)
            for metric in Self.metrics {
                let b = (0..<r).map { baseline.runs[$0][metric] ?? .nan }
                let x = (0..<r).map { s.runs[$0][metric] ?? .nan }
                let d = zip(x, b).map { $0 - $1 }
                let meanB = b.reduce(0, +) / Double(r), meanX = x.reduce(0, +) / Double(r)
                let (meanD, half) = Self.pairedInterval(d)
                let low = half.map { meanD - $0 } ?? .nan, high = half.map { meanD + $0 } ?? .nan
                rows.append(Row(scenarioName: s.name, metric: metric, baseline: meanB, scenario: meanX, delta: meanD,
                                relativeDelta: meanB != 0 ? meanD / abs(meanB) : .nan, ciLow: low, ciHigh: high, replications: r))
            }
        }
        self.rows = rows
    }

    /// The mean of paired differences and the half-width of its 95 % interval, t(0.975, R−1) · s / √R
    /// (nil with fewer than two).
    public static func pairedInterval(_ d: [Double]) -> (mean: Double, half: Double?) {
        let r = Double(d.count)
        let mean = d.reduce(0, +) / r
        guard d.count >= 2 else { return (mean, nil) }
        let variance = d.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (r - 1)
        return (mean, gsl_cdf_tdist_Pinv(0.975, r - 1) * (variance / r).squareRoot())
    }

    public func table() -> CSVTable {
        var t = CSVTable(header: ["metric", "baseline", "scenario", "delta", "relative_delta", "ci_low", "ci_high",
                                 "replications", "baseline_name", "scenario_name"])
        for r in rows {
            t.append([r.metric, Format.number(r.baseline, 6), Format.number(r.scenario, 6), Format.number(r.delta, 6),
                      Format.number(r.relativeDelta, 6), Format.number(r.ciLow, 6), Format.number(r.ciHigh, 6),
                      String(r.replications), baselineName, r.scenarioName])
        }
        return t
    }

    public func row(_ scenario: String, _ metric: String) -> Row? {
        rows.first { $0.scenarioName == scenario && $0.metric == metric }
    }
}
