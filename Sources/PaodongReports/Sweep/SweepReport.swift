import Foundation
import PaodongEngine
import PaodongModel

/// The tables of a sweep: `sweep.csv` (one row per run), `design.csv` (the points) and, for Morris,
/// `sensitivity.csv`. Rows are formatted once per run, so a sweep run in one process, in shards
/// merged later, or across MPI ranks writes the same bytes.
public enum SweepReport {
    public static func header(_ design: SweepDesign) -> [String] { header(factors: design.factors.map(\.key)) }

    /// sweep.csv's header for a design varying the scenario keys `factors`.
    public static func header(factors: [String]) -> [String] {
        ["point", "replication", "seed"] + factors + Metric.summary.map(\.name)
    }

    /// The first three fields of run `index`'s row (point, replication, seed), which name it: a
    /// run index is `point · replications + replication − 1`.
    public static func runKey(index: Int, replications: Int, seed: UInt64) -> [String] {
        let point = index / replications, replication = index % replications + 1
        return [String(point + 1), String(replication), String(SweepDesign.seed(seed, replication: replication))]
    }

    /// The row of run (point `p`, 0-based; `replication`, 1-based).
    public static func row(_ design: SweepDesign, point p: Int, replication: Int, result: RunResult) -> [String] {
        runKey(index: p * design.replications + replication - 1, replications: design.replications, seed: design.seed)
            + zip(design.factors, design.points[p]).map { $0.text($1) }
            + Metric.summary.map { $0.formatted($0.value(result)) }
    }

    public static func designTable(_ design: SweepDesign) -> CSVTable {
        var t = CSVTable(header: ["point"] + design.factors.map(\.key))
        for (p, values) in design.points.enumerated() {
            t.append([String(p + 1)] + zip(design.factors, values).map { $0.text($1) })
        }
        return t
    }

    /// What identifies a design: its points, replications, seed, scale and base scenario. Parts of
    /// a sweep merge only when their keys agree. FNV-1a 64 (an identity check, not a secret).
    public static func key(_ design: SweepDesign, base: Scenario.Parameters) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var text = String(decoding: designTable(design).encoded(), as: UTF8.self)
        text += "|\(design.method.rawValue)|\(design.replications)|\(design.seed)|\(design.scale)|\(design.levels)|"
        text += String(decoding: (try? encoder.encode(base)) ?? Data(), as: UTF8.self)
        var h: UInt64 = 0xcbf29ce484222325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        return String(h, radix: 16)
    }

    /// `sensitivity.csv` of a Morris design from the rows of sweep.csv (by run index): for every
    /// summary metric, each factor's μ, μ*, σ and μ* confidence over the replication means.
    public static func sensitivity(_ design: SweepDesign, rows: [[String]]) -> CSVTable {
        var t = CSVTable(header: ["metric", "factor", "mu", "mu_star", "sigma", "mu_star_conf"])
        let first = 3 + design.factors.count
        for (m, metric) in Metric.summary.enumerated() {
            let outputs = design.points.indices.map { p -> Double in
                let values = (0..<design.replications).map { Double(rows[p * design.replications + $0][first + m]) ?? .nan }
                return values.reduce(0, +) / Double(values.count)
            }
            let analysis = MorrisAnalysis(points: design.points, outputs: outputs, levels: design.levels, bootstrapSeed: design.seed)
            for (f, e) in zip(design.factors, analysis.effects) {
                t.append([metric.name, f.key, Format.number(e.mu, 6), Format.number(e.muStar, 6), Format.number(e.sigma, 6),
                          Format.number(e.muStarConf, 6)])
            }
        }
        return t
    }
}
