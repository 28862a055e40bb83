import PaodongEngine
import PaodongModel

// The metrics of summary.csv, each declared once; `Metric.summary` is their column order.

extension Metric {
    /// Every summary metric in column order (after `scenario, replication, seed`).
    public static let summary: [Metric] = [
        residents, businesses, needs, applications, completed, open,
        trips, tripsPerNeed, tripsPerApplication, shareZeroTrip, shareAtMostOneTrip, wastedTrips,
        windowVisits, waitMean, waitP50, waitP90, waitP99, leadTime,
        citizenHours, staffHours, itemsShareAtMostOneTrip, licensingItemsShareZeroTrip,
        tripsDocuments, tripsSubmission, tripsCollection, tripsHometown, kioskVisits,
        bundledApplications,
    ] + channelShares + [
        waitHours, travelHours, formHours, adoptionStart, adoptionEnd, needsCompleted, needsOpen,
        tripsCityYear, citizenHoursCityYear,
        applicationsWithTrips(0), applicationsWithTrips(1), applicationsWithTrips(2), applicationsWithTrips(3),
    ] + EquityGroup.allCases.flatMap(\.metrics) + [
        applicationsPerNeed, incompleteFindings, formMinPerForm, serviceMean, waitPerMultiDepartmentApplication,
    ] + HallLevel.allCases.map(waitMean(at:)) + [
        hotlineCalls, hotlineAnswerRate, hotlineWithinStandard, hotlineWorstDayWithinStandard, hotlineAbandonRate, hotlineWaitMean,
        hotlineConsultations, hotlinePrechecks, hotlinePrechecksAnswered, hotlineFindingsAvoided, hotlineAppeals,
        hotlineWorkOrders, hotlineWorkOrderDays,
        screeningPeople, screeningSampled, screeningLost, screeningWaitHours, screeningWaitMean, screeningHoursToFinish,
        foreignPermits, foreignPermitApplicationsPerNeed, foreignPermitTripsPerNeed, foreignPermitLeadTime,
    ]

    // MARK: - Volumes

    public static let residents = Metric("residents", .agents, .integer, doc: "Residents simulated (after scaling).") { Double($0.residents) }
    public static let businesses = Metric("businesses", .agents, .integer, doc: "Businesses simulated (after scaling).") { Double($0.businesses) }
    public static let needs = Metric("needs", .needs, .integer, doc: "Needs that arose (a life event counts each of its items).") { total($0, .needs) }
    public static let applications = Metric("applications", .applications, .integer,
                                     doc: "Applications opened (a bundle is one application).") { total($0, .applications) }
    public static let completed = Metric("completed", .applications, .integer, doc: "Applications completed (result in hand).") { total($0, .completed) }
    public static let open = Metric("open", .applications, .integer, doc: "Applications still open at the end of the run.") { Double($0.openApplications) }
    public static let trips = Metric("trips", .trips, .integer, doc: "In-person trips (跑动) of completed applications.") { total($0, .trips) }
    public static let tripsPerNeed = Metric("trips_per_need", .ratio, .decimals(6), label: "trips per need", digits: 3,
                                     doc: "Trips per completed need: what a bundle saves shows here.") { per($0, .trips, .completedNeeds) }
    public static let tripsPerApplication = Metric("trips_per_application", .ratio, .decimals(6), label: "trips per application", digits: 3,
                                                   views: [.comparisonTable, .memo],
                                                   doc: "Trips per completed application.") { per($0, .trips, .completed) }
    public static let shareZeroTrip = Metric("share_zero_trip", .share, .decimals(6), label: "zero-trip share", digits: 3,
                                             views: [.comparisonTable, .memo],
                                             doc: "Completed applications with no trip (零跑动).") { per($0, .zeroTrip, .completed) }
    public static let shareAtMostOneTrip = Metric("share_at_most_one_trip", .share, .decimals(6),
                                                  label: "at-most-one-trip share", digits: 3, views: [.comparisonTable, .memo],
                                                  doc: "Completed applications with at most one trip (最多跑一次).") { per($0, .atMostOneTrip, .completed) }
    public static let wastedTrips = Metric("wasted_trips", .trips, .integer,
                                           doc: "Visits that did not move the application on (turned away, material incomplete).") { total($0, .wastedTrips) }
    public static let windowVisits = Metric("window_visits", .visits, .integer, doc: "Window-group joins at halls.") { total($0, .windowVisits) }
    public static let waitMean = Metric("wait_mean_min", .minutes, .decimals(3), label: "wait mean (min)", digits: 1,
                                        views: [.comparisonTable, .memo],
                                        doc: "Mean queue wait of served window and kiosk joins.") { $0.waitMeanMin }
    public static let waitP50 = Metric("wait_p50_min", .minutes, .decimals(3), doc: "Median queue wait of served joins.") { $0.waitP50Min }
    public static let waitP90 = Metric("wait_p90_min", .minutes, .decimals(3), label: "wait p90 (min)", digits: 1,
                                       views: [.comparisonTable, .memo], doc: "90th-percentile queue wait of served joins.") { $0.waitP90Min }
    public static let waitP99 = Metric("wait_p99_min", .minutes, .decimals(3), doc: "99th-percentile queue wait of served joins.") { $0.waitP99Min }
    public static let leadTime = Metric("lead_time_mean_days", .days, .decimals(3), label: "lead time (days)", digits: 2,
                                        views: [.comparisonTable, .memo],
                                        doc: "Mean days from the need to the result in hand.") { per($0, .leadDays, .completed) }
    public static let citizenHours = Metric("citizen_hours", .hours, .decimals(1), label: "citizen-hours", digits: 0,
                                            doc: "Hours applicants spent waiting, travelling, at the window and on forms.") { citizenMs($0) / 3_600_000 }
    public static let staffHours = Metric("staff_hours", .hours, .decimals(1), doc: "Window hours spent serving simulated visits.") { total($0, .staffMs) / 3_600_000 }
    public static let itemsShareAtMostOneTrip = Metric("items_share_at_most_one_trip", .share, .decimals(6),
                                                label: "items needing at most one trip (design)", digits: 4, views: [.memo],
                                                doc: "Items whose best channel needs at most one trip when all goes right.") {
        $0.policy.itemsShareAtMostOneTrip
    }
    public static let licensingItemsShareZeroTrip = Metric("licensing_items_share_zero_trip", .share, .decimals(6),
                                                    label: "licensing items needing no trip (design)", digits: 4, views: [.memo],
                                                    doc: "Licensing items whose best channel needs no trip.") {
        $0.policy.licensingItemsShareZeroTrip($0.catalog)
    }
    public static let tripsDocuments = Metric("trips_documents", .trips, .integer, doc: "Trips to fetch a paper certificate.") { total($0, .documentTrips) }
    public static let tripsSubmission = Metric("trips_submission", .trips, .integer,
                                        doc: "Trips to submit (window, kiosk) or to appear in person.") { total($0, .submissionTrips) }
    public static let tripsCollection = Metric("trips_collection", .trips, .integer, doc: "Trips to collect a result on paper.") { total($0, .collectionTrips) }
    public static let tripsHometown = Metric("trips_hometown", .trips, .integer, doc: "Trips to a hometown office (or a cross-city kiosk).") { total($0, .hometownTrips) }
    public static let kioskVisits = Metric("kiosk_visits", .visits, .integer, doc: "Kiosk joins.") { total($0, .kioskVisits) }
    public static let bundledApplications = Metric("bundled_applications", .applications, .integer,
                                            doc: "Applications for a bundled life event (一件事一次办).") { total($0, .bundledApplications) }
    /// `share_<channel>`: completed applications by channel, one per `Channel` case.
    public static let channelShares: [Metric] = Channel.allCases.map { c in
        Metric("share_\(c.key)", .share, .decimals(6), doc: "Completed applications submitted on the \(c.key) channel.") {
            $0.tally[.completed] > 0 ? Double($0.tally.completed(on: c)) / Double($0.tally[.completed]) : .nan
        }
    }
    public static let waitHours = Metric("wait_hours", .hours, .decimals(1), doc: "Hours in queues.") { total($0, .waitMs) / 3_600_000 }
    public static let travelHours = Metric("travel_hours", .hours, .decimals(1), doc: "Hours travelling.") { total($0, .travelMs) / 3_600_000 }
    public static let formHours = Metric("form_hours", .hours, .decimals(1), doc: "Hours filling in forms.") { total($0, .formMs) / 3_600_000 }
    public static let adoptionStart = Metric("adoption_start", .share, .decimals(6), doc: "Agents using online channels at the start.") {
        Double($0.initialAdopters) / Double(max(1, $0.agents))
    }
    public static let adoptionEnd = Metric("adoption_end", .share, .decimals(6), doc: "Agents using online channels at the end.") {
        Double($0.initialAdopters + Int($0.tally[.adoptions])) / Double(max(1, $0.agents))
    }
    public static let needsCompleted = Metric("needs_completed", .needs, .integer, doc: "Needs whose application completed.") { total($0, .completedNeeds) }
    public static let needsOpen = Metric("needs_open", .needs, .integer, doc: "Needs whose application is still open at the end.") { Double($0.openNeeds) }
    public static let tripsCityYear = Metric("trips_city_year", .trips, .decimals(1), label: "trips per year (city)", digits: 0,
                                             views: [.comparisonTable, .memo],
                                             doc: "Trips scaled to the whole city and a year.") { total($0, .trips) * cityYear($0) }
    public static let citizenHoursCityYear = Metric("citizen_hours_city_year", .hours, .decimals(1),
                                                    label: "citizen-hours per year (city)", digits: 0, views: [.comparisonTable, .memo],
                                                    doc: "Citizen-hours scaled to the whole city and a year.") {
        citizenMs($0) / 3_600_000 * cityYear($0)
    }
    /// `applications_N_trips`: completed applications by their trips (0, 1, 2, 3 or more).
    public static func applicationsWithTrips(_ n: Int) -> Metric {
        let name = ["applications_0_trips", "applications_1_trip", "applications_2_trips", "applications_3plus_trips"][n]
        return Metric(name, .applications, .integer, doc: "Completed applications with \(n == 3 ? "3 or more" : String(n)) trips.") {
            total($0, [Tally.Total.trips0, .trips1, .trips2, .trips3Plus][n])
        }
    }

    // MARK: - Mechanisms (what each reform acts through)

    public static let applicationsPerNeed = Metric("applications_per_need", .ratio, .decimals(6),
                                            doc: "Applications per need: bundles make one application of several needs.") { per($0, .applications, .needs) }
    public static let incompleteFindings = Metric("incomplete_findings", .findings, .integer,
                                           doc: "Pre-review findings of incomplete material (补正).") { total($0, .incompleteFindings) }
    public static let formMinPerForm = Metric("form_min_per_form", .minutes, .decimals(3), doc: "Minutes per form filled in (pre-fill cuts it).") {
        $0.tally[.forms] > 0 ? total($0, .formMs) / (total($0, .forms) * 60_000) : .nan
    }
    public static let serviceMean = Metric("service_mean_min", .minutes, .decimals(3), doc: "Service minutes per served visit.") {
        $0.tally[.servedVisits] > 0 ? total($0, .serviceMs) / (total($0, .servedVisits) * 60_000) : .nan
    }
    public static let waitPerMultiDepartmentApplication = Metric(
        "wait_per_multi_department_application_min", .minutes, .decimals(3),
        doc: "Queue minutes per completed application for one multi-department item (one window cuts it).") {
        $0.tally[.multiDepartmentCompleted] > 0
            ? total($0, .multiDepartmentWaitMs) / (total($0, .multiDepartmentCompleted) * 60_000) : .nan
    }
    /// `wait_mean_min_<level>`: mean wait of served joins at the halls of one level.
    public static func waitMean(at level: HallLevel) -> Metric {
        Metric("wait_mean_min_\(level.key)", .minutes, .decimals(3), doc: "Mean queue wait of served joins at \(level.key) halls.") { r in
            r.levelWaits.first { $0.level == level.key && $0.served > 0 }?.waitMeanMin ?? .nan
        }
    }

    // MARK: - The 12345 hotline (whole-city figures: the call centre runs at full size at any scale)

    public static let hotlineCalls = Metric("hotline_calls", .calls, .integer,
                                            doc: "Calls to the 12345 hotline (first attempts, all lines), the whole city's.") {
        Double($0.hotline.reduce(Int64(0)) { $0 + $1.calls.reduce(0, +) })
    }
    public static let hotlineAnswerRate = Metric("hotline_answer_rate", .share, .decimals(6), label: "hotline calls answered", digits: 3,
                                                 views: [.comparisonTable, .memo],
                                                 doc: "Calls answered (on the first attempt or a redial) per call.") { r in
        let calls = r.hotline.reduce(Int64(0)) { $0 + $1.calls.reduce(0, +) }
        return calls > 0 ? Double(r.hotline.reduce(Int64(0)) { $0 + $1.answered.reduce(0, +) }) / Double(calls) : .nan
    }
    public static let hotlineWithinStandard = Metric("hotline_within_standard", .share, .decimals(6), label: "hotline answered within standard",
                                                     digits: 3, views: [.comparisonTable, .memo],
                                                     doc: "Attempts answered within `hotline.answer_standard_sec` per attempt (redials are attempts).") { r in
        let t = hotlineTotal(r)
        return t.attempts > 0 ? Double(t.answeredWithin) / Double(t.attempts) : .nan
    }
    public static let hotlineWorstDayWithinStandard = Metric(
        "hotline_worst_day_within_standard", .share, .decimals(6), label: "hotline worst day within standard", digits: 3,
        views: [.comparisonTable], doc: "The lowest day's share of attempts answered within the standard (all lines): what a surge does.") { r in
        var worst = Double.nan
        for d in 0..<r.scenario.days {
            var day = CallCentre.PeriodCounts()
            for l in r.hotline { for h in 0..<24 { day.add(l.counts[d * 24 + h]) } }
            guard day.attempts > 0 else { continue }
            let share = Double(day.answeredWithin) / Double(day.attempts)
            if !(share >= worst) { worst = share }
        }
        return worst
    }
    public static let hotlineAbandonRate = Metric("hotline_abandon_rate", .share, .decimals(6), doc: "Attempts whose caller hung up while waiting, per attempt.") { r in
        let t = hotlineTotal(r)
        return t.attempts > 0 ? Double(t.abandoned) / Double(t.attempts) : .nan
    }
    public static let hotlineWaitMean = Metric("hotline_wait_mean_sec", .seconds, .decimals(3), doc: "Mean wait of answered attempts.") { r in
        let t = hotlineTotal(r)
        return t.answered > 0 ? Double(t.answeredWaitMs) / 1000 / Double(t.answered) : .nan
    }
    public static let hotlineConsultations = Metric("hotline_consultations", .calls, .integer,
                                                    doc: "Consultation calls made by the simulated applicants.") { total($0, .hotlineConsultations) }
    public static let hotlinePrechecks = Metric("hotline_prechecks", .calls, .integer,
                                                doc: "Pre-check calls made by simulated applicants before a window or kiosk visit.") { total($0, .hotlinePrechecks) }
    public static let hotlinePrechecksAnswered = Metric("hotline_prechecks_answered", .calls, .integer,
                                                        doc: "Pre-check calls answered: their applications' incomplete probability is cut.") {
        total($0, .hotlinePrechecksAnswered)
    }
    public static let hotlineFindingsAvoided = Metric("hotline_findings_avoided", .findings, .decimals(1),
                                                      doc: "Incomplete-material findings (each a wasted trip unless another department progressed) that answered pre-checks avoided, expected.") {
        total($0, .hotlineFindingsAvoidedMicro) / 1e6
    }
    public static let hotlineAppeals = Metric("hotline_appeals", .calls, .integer,
                                              doc: "Appeal calls by simulated applicants after a wasted trip.") { total($0, .hotlineAppeals) }
    public static let hotlineWorkOrders = Metric("hotline_work_orders", .calls, .integer,
                                                 doc: "Work orders from answered appeals, the whole city's.") { r in Double(r.hotline.reduce(Int64(0)) { $0 + $1.workOrders }) }
    public static let hotlineWorkOrderDays = Metric("hotline_work_order_days_mean", .days, .decimals(3),
                                                    doc: "Mean days from an answered appeal to its closed work order.") { r in
        let orders = r.hotline.reduce(Int64(0)) { $0 + $1.workOrders }
        return orders > 0 ? Double(r.hotline.reduce(Int64(0)) { $0 + $1.workOrderMilliDays }) / 1000 / Double(orders) : .nan
    }

    // MARK: - Health-code screening (NaN or empty without a campaign; full size at any scale)

    public static let screeningPeople = Metric("screening_people", .agents, .integer, doc: "Residents called to the screening.") {
        $0.screening.map { Double($0.people) } ?? .nan
    }
    public static let screeningSampled = Metric("screening_sampled", .agents, .integer, doc: "Residents sampled.") {
        $0.screening.map { Double($0.sampled) } ?? .nan
    }
    public static let screeningLost = Metric("screening_not_sampled", .agents, .integer,
                                             doc: "Residents who gave up and did not come back (never sampled).") {
        $0.screening.map { Double($0.lost) } ?? .nan
    }
    public static let screeningWaitHours = Metric("screening_wait_hours", .hours, .decimals(1), label: "screening: waiting hours", digits: 0,
                                                  views: [.comparisonTable, .memo], doc: "Hours waited in the screening's lines, all visits.") {
        $0.screening.map { Double($0.waitMs) / 3_600_000 } ?? .nan
    }
    public static let screeningWaitMean = Metric("screening_wait_mean_min", .minutes, .decimals(3), doc: "Mean minutes waited per visit to a site.") { r in
        guard let c = r.screening else { return .nan }
        let visits = c.counts.reduce(0) { $0 + $1.arrivals }
        return visits > 0 ? Double(c.waitMs) / 60_000 / Double(visits) : .nan
    }
    public static let screeningHoursToFinish = Metric("screening_hours_to_finish", .hours, .decimals(1), label: "screening: hours to sample all",
                                                      digits: 1, views: [.comparisonTable, .memo],
                                                      doc: "Hours from the sites' first opening to the last swab (nights included).") {
        $0.screening.map { $0.minutesToFinish / 60 } ?? .nan
    }

    // MARK: - Helpers

    static func hotlineTotal(_ r: RunResult) -> CallCentre.PeriodCounts {
        r.hotline.reduce(into: CallCentre.PeriodCounts()) { $0.add($1.total) }
    }

    // MARK: - Foreign residents' permits (demand.foreign_permits; empty without them)

    public static let foreignPermits = Metric("foreign_permits_completed", .needs, .integer,
                                       doc: "Foreign residents' permit needs with both permits (work and residence) in hand.") {
        $0.scenario.demand.foreignPermits == nil ? .nan : total($0, .permitsCompleted)
    }
    public static let foreignPermitApplicationsPerNeed = Metric(
        "foreign_permit_applications_per_need", .ratio, .decimals(6),
        doc: "Applications per permit need with both permits in hand: 2 as two services, 1 merged (merged_services).") {
        per($0, .permitApplications, .permitsCompleted)
    }
    public static let foreignPermitTripsPerNeed = Metric(
        "foreign_permit_trips_per_need", .ratio, .decimals(6), label: "foreign permits: trips per need", digits: 3,
        doc: "In-person trips for both permits, per permit need with both in hand (both applications' trips when not merged).") {
        per($0, .permitTrips, .permitsCompleted)
    }
    public static let foreignPermitLeadTime = Metric(
        "foreign_permit_lead_time_days", .days, .decimals(3), label: "foreign permits: days to both", digits: 2,
        doc: "Calendar days from a foreign resident's permit need to both permits in hand.") {
        per($0, .permitLeadDays, .permitsCompleted)
    }

    static func total(_ r: RunResult, _ f: Tally.Total) -> Double { Double(r.tally[f]) }
    static func per(_ r: RunResult, _ a: Tally.Total, _ b: Tally.Total) -> Double {
        r.tally[b] > 0 ? Double(r.tally[a]) / Double(r.tally[b]) : .nan
    }
    static func citizenMs(_ r: RunResult) -> Double {
        Double(r.tally[.waitMs] + r.tally[.travelMs] + r.tally[.serviceMs] + r.tally[.formMs])
    }
    /// Multiplies a run's count to the whole city and a year.
    static func cityYear(_ r: RunResult) -> Double { 365 / Double(r.scenario.days) / r.scenario.scale }
}

/// The equity view: seniors, agents without digital adoption (at the start of their application)
/// and foreign residents.
enum EquityGroup: CaseIterable {
    case seniors, nonAdopters, foreign

    var prefix: String {
        switch self { case .seniors: "seniors"; case .nonAdopters: "non_adopters"; case .foreign: "foreign" }
    }
    var label: String {
        switch self { case .seniors: "seniors"; case .nonAdopters: "non-adopters"; case .foreign: "foreign residents" }
    }
    var members: [Int] {
        switch self {
        case .seniors: (0..<Segment.count).filter(Segment.isSenior)
        case .nonAdopters: (0..<Segment.count).filter(Segment.isNonAdopter)
        case .foreign: (Segment.count..<Segment.slots).filter(Segment.isForeign)
        }
    }

    func sum(_ r: RunResult, _ f: Tally.SegmentField) -> Double { Double(members.reduce(Int64(0)) { $0 + r.tally.segment($1, f) }) }

    var metrics: [Metric] {
        let g = self
        return [
            Metric("\(prefix)_trips_per_application", .ratio, .decimals(6), label: "\(label): trips per application", digits: 3,
                   views: [.comparisonTable, .memo], doc: "Trips per completed application of \(label).") {
                let done = g.sum($0, .completed)
                return done > 0 ? g.sum($0, .trips) / done : .nan
            },
            Metric("\(prefix)_trips_per_need", .ratio, .decimals(6), label: "\(label): trips per need", digits: 3,
                   views: [.comparisonTable], doc: "Trips per completed need of \(label) (a bundle's or a merged application's needs share its trips).") {
                let needs = g.sum($0, .completedNeeds)
                return needs > 0 ? g.sum($0, .trips) / needs : .nan
            },
            Metric("\(prefix)_share_zero_trip", .share, .decimals(6), doc: "Completed applications of \(label) with no trip.") {
                let done = g.sum($0, .completed)
                return done > 0 ? g.sum($0, .zeroTrip) / done : .nan
            },
            Metric("\(prefix)_wait_mean_min", .minutes, .decimals(3), label: "\(label): wait mean (min)", digits: 1,
                   views: [.comparisonTable], doc: "Mean queue wait of \(label)' served visits.") {
                let visits = g.sum($0, .servedVisits)
                return visits > 0 ? g.sum($0, .servedWaitMs) / 60_000 / visits : .nan
            },
            Metric("\(prefix)_citizen_hours_city_year", .hours, .decimals(1), label: "\(label): citizen-hours per year", digits: 0,
                   views: [.comparisonTable], doc: "Citizen-hours of \(label), scaled to the whole city and a year.") {
                g.sum($0, .citizenMs) / 3_600_000 * Metric.cityYear($0)
            },
        ]
    }
}
