/// A parameter sweep: a base scenario, the factors varied and how their values are chosen
/// (`paodong sweep DESIGN.yaml`). Frozen after decoding; `points` are the design's rows.
public struct SweepDesign: Sendable {
    /// How the design points are chosen.
    public enum Method: String, CaseIterable, Sendable {
        /// Every combination of the factors' values (first factor slowest).
        case grid
        /// Latin hypercube: `samples` points, each factor's range cut in `samples` strata, one point per stratum.
        case lhs
        /// Morris elementary effects: `trajectories` one-at-a-time paths of D + 1 points on a `levels` grid,
        /// laid out as SALib lays them out (rows t·(D+1) … t·(D+1)+D).
        case morris
    }

    /// One varied scenario key.
    public struct Factor: Sendable, Equatable {
        /// The scenario key (any key `--set` accepts that holds a number).
        public var key: String
        /// Integer keys get integer values (rounded).
        public var integer: Bool
        /// Grid values, as given or spread from `low` to `high` in `levels` steps.
        public var values: [Double]
        public var low: Double
        public var high: Double
        public init(key: String, integer: Bool, values: [Double], low: Double, high: Double) {
            self.key = key; self.integer = integer; self.values = values; self.low = low; self.high = high
        }

        /// The value applied for a unit coordinate u ∈ [0, 1] (lhs, morris).
        public func value(unit u: Double) -> Double {
            // Clamped: low + 1 · (high − low) may round a hair past high.
            let v = min(max(low + u * (high - low), min(low, high)), max(low, high))
            return integer ? v.rounded() : v
        }

        /// The value as written in overrides and CSV files: integers without a decimal point, other
        /// numbers in the shortest form that reads back exactly.
        public func text(_ v: Double) -> String { integer ? String(Int64(v)) : "\(v)" }
    }

    /// The design file, and the base scenario it names (resolved against the design's folder).
    public var file: String
    public var scenario: String
    /// Multiplies the base scenario's populations (as `--scale`).
    public var scale: Double
    public var replications: Int
    /// Replication r of every point runs on `seed + r − 1`: the points share their random numbers,
    /// so a factor's effect is not drowned in the noise between points.
    public var seed: UInt64
    public var method: Method
    public var factors: [Factor]
    public var samples: Int
    public var trajectories: Int
    public var levels: Int
    /// Each row: one value per factor, as applied.
    public var points: [[Double]]

    public init(file: String, scenario: String, scale: Double, replications: Int, seed: UInt64, method: Method,
                factors: [Factor], samples: Int, trajectories: Int, levels: Int, points: [[Double]]) {
        self.file = file; self.scenario = scenario; self.scale = scale; self.replications = replications; self.seed = seed
        self.method = method; self.factors = factors; self.samples = samples; self.trajectories = trajectories
        self.levels = levels; self.points = points
    }

    /// Number of runs: points × replications. A run's index is `point · replications + replication − 1`.
    public var runCount: Int { points.count * replications }

    /// The seed of replication `replication` (1-based) of any point.
    public func seed(replication: Int) -> UInt64 { Self.seed(seed, replication: replication) }

    /// The seed of replication `replication` (1-based) of a design whose seed is `base`.
    public static func seed(_ base: UInt64, replication: Int) -> UInt64 { base &+ UInt64(replication - 1) }

    /// The `--set` overrides of point `p`.
    public func overrides(point p: Int) -> [String] {
        zip(factors, points[p]).map { "\($0.key)=\($0.text($1))" }
    }
}
