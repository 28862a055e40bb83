import PaodongModel

// Every key of a scenario file, declared once: path, type and range, unit, meaning (a reform's keys
// in the reform's own file). The values and
// their sources live in Scenarios/ (shenzhen-2020.yaml is the reference city); docs/parameters.md
// is generated from this list (`paodong validate --explain`).

extension Parameter {
    private static let ages = AgeBand.allCases.map(\.key)
    private static let levels = HallLevel.allCases.map(\.key)
    private static let itemLevels = [HallLevel.community, .street, .district].map(\.key)
    private static let channels = Channel.allCases.map(\.key)

    /// Every declared key with `registry`'s reforms (each declared in its own file under
    /// PaodongModel's `Reforms/`), in the order of the reference.
    public static func all(_ registry: ReformRegistry = .standard) -> [Parameter] {
        run + data + population + demand + catalog + halls + kiosks + process + behaviour + registry.parameters + hotline + screening
    }

    static let run: [Parameter] = [
        Parameter("extends", .text, required: false, fallback: "none",
                  doc: "A parent scenario (relative to this file) whose keys this file overrides, mapping by mapping."),
        Parameter("name", .text, doc: "The scenario's name in reports and output folders."),
        Parameter("description", .text, doc: "One line for the reader."),
        Parameter("seed", .integer(0...Int(Int64.max)), doc: "Seed of replication 1; replication r runs on seed + r − 1."),
        Parameter("days", .integer(1...3660), unit: "days", doc: "Simulated days from `start_date`."),
        Parameter("start_date", .date, doc: "First simulated day."),
        Parameter("holidays", .dates, required: false, fallback: "none",
                  doc: "Public holidays, dates of the years the simulated days cover: halls are closed on those among the simulated days (weekends always are); those after the last day count for due dates beyond it."),
        Parameter("scale", .number(1e-6...1), allowed: "a number above 0 and at most 1 (use --scale to enlarge)",
                  doc: "Share of the population simulated; levels with less than one hall keep full-size halls with background visits."),
    ]

    static let data: [Parameter] = [
        Parameter("data.districts", .text, doc: "CSV of districts: names, census residents (10,000s), streets, communities."),
        Parameter("data.departments", .text, doc: "CSV of departments and their weights."),
        Parameter("data.certificates", .text, doc: "CSV of named certificate types with usage weights; the Zipf tail is generated."),
        Parameter("data.items", .text, doc: "CSV of named high-volume items; the rest of the catalog is generated."),
        Parameter("data.life_events", .text, doc: "CSV of life events (一件事): items that arise together, with rates."),
    ]

    static let population: [Parameter] = [
        Parameter("population.residents", .integer(0...2_000_000_000), unit: "people", doc: "Residents of the city at scale 1."),
        Parameter("population.businesses", .integer(0...2_000_000_000), unit: "businesses", doc: "Businesses (商事主体) at scale 1."),
        Parameter("population.enterprise_share", .share, doc: "Share of businesses that are enterprises (the rest are individual businesses)."),
        Parameter("population.age_shares.<age>", .share, each: ages, doc: "Share of residents in the age band (child 0–14, adult, senior 60+); the three sum to 1."),
        Parameter("population.registered_share", .share,
                  doc: "Share of residents with local household registration (户籍); the others make hometown trips for hometown items."),
        Parameter("population.digital_adoption.<age>", .share, each: ages, doc: "Share of the age band using online channels at the start."),
        Parameter("population.business_digital_adoption", .share, doc: "Share of businesses using online channels at the start."),
        Parameter("population.foreign_share", .share, required: false, fallback: "0",
                  doc: "Share of residents who are foreign nationals (reported as `foreign`; never sent to a hukou office)."),
        Parameter("population.foreign_age_shares.<age>", .share, each: ages, required: false, fallback: "age_shares",
                  doc: "Share of foreign residents in the age band; the three sum to 1."),
    ]

    static let demand: [Parameter] = [
        Parameter("demand.needs_per_resident_year", .number(0...100), unit: "needs/year",
                  doc: "Needs per resident and year, life events included."),
        Parameter("demand.needs_per_business_year", .number(0...100), unit: "needs/year",
                  doc: "Needs per business and year, life events included."),
        Parameter("demand.monthly_profile", .numbers(count: 12, 0...1e6), doc: "Relative demand of each month, January first."),
        Parameter("demand.foreign_permits.per_foreign_resident_year", .number(0...100), unit: "needs/year",
                  doc: "Permit needs (new or renewed: both items) per foreign resident and year, beyond the resident's other needs; the section is optional (absent: none)."),
        Parameter("demand.foreign_permits.items", .ids,
                  doc: "The work permit's item, then the work-type residence permit's, whose application asks for the first's certificate: two different items of the catalog."),
        Parameter("demand.foreign_permits.issued_certificate", .text,
                  doc: "The certificate type the first item issues and the second asks for (brought on paper unless reforms.merged_services shares it)."),
    ]

    static let catalog: [Parameter] = [
        Parameter("catalog.items", .integer(1...200_000), unit: "items", doc: "Service items in the catalog, the named ones included."),
        Parameter("catalog.seed", .integer(0...Int(Int64.max)), doc: "The catalog generator's seed: the catalog is data, the same in every replication."),
        Parameter("catalog.personal_share", .share, doc: "Share of generated items serving residents (the rest serve businesses)."),
        Parameter("catalog.licensing_share", .share, doc: "Share of generated items that are licensing (行政许可) items."),
        Parameter("catalog.department_count_weights", .numbers(count: 4, 0...1e6),
                  doc: "Relative weights of items involving 1, 2, 3 and 4 departments."),
        Parameter("catalog.colocated_probability", .share,
                  doc: "Probability that a further department of an item sits in the lead hall (else a trip to the level above)."),
        Parameter("catalog.items_by_level.<level>", .integer(0...1_000_000), unit: "items", each: itemLevels,
                  doc: "Items whose lowest level is this one; the rest are city items."),
        Parameter("catalog.level_volume_shares.<level>", .share, each: levels, doc: "Share of demand for items of this level; the four sum to 1."),
        Parameter("catalog.certificate_types", .integer(1...100_000), unit: "types", doc: "Certificate types, the named ones included."),
        Parameter("catalog.certificate_zipf_exponent", .number(0...10), doc: "Zipf exponent of certificate use over types."),
        Parameter("catalog.certificates_per_item_mean", .number(0...64), unit: "certificates",
                  doc: "Mean certificates an item asks for (Poisson, capped at `certificates_per_item_max`)."),
        Parameter("catalog.certificates_per_item_max", .integer(0...64), unit: "certificates",
                  doc: "Most certificates a generated item asks for."),
        Parameter("catalog.demand_zipf_exponent", .number(0...10), doc: "Zipf exponent of demand over generated items."),
        Parameter("catalog.complexity_weights", .numbers(count: 5, 0...1e6), doc: "Relative weights of form complexity 1…5."),
        Parameter("catalog.physical_presence_share", .share, doc: "Share of items that need the applicant in person (biometrics, a first ID card)."),
        Parameter("catalog.physical_result_share", .share, doc: "Share of items ending in a paper licence or card to collect."),
        Parameter("catalog.hometown_share", .share, doc: "Share of personal items that need the hometown (户籍) office."),
        Parameter("catalog.review_factor_cv", .number(0...10), doc: "Coefficient of variation of an item's review time around the mean."),
        Parameter("catalog.service_factor_cv", .number(0...10), doc: "Coefficient of variation of an item's window time around the mean."),
        Parameter("catalog.generated_life_events", .integer(0...100_000), unit: "events", doc: "Life events generated beyond the named ones."),
        Parameter("catalog.generated_event_size", .numbers(count: 2, 2...6), unit: "items", doc: "Smallest and largest items of a generated life event."),
        Parameter("catalog.generated_event_demand_share", .share,
                  doc: "A generated event's rate as a share of the single-need rate of its least-demanded item."),
    ]

    static let halls: [Parameter] = [
        Parameter("halls.window_allocation", .choice(HallParameters.WindowAllocation.allCases.map(\.rawValue)),
                  doc: "How a level's windows are shared among its halls: by residents served, or equally."),
        Parameter("halls.levels.<level>.windows_per_hall", .integer(1...10_000), unit: "windows", each: levels,
                  doc: "Windows per hall of the level at scale 1 (the average, with allocation by residents)."),
        Parameter("halls.levels.<level>.windows_by_district", .numbers(count: nil, 0...10_000), unit: "windows", each: levels,
                  required: false, fallback: "windows_per_hall shared by window_allocation",
                  doc: "Windows of each hall of the level in each district, one whole number per row of the districts table (a district without halls of the level: any, e.g. 0); replaces windows_per_hall and window_allocation for the level."),
        Parameter("halls.levels.<level>.windows_by_group", .mappings, each: levels, required: false, fallback: "groups by halls.group_allocation",
                  doc: "Window groups of the level's halls in named districts, one row per group: {district, group, windows}. `group` is a department id (its own windows) or `shared` (where every department not named is served; without it they join the last row's group). A district's halls then have the rows' sum of windows (windows_by_district, where given, must equal it); under one_window they pool them."),
        Parameter("halls.levels.<level>.windows_by_group.district", .text, each: levels, doc: "The district (English or Chinese name)."),
        Parameter("halls.levels.<level>.windows_by_group.group", .text, each: levels, doc: "A department id of the departments table, or `shared`."),
        Parameter("halls.levels.<level>.windows_by_group.windows", .integer(1...10_000), unit: "windows", each: levels,
                  doc: "Windows of the group in each hall of the level in the district."),
        Parameter("halls.levels.<level>.own_windows", .mappings, each: levels, required: false, fallback: "no department keeps windows of its own",
                  doc: "Departments that keep windows of their own in every hall of the level, one row each: {department, windows}. Each is a window group added to the hall serving that department's items, outside the one-window pool (or the departmental groups), such as the foreign-experts and exit-entry police windows; reforms.merged_services joins them. Not with windows_by_group at the same level."),
        Parameter("halls.levels.<level>.own_windows.department", .text, each: levels, doc: "A department id of the departments table."),
        Parameter("halls.levels.<level>.own_windows.windows", .integer(1...10_000), unit: "windows", each: levels,
                  doc: "The department's windows in each hall of the level, added to the hall's others."),
        Parameter("halls.levels.<level>.travel_min", .number(0...10_000), unit: "minutes", each: levels,
                  doc: "Travel minutes of one trip to a hall of the level, door to door and back."),
        Parameter("halls.levels.<level>.group_allocation", .choice(HallParameters.GroupAllocation.allCases.map(\.rawValue)),
                  each: levels, required: false, fallback: "halls.group_allocation",
                  doc: "This level's window-group allocation, where it differs from the halls' one."),
        Parameter("halls.city_hall_district", .text, doc: "District (English or Chinese name) of the city hall."),
        Parameter("halls.opening", .periods, doc: "Opening periods of every hall on working days."),
        Parameter("halls.arrival_profile", .hourlyProfile, doc: "Relative walk-in arrivals in each opening hour."),
        Parameter("halls.overtime_min", .number(0...600), unit: "minutes", doc: "Minutes the windows keep serving after closing for those already in line."),
        Parameter("halls.patience_mean_min", .number(1e-3...1e6), unit: "minutes", noneAllowed: true,
                  doc: "Mean patience of a walk-in in line (exponential); `none`: infinite."),
        Parameter("halls.ticket_cap_per_window", .integer(1...100_000), unit: "tickets", noneAllowed: true,
                  doc: "Tickets per window per opening period; `none`: no cap."),
        Parameter("halls.window_service_mean_min", .number(1e-3...1440), unit: "minutes", doc: "Mean window minutes of an item (the whole item's work)."),
        Parameter("halls.window_service_cv", .number(0...10), doc: "Coefficient of variation of window service (lognormal)."),
        Parameter("halls.collection_service_mean_min", .number(1e-3...1440), unit: "minutes", doc: "Mean minutes to hand over a result at the window."),
        Parameter("halls.closed_day_spread_days", .integer(1...30), unit: "working days",
                  doc: "Needs of closed days go to a hall on one of this many working days from the next one."),
        Parameter("halls.group_allocation", .choice(HallParameters.GroupAllocation.allCases.map(\.rawValue)),
                  doc: "How a departmental hall's windows are shared among department groups: by expected load, or by the departments' staffing weights."),
        Parameter("halls.group_min_windows", .number(0...10_000), unit: "windows",
                  doc: "A department gets its own window group at a hall when its expected load is worth at least this many windows; the others share one group."),
    ]

    static let kiosks: [Parameter] = [
        Parameter("kiosks.count", .integer(0...1_000_000), unit: "kiosks", doc: "Self-service kiosks in the city at scale 1, pooled by district."),
        Parameter("kiosks.service_mean_min", .number(1e-3...1440), unit: "minutes", doc: "Mean kiosk minutes per item."),
        Parameter("kiosks.service_cv", .number(0...10), doc: "Coefficient of variation of kiosk service (lognormal)."),
        Parameter("kiosks.travel_min", .number(0...10_000), unit: "minutes", doc: "Travel minutes of one trip to a kiosk, there and back."),
        Parameter("kiosks.opening", .periods, doc: "Opening periods of kiosks."),
        Parameter("kiosks.open_weekends", .flag, doc: "Whether kiosks open on weekends and holidays."),
    ]

    static let process: [Parameter] = [
        Parameter("process.lack_copy_probability", .share,
                  doc: "Probability that the applicant lacks a paper copy of one certificate asked for (a trip to fetch it)."),
        Parameter("process.document_travel_min", .number(0...10_000), unit: "minutes", doc: "Travel minutes of a trip to fetch a certificate."),
        Parameter("process.form_min_per_complexity", .number(0...1440), unit: "minutes", doc: "Form minutes per unit of form complexity (1…5) on the web or at a kiosk."),
        Parameter("process.mobile_form_factor", .number(0...10), doc: "Form time on the app relative to the web."),
        Parameter("process.incomplete_per_complexity", .number(0...0.2), allowed: "a number from 0 to 0.2 (complexity 5 must stay a probability)",
                  doc: "Probability per unit of complexity that pre-review finds the material incomplete (补正)."),
        Parameter("process.document_incomplete_share", .share,
                  doc: "Part of the incomplete probability that certificates cause, removed in proportion to those pulled electronically."),
        Parameter("process.approval_mean_days", .number(0...365), unit: "working days", doc: "Mean review days of an item (gamma); 0 decides at once."),
        Parameter("process.approval_shape", .number(0.01...100), doc: "Gamma shape of review days."),
        Parameter("process.hometown_travel_min", .number(0...10_000), unit: "minutes", doc: "Travel minutes of a trip to the hometown office."),
        Parameter("process.retry_delay_days", .integer(1...60), unit: "days", doc: "Days before a failed visit is retried (on the next working day from then)."),
    ]

    static let behaviour: [Parameter] = [
        Parameter("behaviour.channel_constants.<channel>", .number(-50...50), each: channels,
                  doc: "Alternative-specific constant of the channel in the logit choice, for adults."),
        Parameter("behaviour.senior_online_shift", .number(-50...50), doc: "Added to the online channels' utility for seniors."),
        Parameter("behaviour.business_online_shift", .number(-50...50), doc: "Added to the online channels' utility for businesses."),
        Parameter("behaviour.time_coefficient_per_hour", .number(-50...0), unit: "1/hour", doc: "Utility per hour of expected time cost."),
        Parameter("behaviour.expected_wait_min", .number(0...1440), unit: "minutes", doc: "Queue wait an applicant expects at a hall when choosing."),
        Parameter("behaviour.online_experience_weight", .number(-10...10), doc: "Utility added to online channels per remembered online success (0…3)."),
        Parameter("behaviour.wasted_trip_weight", .number(-10...10), doc: "Utility added to non-window channels per remembered wasted trip (0…3)."),
        Parameter("behaviour.adoption_probability", .share, doc: "Probability that a non-adopter offered an online channel starts using it."),
        Parameter("behaviour.senior_adoption_factor", .number(0...1),
                  doc: "Multiplies `adoption_probability` for seniors."),
    ]

    static let hotline: [Parameter] = [
        Parameter("hotline.general_line_agents", .integer(0...100_000), unit: "agents",
                  doc: "Agents on duty at the peak hour on the general 12345 line. The call centre is simulated at full size whatever `scale` is."),
        Parameter("hotline.staffing_by_weekday.<weekday>", .numbers(count: 24, 0...1), each: HotlineParameters.weekdayKeys,
                  required: false, fallback: "staffing_by_hour",
                  doc: "Share of general_line_agents on duty in each hour of that weekday, midnight first (written by paodong staff: a roster by hour of the week)."),
        Parameter("hotline.staffing_by_hour", .numbers(count: 24, 0...1),
                  doc: "Share of `agents` on duty in each hour, midnight first (agents = round(agents × share)); 0 closes the line that hour."),
        Parameter("hotline.calls_by_hour", .numbers(count: 24, 0...1e6), doc: "Relative calls in each hour, midnight first (not all 0)."),
        Parameter("hotline.calls_by_weekday", .numbers(count: 7, 0...1e6), doc: "Relative background calls on each weekday, Monday first (mean taken as 1)."),
        Parameter("hotline.background_calls_per_day", .number(0...1e8), unit: "calls/day",
                  doc: "Calls a day about anything other than a modelled need (complaints, policy, epidemic questions), city-wide."),
        Parameter("hotline.consultations_per_application.<audience>", .number(0...100), unit: "calls", each: Audience.allCases.map(\.key),
                  doc: "Mean consultation calls per application opened (Poisson), answered on the call."),
        Parameter("hotline.precheck_share", .share,
                  doc: "Share of window and kiosk applications whose applicant first has the materials pre-checked by phone (and goes the next open day at the earliest)."),
        Parameter("hotline.precheck_incomplete_factor", .number(0...1),
                  doc: "Multiplies the incomplete-material probability of an application whose pre-check call was answered."),
        Parameter("hotline.appeal_share", .share, doc: "Share of applications completed after a wasted trip whose applicant appeals (诉求) on the hotline."),
        Parameter("hotline.work_order_days_mean", .number(0...365), unit: "days",
                  doc: "Mean days (exponential) from an answered appeal to its work order closed by the department."),
        Parameter("hotline.service_mean_min.<call>", .number(0.01...240), unit: "minutes", each: HotlineCall.allCases.map(\.key),
                  doc: "Mean minutes of a call of the kind (exponential)."),
        Parameter("hotline.patience_mean_min", .number(0.01...1440), unit: "minutes", doc: "Mean minutes a caller waits before hanging up (exponential)."),
        Parameter("hotline.redial_probability", .share, doc: "Probability that a caller who hung up calls again the same day."),
        Parameter("hotline.redial_delay_mean_min", .number(0.01...1440), unit: "minutes", doc: "Mean minutes (exponential) before a redial."),
        Parameter("hotline.answer_standard_sec", .number(0...3600), unit: "seconds", doc: "Calls answered within this many seconds meet the standard."),
        Parameter("hotline.surge.start_date", .date, doc: "First day of a surge of calls."),
        Parameter("hotline.surge.days", .integer(0...3660), unit: "days", doc: "Days of the surge (0: none)."),
        Parameter("hotline.surge.factor", .number(0...100), doc: "Multiplies background calls and consultations during the surge."),
        Parameter("hotline.surge.agent_factor", .number(0...100),
                  doc: "Multiplies the agents on duty on both lines during the surge (a surge roster; rounded per hour)."),
    ]

    /// The `screening` section is optional: without it there is no campaign. With it, every key is required.
    static let screening: [Parameter] = [
        Parameter("screening.district", .text, doc: "District (English name, from the districts table) whose residents are called to be sampled."),
        Parameter("screening.population_share", .share, doc: "Share of the district's residents called (the campaign runs at full size whatever `scale` is)."),
        Parameter("screening.days", .integer(1...30), unit: "days", doc: "Days over which the residents are called, in equal numbers each day."),
        Parameter("screening.sites", .integer(1...5_000), unit: "sites", doc: "Sampling sites; residents are called to them in equal numbers."),
        Parameter("screening.desks_per_site", .integer(1...1000), unit: "desks", doc: "Registration desks at a site (the first queue)."),
        Parameter("screening.stations_per_site", .integer(1...1000), unit: "stations", doc: "Sampling stations at a site (the second queue, in series)."),
        Parameter("screening.health_code", .flag, doc: "Registration by scanning the 深i您 health code (else by paper form)."),
        Parameter("screening.registration_sec.<registration>", .number(0.1...3600), unit: "seconds", each: ["health_code", "paper"],
                  doc: "Mean seconds to register a person with the health code, or on paper."),
        Parameter("screening.sampling_sec", .number(0.1...3600), unit: "seconds", doc: "Mean seconds to take a swab."),
        Parameter("screening.service_cv", .number(0...10), doc: "Coefficient of variation of registration and sampling times (lognormal)."),
        Parameter("screening.opening", .periods, doc: "The sites' opening, one period a day; service starts until its end."),
        Parameter("screening.arrivals_by_hour", .hourlyProfile, doc: "Relative arrivals in each opening hour."),
        Parameter("screening.patience_mean_min", .number(0.01...1440), unit: "minutes", doc: "Mean minutes a person waits in line before leaving (exponential)."),
        Parameter("screening.return_probability", .share,
                  doc: "Probability that someone who left (or was in line at closing) comes back the next day; the others are not sampled."),
    ]
}
