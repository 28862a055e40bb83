import Foundation
import PaodongEngine
import PaodongModel

/// Turns run results into the CSV tables of docs/model.md, "Outputs".
public enum RunReport {
    public static let summaryHeader = [
        "scenario", "replication", "seed", "residents", "businesses", "needs", "applications", "completed", "open",
        "trips", "trips_per_need", "trips_per_application", "share_zero_trip", "share_at_most_one_trip", "wasted_trips",
        "window_visits", "wait_mean_min", "wait_p50_min", "wait_p90_min", "wait_p99_min", "lead_time_mean_days",
        "citizen_hours", "staff_hours", "items_share_at_most_one_trip", "licensing_items_share_zero_trip",
        "trips_documents", "trips_submission", "trips_collection", "trips_hometown", "kiosk_visits",
        "bundled_applications", "share_window", "share_kiosk", "share_web", "share_mobile",
        "wait_hours", "travel_hours", "form_hours", "adoption_start", "adoption_end", "needs_completed", "needs_open",
        "trips_city_year", "citizen_hours_city_year",
        "applications_0_trips", "applications_1_trip", "applications_2_trips", "applications_3plus_trips",
        "seniors_trips_per_application", "seniors_share_zero_trip", "seniors_wait_mean_min", "seniors_citizen_hours_city_year",
        "non_adopters_trips_per_application", "non_adopters_share_zero_trip", "non_adopters_wait_mean_min",
        "non_adopters_citizen_hours_city_year",
        "applications_per_need", "incomplete_findings", "form_min_per_form", "service_mean_min", "wait_per_multi_department_application_min",
        "wait_mean_min_community", "wait_mean_min_street", "wait_mean_min_district", "wait_mean_min_city",
    ]

    /// The metrics of one replication by column name (numbers only), for summaries and comparisons.
    public static func metrics(_ r: RunResult) -> [String: Double] {
        let t = r.tally
        let completed = Double(t[.completed])
        func per(_ a: Int64, _ b: Double) -> Double { b > 0 ? Double(a) / b : .nan }
        let adoptedEnd = r.initialAdopters + Int(t[.adoptions])
        var levels: [String: Double] = [:]
        for level in HallLevel.allCases { levels["wait_mean_min_\(level.key)"] = .nan }
        for w in r.levelWaits where w.served > 0 { levels["wait_mean_min_\(w.level)"] = w.waitMeanMin }
        let mechanisms: [String: Double] = [
            "applications_per_need": per(t[.applications], Double(t[.needs])),
            "incomplete_findings": Double(t[.incompleteFindings]),
            "form_min_per_form": per(t[.formMs], Double(t[.forms]) * 60_000),
            "service_mean_min": per(t[.serviceMs], Double(t[.servedVisits]) * 60_000),
            "wait_per_multi_department_application_min": per(t[.multiDepartmentWaitMs], Double(t[.multiDepartmentCompleted]) * 60_000),
        ]
        let base: [String: Double] = [
            "residents": Double(r.residents), "businesses": Double(r.businesses), "needs": Double(t[.needs]),
            "applications": Double(t[.applications]), "completed": completed, "open": Double(r.openApplications),
            "trips": Double(t[.trips]), "trips_per_need": per(t[.trips], Double(t[.completedNeeds])),
            "trips_per_application": per(t[.trips], completed), "share_zero_trip": per(t[.zeroTrip], completed),
            "share_at_most_one_trip": per(t[.atMostOneTrip], completed), "wasted_trips": Double(t[.wastedTrips]),
            "window_visits": Double(t[.windowVisits]), "wait_mean_min": r.waitMeanMin, "wait_p50_min": r.waitP50Min,
            "wait_p90_min": r.waitP90Min, "wait_p99_min": r.waitP99Min,
            "lead_time_mean_days": per(t[.leadDays], completed),
            "citizen_hours": Double(t[.waitMs] + t[.travelMs] + t[.serviceMs] + t[.formMs]) / 3_600_000,
            "staff_hours": Double(t[.staffMs]) / 3_600_000,
            "items_share_at_most_one_trip": r.policy.itemsShareAtMostOneTrip,
            "licensing_items_share_zero_trip": r.policy.licensingItemsShareZeroTrip(r.catalog),
            "trips_documents": Double(t[.documentTrips]), "trips_submission": Double(t[.submissionTrips]),
            "trips_collection": Double(t[.collectionTrips]), "trips_hometown": Double(t[.hometownTrips]),
            "kiosk_visits": Double(t[.kioskVisits]), "bundled_applications": Double(t[.bundledApplications]),
            "wait_hours": Double(t[.waitMs]) / 3_600_000, "travel_hours": Double(t[.travelMs]) / 3_600_000,
            "form_hours": Double(t[.formMs]) / 3_600_000,
            "adoption_start": Double(r.initialAdopters) / Double(max(1, r.agents)),
            "adoption_end": Double(adoptedEnd) / Double(max(1, r.agents)),
            "needs_completed": Double(t[.completedNeeds]), "needs_open": Double(r.openNeeds),
            "applications_0_trips": Double(t[.trips0]), "applications_1_trip": Double(t[.trips1]),
            "applications_2_trips": Double(t[.trips2]), "applications_3plus_trips": Double(t[.trips3Plus]),
        ]
        var channels: [String: Double] = [:]
        for c in Channel.allCases { channels["share_\(c.key)"] = per(t.completed(on: c), completed) }
        return base.merging(channels) { a, _ in a }.merging(cityYear(r)) { a, _ in a }.merging(equity(r)) { a, _ in a }
            .merging(mechanisms) { a, _ in a }.merging(levels) { a, _ in a }
    }

    /// Trips and citizen-hours scaled to the whole city and a year (for "avoided" and "saved" per year).
    static func cityYear(_ r: RunResult) -> [String: Double] {
        let t = r.tally
        let factor = 365 / Double(r.scenario.days) / r.scenario.scale
        return [
            "trips_city_year": Double(t[.trips]) * factor,
            "citizen_hours_city_year": Double(t[.waitMs] + t[.travelMs] + t[.serviceMs] + t[.formMs]) / 3_600_000 * factor,
        ]
    }

    /// The equity view: seniors and agents without digital adoption (at the start of their application).
    static func equity(_ r: RunResult) -> [String: Double] {
        let t = r.tally
        let factor = 365 / Double(r.scenario.days) / r.scenario.scale
        var out: [String: Double] = [:]
        for (prefix, members) in [("seniors", (0..<Segment.count).filter(Segment.isSenior)),
                                  ("non_adopters", (0..<Segment.count).filter(Segment.isNonAdopter))] {
            func sum(_ f: Tally.SegmentField) -> Double { Double(members.reduce(Int64(0)) { $0 + t.segment($1, f) }) }
            let done = sum(.completed)
            out["\(prefix)_trips_per_application"] = done > 0 ? sum(.trips) / done : .nan
            out["\(prefix)_share_zero_trip"] = done > 0 ? sum(.zeroTrip) / done : .nan
            out["\(prefix)_wait_mean_min"] = sum(.servedVisits) > 0 ? sum(.servedWaitMs) / 60_000 / sum(.servedVisits) : .nan
            out["\(prefix)_citizen_hours_city_year"] = sum(.citizenMs) / 3_600_000 * factor
        }
        return out
    }

    public static func summaryRow(_ r: RunResult, replication: Int) -> [String] {
        let m = metrics(r)
        let integers: Set<String> = ["residents", "businesses", "needs", "applications", "completed", "open", "trips",
                                     "wasted_trips", "window_visits", "trips_documents", "trips_submission",
                                     "trips_collection", "trips_hometown", "kiosk_visits", "bundled_applications",
                                     "needs_completed", "needs_open", "applications_0_trips", "applications_1_trip",
                                     "applications_2_trips", "applications_3plus_trips", "incomplete_findings"]
        let hours: Set<String> = ["citizen_hours", "staff_hours", "wait_hours", "travel_hours", "form_hours", "trips_city_year",
                                  "citizen_hours_city_year", "seniors_citizen_hours_city_year", "non_adopters_citizen_hours_city_year"]
        return summaryHeader.map { key in
            switch key {
            case "scenario": return r.scenario.name
            case "replication": return String(replication)
            case "seed": return String(r.scenario.seed)
            default:
                let v = m[key] ?? .nan
                if integers.contains(key) { return String(Int64(v)) }
                if hours.contains(key) { return Format.number(v, 1) }
                if key.hasSuffix("_min") || key.hasSuffix("_days") { return Format.number(v, 3) }
                return Format.number(v, 6)
            }
        }
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
                                     "share_zero_trip", "wait_mean_min", "citizen_hours"])
        let t = r.tally
        func row(_ name: String, _ members: [Int]) {
            func sum(_ f: Tally.SegmentField) -> Int64 { members.reduce(0) { $0 + t.segment($1, f) } }
            let done = sum(.completed)
            table.append([name, String(members.reduce(0) { $0 + r.segmentAgents[$1] }), String(sum(.applications)),
                          String(done), Format.ratio(sum(.trips), done), Format.ratio(sum(.zeroTrip), done),
                          Format.minutes(sum(.servedWaitMs), per: sum(.servedVisits)), Format.hours(sum(.citizenMs))])
        }
        for s in 0..<Segment.count { row(Segment.names[s], [s]) }
        row("all_seniors", (0..<Segment.count).filter(Segment.isSenior))
        row("all_non_adopters", (0..<Segment.count).filter(Segment.isNonAdopter))
        row("all", Array(0..<Segment.count))
        return table
    }

    public static func byDistrict(_ r: RunResult) -> CSVTable {
        var table = CSVTable(header: ["district", "name_zh", "residents", "businesses", "applications", "completed",
                                     "trips_per_application", "wait_mean_min"])
        let t = r.tally
        for (d, district) in r.districts.enumerated() {
            let done = t.district(d, .completed)
            table.append([district.nameEn, district.nameZh, String(r.districtAgents[d].residents),
                          String(r.districtAgents[d].businesses), String(t.district(d, .applications)), String(done),
                          Format.ratio(t.district(d, .trips), done),
                          Format.minutes(t.district(d, .servedWaitMs), per: t.district(d, .servedVisits))])
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
                                     "wait_mean_min", "adoption_online"])
        let t = r.tally
        var adopted = Int64(r.initialAdopters)
        for d in 0..<r.scenario.days {
            adopted += t.day(d, .adoptions)
            table.append([String(d + 1), r.calendar.date(d).description, r.calendar.isWorking(d) ? "1" : "0",
                          String(t.day(d, .needs)), String(t.day(d, .submissions)), String(t.day(d, .completions)),
                          String(t.day(d, .windowVisits)), Format.minutes(t.day(d, .servedWaitMs), per: t.day(d, .servedVisits)),
                          Format.number(Double(adopted) / Double(max(1, r.agents)), 6)])
        }
        return table
    }
}
