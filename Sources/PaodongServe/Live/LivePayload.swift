import Foundation
import PaodongEngine
import PaodongModel
import PaodongReports

/// The JSON of a live run's events, one line each:
///
/// - `meta` (first): the scenarios, replications, days, districts and channels.
/// - `day`: one `DayView` of one scenario and replication (`LivePayload.Day`), minutes in
///   minutes and hours in hours, with the integers the tallies hold.
/// - `final`: a scenario's `RunView` once its replications are done, from the same tables its
///   directory's CSV files are written from (so the page shows the files' figures).
/// - `end`: the run is over (`status` finished, or stopped with nothing written).
public enum LivePayload {
    /// The channels in `Channel` order, as the page names them.
    public static let channels = Channel.allCases.map(\.key)

    struct Meta: Encodable {
        struct District: Encodable { var name: String; var nameZh: String }
        var mode: String
        var scenarios: [String]
        var replications: Int
        var days: Int
        var scale: Double
        var districts: [District]
    }

    struct Counts: Encodable {
        var needs, applications, completed, completedNeeds, trips, servedVisits: Int64
        var citizenHours, waitMeanMin: Double
        var completedOn: [Int64]
        init(_ c: DayView.Counts) {
            needs = c.needs; applications = c.applications; completed = c.completed; completedNeeds = c.completedNeeds; trips = c.trips; servedVisits = c.servedVisits
            citizenHours = Double(c.citizenMs) / 3_600_000
            waitMeanMin = c.servedVisits > 0 ? Double(c.servedWaitMs) / 60_000 / Double(c.servedVisits) : 0
            completedOn = c.completedOn
        }
    }

    struct District: Encodable {
        var needs, applications, completed, completedNeeds, trips, zeroTrip, servedVisits: Int64
        var waitMeanMin: Double
        var longestQueueToday: Int
    }

    struct Hall: Encodable {
        var id, level: String
        var district, windows: Int
        var visitsToday: Int64
        var longestQueueToday: Int
        var visits, served: Int64
        var waitMeanMin: Double
    }

    struct Line: Encodable {
        var line: String
        var daysPlayed: Int
        var attempts, answered, within: [Int64]
    }

    struct Day: Encodable {
        var scenario: Int
        var replication: Int
        /// 1-based, as daily.csv numbers days.
        var day: Int
        var days: Int
        var date: String
        var workingDay: Bool
        var today: Counts
        var total: Counts
        var adoptionOnline: Double
        var districts: [District]
        var halls: [Hall]
        var hotline: [Line]
    }

    struct Final: Encodable {
        var scenario: Int
        var view: RunView
    }

    struct End: Encodable {
        var status: String
        var out: String?
    }

    static func minutes(_ ms: Int64, per n: Int64) -> Double { n > 0 ? Double(ms) / 60_000 / Double(n) : 0 }

    static func day(_ v: DayView, scenario: Int, replication: Int) -> Day {
        Day(scenario: scenario, replication: replication, day: v.day + 1, days: v.days, date: v.date.description,
            workingDay: v.isWorkingDay, today: Counts(v.today), total: Counts(v.total),
            adoptionOnline: Double(v.adopters) / Double(max(1, v.agents)),
            districts: v.districts.map {
                District(needs: $0.needs, applications: $0.applications, completed: $0.completed, completedNeeds: $0.completedNeeds, trips: $0.trips, zeroTrip: $0.zeroTrip,
                         servedVisits: $0.servedVisits, waitMeanMin: minutes($0.servedWaitMs, per: $0.servedVisits),
                         longestQueueToday: $0.longestQueueToday)
            },
            halls: v.busiestHalls.map {
                Hall(id: "H\($0.index + 1)", level: $0.level.key, district: $0.district, windows: $0.windows, visitsToday: $0.visitsToday,
                     longestQueueToday: $0.longestQueueToday, visits: $0.visits, served: $0.served,
                     waitMeanMin: minutes($0.servedWaitMs, per: $0.served))
            },
            hotline: v.hotline.map { Line(line: $0.line.key, daysPlayed: $0.daysPlayed, attempts: $0.attempts, answered: $0.answered, within: $0.answeredWithin) })
    }

    static func encode<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        // Compact JSON has no line break (strings escape theirs), as an event's data must.
        return String(decoding: (try? encoder.encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }
}
