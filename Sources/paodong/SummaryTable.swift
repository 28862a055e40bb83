import Foundation
import PaodongEngine
import PaodongReports

/// The short result table printed on standard output.
enum SummaryTable {
    static func render(_ results: [RunResult], wallSeconds: Double, out: String) -> String {
        let r = results[0]
        let m = RunReport.metrics(r)
        func f(_ key: String, _ digits: Int = 3) -> String { Format.number(m[key] ?? .nan, digits) }
        let rows: [(String, String)] = [
            ("scenario", r.scenario.name),
            ("agents", "\(r.residents) residents, \(r.businesses) businesses"),
            ("needs / applications", "\(Int64(m["needs"]!)) / \(Int64(m["applications"]!)) (\(Int64(m["open"]!)) open at the end)"),
            ("trips per application", f("trips_per_application")),
            ("zero-trip share", f("share_zero_trip")),
            ("at-most-one-trip share", f("share_at_most_one_trip")),
            ("wasted trips", "\(Int64(m["wasted_trips"]!))"),
            ("wait mean / p90 (min)", "\(f("wait_mean_min", 1)) / \(f("wait_p90_min", 1))"),
            ("lead time mean (days)", f("lead_time_mean_days", 2)),
            ("citizen hours", f("citizen_hours", 0)),
            ("items ≤1 design trip", f("items_share_at_most_one_trip", 4)),
            ("licensing items 0 design trips", f("licensing_items_share_zero_trip", 4)),
            ("channels window/kiosk/web/mobile", "\(f("share_window")) / \(f("share_kiosk")) / \(f("share_web")) / \(f("share_mobile"))"),
            ("replications", "\(results.count)"),
            ("wall seconds", Format.number(wallSeconds, 1)),
            ("output", out),
        ]
        let width = rows.map { $0.0.count }.max() ?? 0
        return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n")
    }
}
