import Foundation
import PaodongEngine
import PaodongModel
import PaodongReports

/// The short result table printed on standard output (the first replication).
enum SummaryTable {
    static func render(_ results: [RunResult], wallSeconds: Double, out: String) -> String {
        let r = results[0]
        func f(_ metric: Metric, _ digits: Int = 3) -> String { Format.number(metric.value(r), digits) }
        func n(_ metric: Metric) -> String { metric.formatted(metric.value(r)) }
        let channels = Metric.channelShares.map { f($0) }.joined(separator: " / ")
        var rows: [(String, String)] = [
            ("scenario", r.scenario.name),
            ("agents", "\(r.residents) residents, \(r.businesses) businesses"),
            ("needs / applications", "\(n(.needs)) / \(n(.applications)) (\(n(.open)) open at the end)"),
            ("trips per application", f(.tripsPerApplication)),
            ("zero-trip share", f(.shareZeroTrip)),
            ("at-most-one-trip share", f(.shareAtMostOneTrip)),
            ("wasted trips", n(.wastedTrips)),
            ("wait mean / p90 (min)", "\(f(.waitMean, 1)) / \(f(.waitP90, 1))"),
            ("lead time mean (days)", f(.leadTime, 2)),
            ("citizen hours", f(.citizenHours, 0)),
            ("items ≤1 design trip", f(.itemsShareAtMostOneTrip, 4)),
            ("licensing items 0 design trips", f(.licensingItemsShareZeroTrip, 4)),
            ("channels " + Channel.allCases.map(\.key).joined(separator: "/"), channels),
            ("hotline calls / answered", "\(n(.hotlineCalls)) / \(f(.hotlineAnswerRate))"),
            ("hotline within \(Format.number(r.scenario.hotline.answerStandardSec, 0)) s (worst day)",
             "\(f(.hotlineWithinStandard)) (\(f(.hotlineWorstDayWithinStandard)))"),
        ]
        if let c = r.screening {
            rows.append(("screening (\(c.parameters.district))", "\(c.people) people, \(c.sampled) sampled, "
                         + "\(f(.screeningWaitHours, 0)) waiting hours, \(f(.screeningHoursToFinish, 1)) h to finish"))
        }
        rows += [
            ("replications", "\(results.count)"),
            ("wall seconds", Format.number(wallSeconds, 1)),
            ("output", out),
        ]
        let width = rows.map { $0.0.count }.max() ?? 0
        return rows.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.1 }.joined(separator: "\n")
    }
}
