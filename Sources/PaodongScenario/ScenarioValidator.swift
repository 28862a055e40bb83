import PaodongModel

/// Cross-field checks that no single key can make: shares that must sum to one, counts that
/// must fit the catalog, demand that life events must not exceed. Runs once, reports all.
struct ScenarioValidator {
    let root: SourceNode
    let log: IssueLog

    /// The node of a declared key or section, or of its nearest parent present in the file (an
    /// optional key may be absent). An undeclared path is a programmer error: a misspelt path
    /// would point the user at the wrong line.
    private func node(_ path: String) -> SourceNode {
        precondition(Parameter.isDeclared(path), "the validator names '\(path)', which is not declared in Parameter+Catalog.swift")
        return root.nearest(path)
    }

    private func check(_ ok: Bool, _ path: String, _ message: @autoclosure () -> String) {
        if !ok { log.add(node(path), path, message()) }
    }

    func validate(_ p: Scenario.Parameters, tables: DataTables) {
        let tolerance = 1e-6
        let ageSum = p.population.ageShares.reduce(0, +)
        check(abs(ageSum - 1) < tolerance, "population.age_shares", "shares sum to \(ageSum); they must sum to 1")
        check(p.population.residents + p.population.businesses > 0, "population", "residents and businesses are both zero")
        let levelSum = p.catalog.levelVolumeShares.reduce(0, +)
        check(abs(levelSum - 1) < tolerance, "catalog.level_volume_shares", "shares sum to \(levelSum); they must sum to 1")
        check(p.demand.monthlyProfile.contains { $0 > 0 }, "demand.monthly_profile", "at least one month needs a positive weight")
        check(p.catalog.departmentCountWeights.contains { $0 > 0 }, "catalog.department_count_weights", "at least one weight must be positive")
        check(p.catalog.complexityWeights.contains { $0 > 0 }, "catalog.complexity_weights", "at least one weight must be positive")
        check(p.catalog.items >= tables.seedItems.count, "catalog.items",
              "the items table alone has \(tables.seedItems.count) items; catalog.items must be at least that")
        check(p.catalog.itemsByLevel.reduce(0, +) <= p.catalog.items, "catalog.items_by_level",
              "more items by level (\(p.catalog.itemsByLevel.reduce(0, +))) than items in the catalog (\(p.catalog.items))")
        check(p.catalog.certificateTypes >= tables.certificates.count, "catalog.certificate_types",
              "the certificates table alone has \(tables.certificates.count) types")
        check(p.halls.arrivalProfile.contains { $0 > 0 }, "halls.arrival_profile", "at least one hour needs a positive weight")
        for (i, period) in p.halls.opening.enumerated() {
            check(period.minutes >= 1, "halls.opening", "period \(i + 1) is empty")
        }
        check(!p.halls.opening.isEmpty, "halls.opening", "at least one opening period is needed")
        check(p.hotline.callsByHour.contains { $0 > 0 }, "hotline.calls_by_hour", "at least one hour needs a positive weight")
        check(p.hotline.callsByWeekday.contains { $0 > 0 }, "hotline.calls_by_weekday", "at least one weekday needs a positive weight")
        if let screening = p.screening {
            check(screening.arrivalsByHour.contains { $0 > 0 }, "screening.arrivals_by_hour", "at least one hour needs a positive weight")
        }
        check(!p.kiosks.opening.isEmpty, "kiosks.opening", "at least one opening period is needed")
        let startDay = p.startDate.dayNumber
        for h in p.holidays {
            check(h.dayNumber >= startDay && h.dayNumber < startDay + p.days, "holidays",
                  "holiday \(h) is outside the simulated days \(p.startDate) … \(p.startDate.adding(days: p.days - 1))")
        }
        // Life events carry part of the demand; the single needs carry the rest, which must not be negative.
        for audience in Audience.allCases {
            let rate = audience == .personal ? p.demand.needsPerResidentYear : p.demand.needsPerBusinessYear
            let eventNeeds = tables.lifeEvents.filter { $0.audience == audience }.reduce(0) { $0 + $1.ratePerAgentYear * Double($1.items.count) }
            let key = audience == .personal ? "demand.needs_per_resident_year" : "demand.needs_per_business_year"
            check(eventNeeds <= rate + tolerance, key,
                  "life events alone give \(eventNeeds) needs per agent-year, more than the \(rate) allowed")
        }
        if p.reforms.bundles.enabled && tables.lifeEvents.isEmpty {
            check(false, "reforms.bundles", "bundles are enabled but the life-events table is empty")
        }
        check(p.halls.opening.allSatisfy { $0.end <= 1440 }, "halls.opening", "periods must end by 24:00")
        check(p.scale * Double(p.population.residents + p.population.businesses) <= 2e9, "scale",
              "more than 2,000,000,000 agents after scaling")
    }

    /// Checks the reforms' sizes and named items against the generated catalog: a size larger than
    /// the items a reform may reach, an unknown id, or a named item the reform cannot reach.
    func validate(_ r: Reforms, against catalog: Catalog) {
        let itemByID = Dictionary(catalog.items.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        /// One count-based reform: `sizeKey` and the selection's keys `prefix`include and
        /// `prefix`added_by_volume under `path`; `ok` is the reform's eligibility.
        func items(_ path: String, _ sizeKey: String, size: Int, selection: ItemSelection, prefix: String = "",
                   ok: (Item) -> Bool, what: String, why: String) {
            let eligible = catalog.items.filter(ok).count
            check(size <= eligible, "\(path).\(sizeKey)", "\(size) items asked for, but the catalog has \(eligible) items \(what)")
            for id in selection.include {
                if let item = itemByID[id] {
                    check(ok(item), "\(path).\(prefix)include", "item '\(id)' \(why)")
                } else {
                    check(false, "\(path).\(prefix)include",
                          "unknown item '\(id)'; allowed: the ids of the items table or generated ids up to G\(String(format: "%04d", catalog.items.count))")
                }
            }
            check(selection.include.count <= size, "\(path).\(prefix)include", "\(selection.include.count) items named but the size is \(size)")
            check(selection.addedByVolume <= size, "\(path).\(prefix)added_by_volume",
                  "\(selection.addedByVolume) items added by volume but the size is \(size)")
        }
        let inPerson = "needs the applicant in person"
        items("reforms.instant_approval", "items", size: r.instantApproval.items, selection: r.instantApproval.selection,
              ok: ResolvedReforms.instantEligible, what: "that can be decided without the applicant present",
              why: "\(inPerson) and cannot be decided instantly")
        items("reforms.prefill", "items", size: r.prefill.items, selection: r.prefill.selection,
              ok: ResolvedReforms.prefillEligible, what: "that need no presence in person",
              why: "\(inPerson) and cannot be a no-sense (pre-filled, instant) item")
        items("reforms.kiosks", "items", size: r.kiosks.items, selection: r.kiosks.selection,
              ok: ResolvedReforms.kioskEligible, what: "that a kiosk can serve (no biometrics)", why: "needs biometrics, which a kiosk cannot take")
        items("reforms.kiosks", "cross_city_items", size: r.kiosks.crossCityItems, selection: r.kiosks.crossCitySelection,
              prefix: "cross_city_", ok: ResolvedReforms.kioskEligible, what: "that a kiosk can serve (no biometrics)",
              why: "needs biometrics, which a kiosk cannot take")
        if r.instantApproval.enabled && r.prefill.enabled {
            check(r.prefill.items <= r.instantApproval.items, "reforms.instant_approval.items",
                  "\(r.instantApproval.items) instant items cannot hold the \(r.prefill.items) pre-filled ones (秒报秒批一体化: pre-filled items are decided instantly)")
        }
        let eventItems = Set(catalog.lifeEvents.flatMap(\.items)).count
        check(r.bundles.items <= eventItems, "reforms.bundles.items",
              "\(r.bundles.items) items asked for, but the life events hold \(eventItems) items")
        check(r.bundles.selection.addedByVolume <= r.bundles.items, "reforms.bundles.added_by_volume",
              "\(r.bundles.selection.addedByVolume) items added by volume but the size is \(r.bundles.items)")
        let events = Set(catalog.lifeEvents.map(\.id))
        for id in r.bundles.selection.include where !events.contains(id) {
            check(false, "reforms.bundles.include",
                  "unknown life event '\(id)'; allowed: the ids of the life-events table or of generated events (E0001 …)")
        }
        check(r.eCertificates.types <= catalog.certificates.count, "reforms.e_certificates.types",
              "\(r.eCertificates.types) types asked for, but the catalog has \(catalog.certificates.count)")
    }
}
