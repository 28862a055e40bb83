import Foundation
import PaodongModel

/// Reads a sweep design file strictly, like a scenario: every key declared (`designParameters`),
/// every problem located (file, line, key, what is allowed) and reported at once; every factor key
/// must be a numeric scenario key, and every design point must give a valid scenario.
public enum SweepDesignLoader {
    /// The keys of a design file.
    public static let designParameters: [Parameter] = [
        Parameter("scenario", .text, doc: "The base scenario, relative to the design file."),
        Parameter("scale", .number(1e-6...100), doc: "Multiplies the base scenario's populations, as --scale."),
        Parameter("replications", .integer(1...1000), doc: "Replications of every design point."),
        Parameter("seed", .integer(0...Int(Int64.max)), doc: "Replication r of every point runs on seed + r − 1; lhs and morris draw their points from it."),
        Parameter("method", .choice(SweepDesign.Method.allCases.map(\.rawValue)), doc: "How the points are chosen."),
        Parameter("factors", .mappings, doc: "The scenario keys varied."),
        Parameter("factors.key", .text, doc: "A numeric scenario key (paodong validate --explain lists them)."),
        Parameter("factors.values", .numbers(count: nil, -1e15...1e15), required: false, fallback: "low … high in levels steps",
                  doc: "grid: the values."),
        Parameter("factors.low", .number(-1e15...1e15), required: false, fallback: "none", doc: "lhs, morris (and grid with levels): the lowest value."),
        Parameter("factors.high", .number(-1e15...1e15), required: false, fallback: "none", doc: "The highest value."),
        Parameter("factors.levels", .integer(2...10_000), required: false, fallback: "none", doc: "grid: values from low to high, evenly spaced."),
        Parameter("samples", .integer(1...100_000), required: false, fallback: "none", doc: "lhs: the number of points."),
        Parameter("trajectories", .integer(1...10_000), required: false, fallback: "none", doc: "morris: the number of trajectories."),
        Parameter("levels", .integer(2...1000), required: false, fallback: "none", doc: "morris: the grid levels (even)."),
    ]
    static let schema = Parameter.Schema(designParameters)

    /// Most points a design may have.
    public static let pointLimit = 100_000

    /// Loads, samples and checks the design at `path`. Every point's scenario is loaded once here
    /// (about 50 ms each for the reference city) and let go, so that a design that would fail
    /// half-way is refused before any run; `scenario(point:)` loads a point's again for its runs.
    public static func load(path: String) throws -> SweepDesign {
        let root = try ScenarioLoader.readDocument(path: path)
        let log = IssueLog()
        let top = MappingReader(root, path: "", log: log, schema: schema)
        let scenarioName = top.string("scenario") ?? ""
        let scale = top.double("scale")
        let replications = top.int("replications")
        let seed = UInt64(top.int("seed"))
        let method = top.choice("method", fallback: SweepDesign.Method.grid)!
        var factors: [SweepDesign.Factor] = []
        var factorNodes: [SourceNode] = []
        for (i, n) in top.list("factors").enumerated() {
            let f = MappingReader(n, path: "factors[\(i)]", log: log, schema: schema)
            let key = f.string("key") ?? ""
            let values = f.has("values") ? f.doubles("values") : []
            let low = f.has("low") ? f.double("low") : .nan
            let high = f.has("high") ? f.double("high") : .nan
            let levels = f.has("levels") ? f.int("levels") : 0
            f.finish()
            factorNodes.append(n)
            var factor = SweepDesign.Factor(key: key, integer: false, values: values, low: low, high: high)
            check(&factor, node: n, index: i, method: method, levels: levels, log: log)
            factors.append(factor)
        }
        let samples = top.has("samples") ? top.int("samples") : 0
        let trajectories = top.has("trajectories") ? top.int("trajectories") : 0
        let levels = top.has("levels") ? top.int("levels") : 0
        top.finish()
        if factors.isEmpty, let n = top.node("factors", required: false) { log.add(n, "factors", "at least one factor is needed") }
        let keys = factors.map(\.key)
        for (i, k) in keys.enumerated() where keys.firstIndex(of: k)! < i {
            log.add(factorNodes[i], "factors[\(i)].key", "'\(k)' is varied twice")
        }
        switch method {
        case .grid: break
        case .lhs:
            if samples < 1 { log.add(root, "samples", "method lhs needs samples (an integer in 1…100000)") }
        case .morris:
            if trajectories < 1 { log.add(top.node("trajectories", required: false) ?? root, "trajectories", "method morris needs trajectories (an integer in 1…10000)") }
            if levels < 2 || levels % 2 != 0 {
                log.add(top.node("levels", required: false) ?? root, "levels", "method morris needs an even number of levels, 2 or more (found \(levels))")
            }
        }
        try log.throwIfAny()

        let base = URL(fileURLWithPath: path).deletingLastPathComponent()
        let scenarioPath = scenarioName.hasPrefix("/") ? scenarioName : base.appendingPathComponent(scenarioName).path
        // The size first: a grid is a product, and a product of a few long lists is astronomical.
        var count = 1.0
        switch method {
        case .grid: count = factors.reduce(1.0) { $0 * Double(max(1, $1.values.count)) }
        case .lhs: count = Double(samples)
        case .morris: count = Double(trajectories) * Double(factors.count + 1)
        }
        if count > Double(pointLimit) {
            throw ScenarioError.invalid([ScenarioIssue(file: path, key: method == .grid ? "factors" : (method == .lhs ? "samples" : "trajectories"),
                                                       message: "the design has \(count > 1e15 ? "more than 10^15" : String(Int(count))) points; at most \(pointLimit)")])
        }
        let points: [[Double]]
        switch method {
        case .grid: points = DesignSampler.grid(factors)
        case .lhs: points = DesignSampler.lhs(factors, samples: samples, seed: seed)
        case .morris: points = DesignSampler.morris(factors, trajectories: trajectories, levels: levels, seed: seed)
        }
        let design = SweepDesign(file: path, scenario: scenarioPath, scale: scale, replications: replications, seed: seed,
                                 method: method, factors: factors, samples: samples, trajectories: trajectories,
                                 levels: levels, points: points)
        // Every point must be a valid scenario: an error names the point and its overrides.
        for p in points.indices {
            do {
                _ = try scenario(design, point: p)
            } catch let error as ScenarioError {
                if case .missingFile = error { throw error }
                throw ScenarioError.invalid(error.issues.map {
                    var issue = $0
                    issue.message += " (design point \(p + 1) of \(path))"
                    return issue
                })
            }
        }
        return design
    }

    /// The scenario of point `p` (0-based), scaled by the design's scale.
    public static func scenario(_ design: SweepDesign, point p: Int) throws -> Scenario {
        try ScenarioLoader.load(path: design.scenario, overrides: design.overrides(point: p)).scaled(by: design.scale)
    }

    /// Checks one factor against the scenario keys and the method; fills its grid values.
    static func check(_ f: inout SweepDesign.Factor, node: SourceNode, index i: Int, method: SweepDesign.Method,
                      levels: Int, log: IssueLog) {
        let at = "factors[\(i)]"
        guard let p = Parameter.Schema.scenario.parameter(f.key) else {
            log.add(node, "\(at).key", "unknown scenario key '\(f.key)'; allowed: the numeric keys of paodong validate --explain")
            return
        }
        let range: ClosedRange<Double>
        switch p.kind {
        case .integer(let r): range = Double(r.lowerBound)...Double(r.upperBound); f.integer = true
        case .number(let r): range = r
        case .share: range = 0...1
        default:
            log.add(node, "\(at).key", "'\(f.key)' is \(p.allowedDescription), not a number; a sweep varies numeric keys")
            return
        }
        let hasRange = !f.low.isNaN || !f.high.isNaN
        if hasRange && (f.low.isNaN || f.high.isNaN) { log.add(node, at, "low and high go together"); return }
        if hasRange && f.low > f.high { log.add(node, at, "low \(f.low) is above high \(f.high)"); return }
        switch method {
        case .grid:
            if f.values.isEmpty {
                guard hasRange, levels >= 2 else { log.add(node, at, "grid needs values, or low, high and levels"); return }
                f.values = (0..<levels).map { f.low + (f.high - f.low) * Double($0) / Double(levels - 1) }
            } else if hasRange || levels > 0 {
                log.add(node, at, "give values, or low, high and levels, not both")
                return
            }
            if f.integer { f.values = f.values.map { $0.rounded() } }
            f.low = f.values.min() ?? 0; f.high = f.values.max() ?? 0
        case .lhs, .morris:
            if !f.values.isEmpty || levels > 0 { log.add(node, at, "\(method.rawValue) takes low and high, not values or levels"); return }
            if !hasRange { log.add(node, at, "\(method.rawValue) needs low and high"); return }
        }
        for v in [f.low, f.high] + f.values where !range.contains(v) {
            log.add(node, "\(at)", "\(v) is out of range for \(f.key); allowed: \(p.allowedDescription)")
            return
        }
    }
}
