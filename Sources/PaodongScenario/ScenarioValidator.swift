import PaodongModel

/// Cross-field checks that no single key can make: shares that must sum to one, counts that
/// must fit the catalog, demand that life events must not exceed. Runs once, reports all.
struct ScenarioValidator {
    let root: SourceNode
    let log: IssueLog
    /// The keys the validator may name: the scenario's, with its registry's reforms.
    let schema: Parameter.Schema

    /// The node of a declared key or section, or of its nearest parent present in the file (an
    /// optional key may be absent). An undeclared path is a programmer error: a misspelt path
    /// would point the user at the wrong line.
    private func node(_ path: String) -> SourceNode {
        precondition(schema.isDeclared(path), "the validator names '\(path)', which is not declared in its schema")
        return root.nearest(path)
    }

    private func check(_ ok: Bool, _ path: String, _ message: @autoclosure () -> String) {
        if !ok { log.add(node(path), path, message()) }
    }

    func validate(_ p: Scenario.Parameters, tables: DataTables) {
        let tolerance = 1e-6
        let ageSum = p.population.ageShares.reduce(0, +)
        check(abs(ageSum - 1) < tolerance, "population.age_shares", "shares sum to \(ageSum); they must sum to 1")
        let foreignAgeSum = p.population.foreignAgeShares.reduce(0, +)
        check(abs(foreignAgeSum - 1) < tolerance, "population.foreign_age_shares", "shares sum to \(foreignAgeSum); they must sum to 1")
        if let permits = p.demand.foreignPermits {
            check(permits.items.count == 2, "demand.foreign_permits.items",
                  "\(permits.items.count) items given; allowed: exactly two, the work permit's and then the residence permit's")
            check(permits.items.count != 2 || permits.items[0] != permits.items[1], "demand.foreign_permits.items",
                  "'\(permits.items.first ?? "")' is named twice; the two permits are two different items")
        }
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
        // A holiday in a year the run covers may lie outside its days (a shipped year's list with
        // `--set days=30`): those after the last day still count for due dates beyond it. One in
        // another year is taken for a typo.
        let lastDay = p.startDate.adding(days: p.days - 1)
        for h in p.holidays {
            check(h.year >= p.startDate.year && h.year <= lastDay.year, "holidays",
                  "holiday \(h) is in no year of the simulated days \(p.startDate) … \(lastDay); allowed: dates of "
                  + (p.startDate.year == lastDay.year ? "\(lastDay.year)" : "\(p.startDate.year)–\(lastDay.year)"))
        }
        // Life events carry part of the demand; the single needs carry the rest, which must not be negative.
        for audience in Audience.allCases {
            let rate = audience == .personal ? p.demand.needsPerResidentYear : p.demand.needsPerBusinessYear
            let eventNeeds = tables.lifeEvents.filter { $0.audience == audience }.reduce(0) { $0 + $1.ratePerAgentYear * Double($1.items.count) }
            let key = audience == .personal ? "demand.needs_per_resident_year" : "demand.needs_per_business_year"
            check(eventNeeds <= rate + tolerance, key,
                  "life events alone give \(eventNeeds) needs per agent-year, more than the \(rate) allowed")
        }
        for level in HallLevel.allCases {
            guard let set = p.halls.levels[level.rawValue].windowsByDistrict else { continue }
            for (d, district) in tables.districts.enumerated() where set[d] < 1 {
                check(district.halls(of: level, isCityHallDistrict: d == p.halls.cityDistrict) == 0, "halls.levels.\(level.key).windows_by_district",
                      "\(district.nameEn) (row \(d + 1) of the districts table) has \(level.key) halls but 0 windows; allowed: at least 1")
            }
        }
        for level in HallLevel.allCases { validateGroupRows(level, p, tables); validateOwnWindows(level, p, tables) }
        check(p.halls.opening.allSatisfy { $0.end <= 1440 }, "halls.opening", "periods must end by 24:00")
        check(p.scale * Double(p.population.residents + p.population.businesses) <= 2e9, "scale",
              "more than 2,000,000,000 agents after scaling")
    }

    /// `windows_by_group` of `level`: each group a department of the table or `shared`, only in
    /// districts that have halls of the level, and the rows' sum equal to `windows_by_district`
    /// where both are given. Errors name the row (its district and group).
    func validateGroupRows(_ level: HallLevel, _ p: Scenario.Parameters, _ tables: DataTables) {
        let lp = p.halls.levels[level.rawValue]
        guard let rows = lp.windowsByGroup else { return }
        let path = "halls.levels.\(level.key).windows_by_group"
        let ids = tables.departments.map(\.id)
        for (i, row) in rows.enumerated() {
            let district = tables.districts[row.district]
            check(row.group == WindowGroupRow.shared || ids.contains(row.group), path,
                  "row \(i + 1) (\(district.nameEn)): unknown group '\(row.group)'; allowed: shared or a department id (\(ids.joined(separator: ", ")))")
        }
        for (d, district) in tables.districts.enumerated() {
            let own = lp.groupRows(district: d)
            guard !own.isEmpty else { continue }
            check(district.halls(of: level, isCityHallDistrict: d == p.halls.cityDistrict) > 0, path, "\(district.nameEn) has rows but no \(level.key) halls")
            let sum = own.reduce(0) { $0 + $1.windows }
            if let set = lp.windowsByDistrict {
                check(set[d] == sum, path, "\(district.nameEn)'s groups sum to \(sum) windows but windows_by_district gives it \(set[d]); they must agree")
            }
        }
    }

    /// `own_windows` of `level`: each department of the table, and not beside `windows_by_group`
    /// (a planner's groups already say which windows a department has).
    func validateOwnWindows(_ level: HallLevel, _ p: Scenario.Parameters, _ tables: DataTables) {
        let lp = p.halls.levels[level.rawValue]
        guard let rows = lp.ownWindows else { return }
        let path = "halls.levels.\(level.key).own_windows"
        let ids = tables.departments.map(\.id)
        for (i, row) in rows.enumerated() {
            check(ids.contains(row.department), path,
                  "row \(i + 1): unknown department '\(row.department)'; allowed: \(ids.joined(separator: ", "))")
        }
        check(lp.windowsByGroup == nil, path,
              "given with windows_by_group at the same level; allowed: one of them (a windows_by_group row for the department gives it windows of its own)")
    }

    /// Checks each reform against the generated catalog (`Reform.check(against:reforms:_:)`): a
    /// size larger than the items a reform may reach, an unknown id, or a named item the reform
    /// cannot reach, located at the reform's key.
    func validate(_ reforms: Reforms, against catalog: Catalog) {
        for reform in reforms.all {
            reform.check(against: catalog, reforms: reforms, SectionChecks(validator: self, section: "reforms.\(type(of: reform).key)"))
        }
    }

    /// The foreign residents' permits against the generated catalog: both items known, the issued
    /// certificate a type the second item asks for; and `reforms.merged_services`, when enabled,
    /// merging exactly these two items (it acts on the permit needs, the only needs for both).
    func validateForeignPermits(_ p: Scenario.Parameters, against catalog: Catalog) {
        let itemIndex = catalog.itemIndexByID()
        if let permits = p.demand.foreignPermits, permits.items.count == 2 {
            let path = "demand.foreign_permits.items"
            for id in permits.items {
                check(itemIndex[id] != nil, path, catalog.unknownItem(id))
            }
            let certificate = catalog.certificates.firstIndex { $0.id == permits.issuedCertificate }
            check(certificate != nil, "demand.foreign_permits.issued_certificate",
                  "unknown certificate type '\(permits.issuedCertificate)'; allowed: the ids of the certificates table or generated ids")
            if let c = certificate, let second = itemIndex[permits.items[1]] {
                check(catalog.items[second].certificates.contains(c), "demand.foreign_permits.issued_certificate",
                      "'\(permits.issuedCertificate)' is not among the certificates item \(permits.items[1]) asks for (\(catalog.items[second].certificates.map { catalog.certificates[$0].id }.joined(separator: ", ")))")
            }
        }
        if let merged = p.reforms[MergedServices.self], merged.enabled {
            let pair = p.demand.foreignPermits?.items
            check(pair != nil, "reforms.merged_services.items", "demand.foreign_permits is absent: the merge acts on the foreign residents' permit needs, the only needs for both items")
            if let pair {
                check(pair == merged.items, "reforms.merged_services.items",
                      "[\(merged.items.joined(separator: ", "))] merged, but the permit needs are for [\(pair.joined(separator: ", "))] (demand.foreign_permits.items); they must be the same two items in the same order")
            }
        }
    }

    /// A reform's checks, its keys located under its section.
    private struct SectionChecks: ReformChecks {
        let validator: ScenarioValidator
        let section: String
        func check(_ ok: Bool, _ key: String, _ message: @autoclosure () -> String) {
            validator.check(ok, "\(section).\(key)", message())
        }
    }
}
