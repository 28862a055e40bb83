import Foundation
import PaodongEngine
import PaodongModel

/// Turns run results into the CSV tables of docs/model.md, "Outputs".
public enum RunReport {
    /// The columns of summary.csv: the run's address, then every declared metric (`Metric.summary`).
    public static let summaryHeader = ["scenario", "replication", "seed"] + Metric.summary.map(\.name)

    /// The metrics of one replication by name, for summaries and comparisons.
    public static func metrics(_ r: RunResult) -> [String: Double] {
        Dictionary(Metric.summary.map { ($0.name, $0.value(r)) }, uniquingKeysWith: { a, _ in a })
    }

    public static func summaryRow(_ r: RunResult, replication: Int) -> [String] {
        [r.scenario.name, String(replication), String(r.scenario.seed)] + Metric.summary.map { $0.formatted($0.value(r)) }
    }

    public static func byItem(_ r: RunResult) -> CSVTable {
        var table = CSVTable(header: ["item_id", "name_zh", "name_en", "audience", "licensing", "level", "departments",
                                      "needs", "needs_completed", "design_trips", "trips_per_need", "share_zero_trip",
                                      "wait_mean_min", "lead_time_mean_days", "share_window", "share_kiosk", "share_web",
                                      "share_mobile", "online", "mobile", "kiosk", "instant_approval", "prefill",
                                      "e_delivery", "demand_weight"])
        let t = r.tally
        for (i, item) in r.catalog.items.enumerated() {
            let apps = t.item(i, .applications), done = t.item(i, .completed)
            let f = r.policy.flags[i], c = r.policy.channels[i]
            table.append([
                item.id, item.nameZh, item.nameEn, item.audience.key, item.licensing ? "1" : "0", item.level.key,
                item.departments.map { r.catalog.departments[$0].id }.joined(separator: ";"),
                String(apps), String(done), String(r.policy.designTrips[i]),
                Format.ratio(t.item(i, .trips), done), Format.ratio(t.item(i, .zeroTrip), done),
                Format.minutes(t.item(i, .servedWaitMs), per: t.item(i, .servedVisits)),
                Format.ratio(t.item(i, .leadDays), done, 3),
                Format.ratio(t.item(i, applicationsOn: .window), apps), Format.ratio(t.item(i, applicationsOn: .kiosk), apps),
                Format.ratio(t.item(i, applicationsOn: .web), apps), Format.ratio(t.item(i, applicationsOn: .mobile), apps),
                c.contains(.web) ? "1" : "0", c.contains(.mobile) ? "1" : "0", c.contains(.kiosk) ? "1" : "0",
                f.contains(.instant) ? "1" : "0", f.contains(.prefill) ? "1" : "0", f.contains(.eDelivery) ? "1" : "0",
                Format.number(item.demandWeight, 9),
            ])
        }
        return table
    }

    public static func bySegment(_ r: RunResult) -> CSVTable {
        var table = CSVTable(header: ["segment", "agents", "applications", "completed", "trips_per_application",
                                     "share_zero_trip", "wait_mean_min", "citizen_hours", "needs_completed", "trips_per_need"])
        let t = r.tally
        func row(_ name: String, _ members: [Int]) {
            func sum(_ f: Tally.SegmentField) -> Int64 { members.reduce(0) { $0 + t.segment($1, f) } }
            let done = sum(.completed)
            table.append([name, String(members.reduce(0) { $0 + r.segmentAgents[$1] }), String(sum(.applications)),
                          String(done), Format.ratio(sum(.trips), done), Format.ratio(sum(.zeroTrip), done),
                          Format.minutes(sum(.servedWaitMs), per: sum(.servedVisits)), Format.hours(sum(.citizenMs)),
                          String(sum(.completedNeeds)), Format.ratio(sum(.trips), sum(.completedNeeds))])
        }
        for s in 0..<Segment.count { row(Segment.names[s], [s]) }
        row("all_seniors", (0..<Segment.count).filter(Segment.isSenior))
        row("all_non_adopters", (0..<Segment.count).filter(Segment.isNonAdopter))
        // Foreign residents are also in their age band's rows: not part of "all"'s sum.
        row("all_foreign", (Segment.count..<Segment.slots).filter(Segment.isForeign))
        row("all", Array(0..<Segment.count))
        return table
    }

    public static func byDistrict(_ r: RunResult) -> CSVTable {
        var table = CSVTable(header: ["district", "name_zh", "residents", "businesses", "applications", "completed",
                                     "trips_per_application", "wait_mean_min", "needs", "needs_completed", "trips", "trips_per_need", "share_zero_trip"])
        let t = r.tally
        for (d, district) in r.districts.enumerated() {
            let done = t.district(d, .completed)
            table.append([district.nameEn, district.nameZh, String(r.districtAgents[d].residents),
                          String(r.districtAgents[d].businesses), String(t.district(d, .applications)), String(done),
                          Format.ratio(t.district(d, .trips), done),
                          Format.minutes(t.district(d, .servedWaitMs), per: t.district(d, .servedVisits)),
                          String(t.district(d, .needs)), String(t.district(d, .completedNeeds)), String(t.district(d, .trips)),
                          Format.ratio(t.district(d, .trips), t.district(d, .completedNeeds)), Format.ratio(t.district(d, .zeroTrip), done)])
        }
        return table
    }

    public static func halls(_ r: RunResult) -> CSVTable {
        var table = CSVTable(header: ["hall_id", "level", "district", "windows", "visits", "served", "unserved",
                                     "utilization", "wait_mean_min", "wait_p90_min", "max_queue", "window_groups",
                                     "max_group_utilization"])
        for q in r.queues {
            table.append([q.id, q.level, r.districts[q.district].nameEn, String(q.windows), String(q.visits),
                          String(q.served), String(q.unserved), Format.number(q.utilization, 4),
                          Format.number(q.waitMeanMin, 3), Format.number(q.waitP90Min, 2), String(q.maxQueue),
                          String(q.groups), Format.number(q.maxGroupUtilization, 4)])
        }
        return table
    }

    /// Each hall's window groups: whom each serves (`all`, or its departments' ids), its windows,
    /// simulated joins and the mean wait of those served (a miniature's background visits occupy
    /// the windows, so count in utilisation, but are not joins).
    public static func windowGroups(_ r: RunResult) -> CSVTable {
        var table = CSVTable(header: ["hall_id", "level", "district", "group", "departments", "windows", "joins", "served",
                                     "utilization", "wait_mean_min"])
        for q in r.queues {
            for (g, row) in q.windowGroups.enumerated() {
                table.append([q.id, q.level, r.districts[q.district].nameEn, String(g + 1),
                              row.departments.map { $0.joined(separator: ";") } ?? "all", String(row.windows), String(row.joins),
                              String(row.served), Format.number(row.utilization, 4), Format.number(row.waitMeanMin, 3)])
            }
        }
        return table
    }

    /// Waits of served queue joins by hall level: the percentiles merge the halls' histograms.
    public static func waitsByLevel(_ r: RunResult) -> CSVTable {
        var table = CSVTable(header: ["level", "halls", "windows", "served", "unserved", "wait_mean_min", "wait_p50_min",
                                     "wait_p90_min", "wait_p99_min"])
        for w in r.levelWaits {
            table.append([w.level, String(w.halls), String(w.windows), String(w.served), String(w.unserved),
                          Format.number(w.waitMeanMin, 3), Format.number(w.waitP50Min, 2), Format.number(w.waitP90Min, 2),
                          Format.number(w.waitP99Min, 2)])
        }
        return table
    }

    public static func daily(_ r: RunResult) -> CSVTable {
        var table = CSVTable(header: ["day", "date", "working_day", "needs", "submissions", "completions", "window_visits",
                                     "wait_mean_min", "adoption_online", "trips", "citizen_hours"]
                               + Channel.allCases.map { "completed_\($0.key)" })
        let t = r.tally
        var adopted = Int64(r.initialAdopters)
        for d in 0..<r.scenario.days {
            adopted += t.day(d, .adoptions)
            table.append([String(d + 1), r.calendar.date(d).description, r.calendar.isWorking(d) ? "1" : "0",
                          String(t.day(d, .needs)), String(t.day(d, .submissions)), String(t.day(d, .completions)),
                          String(t.day(d, .windowVisits)), Format.minutes(t.day(d, .servedWaitMs), per: t.day(d, .servedVisits)),
                          Format.number(Double(adopted) / Double(max(1, r.agents)), 6),
                          String(t.day(d, .trips)), Format.number(Double(t.day(d, .citizenMs)) / 3_600_000, 1)]
                         + Channel.allCases.map { String(t.day(d, completedOn: $0)) })
        }
        return table
    }

    /// hotline.csv: each line of the 12345 hotline by day and hour, attempts counted in the hour they arrived.
    public static func hotline(_ r: RunResult) -> CSVTable {
        var table = CSVTable(header: ["line", "day", "date", "hour", "agents", "attempts", "answered", "abandoned", "closed",
                                      "answered_within_standard", "share_within_standard", "wait_mean_sec", "line_mean"])
        for l in r.hotline {
            for d in 0..<r.scenario.days {
                let date = r.calendar.date(d).description
                for h in 0..<24 {
                    let c = l.counts[d * 24 + h]
                    table.append([l.line.key, String(d + 1), date, String(h), String(l.agents(day: d, hour: h)), String(c.attempts),
                                  String(c.answered), String(c.abandoned), String(c.closed), String(c.answeredWithin),
                                  Format.ratio(Int64(c.answeredWithin), Int64(c.attempts)),
                                  c.answered > 0 ? Format.number(Double(c.answeredWaitMs) / 1000 / Double(c.answered), 3) : "",
                                  Format.ratio(Int64(c.lineSeen), Int64(c.attempts), 3)])
                }
            }
        }
        return table
    }

    /// screening.csv: each site of the screening campaign by day and hour (arrivals counted in the
    /// hour they arrived); nil when the scenario has no campaign.
    public static func screening(_ r: RunResult) -> CSVTable? {
        guard let c = r.screening else { return nil }
        var table = CSVTable(header: ["site", "day", "hour", "arrivals", "sampled", "gave_up", "wait_mean_min",
                                      "desk_line_mean", "station_line_mean"])
        let start = c.parameters.opening.start
        for d in 0..<c.days {
            for s in 0..<c.parameters.sites {
                for h in 0..<c.hours {
                    let x = c.at(day: d, site: s, hour: h)
                    table.append([String(s + 1), String(d + 1), String((start + 60 * h) / 60), String(x.arrivals), String(x.sampled),
                                  String(x.gaveUp), Format.minutes(x.waitMs, per: Int64(x.arrivals)),
                                  Format.ratio(Int64(x.deskLineSeen), Int64(x.arrivals), 3),
                                  Format.ratio(Int64(x.stationLineSeen), Int64(x.stationJoins), 3)])
                }
            }
        }
        return table
    }
}
