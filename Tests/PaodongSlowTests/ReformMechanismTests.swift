import Foundation
import PaodongModel
import PaodongTestSupport
import Testing

/// Each reform alone moves its own mechanism the right way against baseline-2012, with a paired
/// 95 % interval that excludes zero, and no reform makes the city significantly worse on the
/// headline metrics unless the README shows the trade-off (bundles: waits and lead time; the
/// business line at its 2020 size in 2012: waits and trips per need).
/// One `paodong compare` of the baseline and every ablation at 10 % scale, 5 replications (the
/// pre-filled items, 2.5 % of needs and rarely online in 2012, move form minutes per form by about
/// 0.1 %, which 3 replications or a 1 % city do not resolve).
@Suite(.serialized) struct ReformMechanismTests {
    /// (ablation file, metric, expected sign of the change), as each reform declares them.
    static let mechanisms: [(String, String, Double)] = ReformRegistry.standard.types.flatMap { type in
        type.mechanisms.map { (type.ablation, $0.metric, $0.sign) }
    }
    /// Headline metrics no ablation may make significantly worse, and the documented exceptions.
    static let headline = ["trips_per_need", "citizen_hours", "wait_mean_min"]
    /// Bundles: README, "The bundles trade-off". The business line at its 2020 size (8 agents) is
    /// too small for 2012's business pre-checks, so fewer get through and the near-saturated 2012
    /// halls see a few more incomplete re-visits, so a little more wait and a few more trips
    /// (README, "The business line").
    static let tradeOffs: Set<String> = ["ablation-bundles/wait_mean_min", "ablation-business-line/wait_mean_min",
                                         "ablation-business-line/trips_per_need"]

    /// comparison.csv rows by "scenario_name/metric", computed once for the suite.
    static let rows: Result<[String: [String: String]], Error> = Result {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let files = ["baseline-2012.yaml"] + Set(mechanisms.map(\.0)).sorted().map { "ablations/\($0).yaml" }
        let comparison = try CLI.compare(files, scale: 0.1, replications: 5, in: tmp)
        var byKey: [String: [String: String]] = [:]
        for row in comparison.rows { byKey["\(row["scenario_name"] ?? "")/\(row["metric"] ?? "")"] = row }
        return byKey
    }

    static func interval(_ scenario: String, _ metric: String) throws -> (delta: Double, low: Double, high: Double) {
        let row = try #require(try rows.get()["\(scenario)/\(metric)"], "\(scenario) \(metric) missing")
        return (try #require(Double(row["delta"] ?? "")), try #require(Double(row["ci_low"] ?? "")),
                try #require(Double(row["ci_high"] ?? "")))
    }

    @Test(arguments: mechanisms.indices)
    func reformMovesItsOwnMechanism(_ k: Int) throws {
        let (file, metric, sign) = Self.mechanisms[k]
        let ci = try Self.interval("ablation-\(file)", metric)
        #expect(ci.low <= ci.high)
        if sign < 0 {
            #expect(ci.high < 0, "\(file): \(metric) Δ \(ci.delta) [\(ci.low), \(ci.high)] must fall")
        } else {
            #expect(ci.low > 0, "\(file): \(metric) Δ \(ci.delta) [\(ci.low), \(ci.high)] must rise")
        }
    }

    @Test func noReformMakesTheCityWorseWithoutADocumentedTradeOff() throws {
        for file in Set(Self.mechanisms.map(\.0)).sorted() {
            for metric in Self.headline where !Self.tradeOffs.contains("ablation-\(file)/\(metric)") {
                let ci = try Self.interval("ablation-\(file)", metric)
                #expect(ci.low <= 0, "\(file) makes \(metric) worse: Δ \(ci.delta) [\(ci.low), \(ci.high)]")
            }
        }
        // Bundling exists to save trips: it must save them, and citizen-hours with them.
        #expect(try Self.interval("ablation-bundles", "trips_per_need").high < 0)
        #expect(try Self.interval("ablation-bundles", "citizen_hours").high < 0)
    }

    /// No livelock: wasted trips stay at most a fifth of trips in the baseline and every ablation.
    @Test func wastedTripsStayAFifthOfTrips() throws {
        let rows = try Self.rows.get()
        for (key, row) in rows where key.hasSuffix("/wasted_trips") {
            let name = String(key.dropLast("/wasted_trips".count))
            let trips = try #require(rows["\(name)/trips"])
            for side in ["baseline", "scenario"] {
                let wasted = try #require(Double(row[side] ?? "")), all = try #require(Double(trips[side] ?? ""))
                #expect(wasted <= 0.2 * all, "\(name) \(side): \(wasted) wasted of \(all) trips")
            }
        }
    }
}

/// The 2021 plan against 2020: its 200 high-frequency no-sense items and 200 bundle items cut
/// trips per need and citizen-hours, with intervals that exclude zero.
@Suite struct PlanEffectTests {
    @Test func plan2021IsSignificantAgainst2020() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let comparison = try CLI.compare(["shenzhen-2020.yaml", "plan-2021.yaml"], scale: 0.01, replications: 3, in: tmp)
        for metric in ["trips_per_need", "citizen_hours", "lead_time_mean_days"] {
            let row = try #require(comparison.row(metric))
            let high = try #require(Double(row["ci_high"] ?? ""))
            #expect(high < 0, "\(metric): \(row)")
        }
    }
}

/// Longgang's district hall, 2016: 92 departmental windows staffed by department against 59 pooled
/// comprehensive windows with the same demand; the hall's mean wait falls by at least 40 %
/// (published: about halved).
@Suite struct LonggangTests {
    @Test func poolingTheHallCutsItsWaitByAtLeastFortyPercent() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let comparison = try CLI.compare(["longgang-before.yaml", "longgang-after.yaml"], scale: 0.1, replications: 3, in: tmp)
        let out = comparison.directory
        let row = try #require(comparison.row("wait_mean_min_district"))
        let before = try #require(Double(row["baseline"] ?? "")), after = try #require(Double(row["scenario"] ?? ""))
        #expect(before > 0 && after <= 0.6 * before, "district hall wait \(before) -> \(after) min")
        // Replication by replication too (a saturated departmental hall varies a lot from seed to
        // seed, so the paired interval of 3 replications is wide; every pair must show the fall).
        let b = try readCSV(out + "/longgang-before/summary.csv"), a = try readCSV(out + "/longgang-after/summary.csv")
        #expect(a.count == 3 && b.count == 3)
        for (x, y) in zip(b, a) {
            let wb = try #require(Double(x["wait_mean_min_district"] ?? "")), wa = try #require(Double(y["wait_mean_min_district"] ?? ""))
            #expect(wa <= 0.6 * wb, "replication \(x["replication"] ?? ""): \(wb) -> \(wa) min")
        }
        // The mis-staffed departmental groups are named, with their share of joins turned away.
        let manifest = try String(contentsOfFile: out + "/longgang-before/manifest.json", encoding: .utf8)
        #expect(manifest.contains("window group") && manifest.contains("queue joins unserved"), "\(manifest.prefix(2000))")
        let pooled = try String(contentsOfFile: out + "/longgang-after/manifest.json", encoding: .utf8)
        #expect(!pooled.contains("queue joins unserved"))
    }
}
