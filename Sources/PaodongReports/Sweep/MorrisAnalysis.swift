import CGSL
import PaodongModel

/// Morris elementary effects of one output over a Morris design, computed as SALib's
/// `morris.analyze` computes them: in trajectory t (rows t·(D+1) … t·(D+1)+D), the effect of
/// factor j is (y where j is high − y where j is low) / Δ with Δ = levels / (2 (levels − 1));
/// μ is their mean, μ* the mean of their absolute values, σ their standard deviation (n − 1), and
/// μ*'s confidence half-width a bootstrap (100 resamples of the trajectories, as SALib) times z(0.975).
public struct MorrisAnalysis: Sendable {
    public struct Effect: Sendable {
        public var mu: Double
        public var muStar: Double
        public var sigma: Double
        public var muStarConf: Double
    }

    public let effects: [Effect]

    /// `points`: the design's rows (D factors each), `outputs`: one value per row. O(rows · D).
    public init(points: [[Double]], outputs: [Double], levels: Int, bootstrapSeed: UInt64) {
        let d = points.first?.count ?? 0
        let size = d + 1
        let trajectories = points.count / max(size, 1)
        let delta = DesignSampler.morrisDelta(levels: levels)
        // ee[t][j]
        var ee = Array(repeating: Array(repeating: 0.0, count: d), count: trajectories)
        for t in 0..<trajectories {
            var high = Array(repeating: 0.0, count: d), low = Array(repeating: 0.0, count: d)
            for k in 0..<(size - 1) {
                let a = t * size + k, b = a + 1
                for j in 0..<d {
                    if points[b][j] > points[a][j] { high[j] += outputs[b]; low[j] += outputs[a] }
                    if points[b][j] < points[a][j] { high[j] += outputs[a]; low[j] += outputs[b] }
                }
            }
            for j in 0..<d { ee[t][j] = (high[j] - low[j]) / delta }
        }
        let rng = RandomStream(seed: bootstrapSeed, chunk: 2, purpose: .design)
        let z = gsl_cdf_ugaussian_Pinv(0.975)
        effects = (0..<d).map { j in
            let e = ee.map { $0[j] }
            let n = Double(e.count)
            let mu = e.reduce(0, +) / n
            let muStar = e.reduce(0) { $0 + abs($1) } / n
            let sigma = e.count > 1 ? (e.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / (n - 1)).squareRoot() : .nan
            var means: [Double] = []
            for _ in 0..<100 {
                var s = 0.0
                for _ in 0..<e.count { s += abs(e[rng.uniformInt(e.count)]) }
                means.append(s / n)
            }
            let m = means.reduce(0, +) / Double(means.count)
            let sd = (means.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(means.count - 1)).squareRoot()
            return Effect(mu: mu, muStar: muStar, sigma: sigma, muStarConf: z * sd)
        }
    }
}
