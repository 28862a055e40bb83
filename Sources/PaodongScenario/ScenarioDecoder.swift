import Foundation
import PaodongModel

/// Decodes the merged YAML tree into scenario parameters and reads the data tables it names, each
/// key through its declaration (`Parameter+Catalog.swift`). Every problem goes to the log; `decode`
/// returns nil if anything was wrong. Cross-field rules and the catalog are the loader's next steps.
struct ScenarioDecoder {
    let root: SourceNode
    let log: IssueLog
    /// The reforms a scenario may hold.
    var registry: ReformRegistry = .standard

    private static let levelKeys = HallLevel.allCases.map(\.key)

    func decode() throws -> (Scenario.Parameters, DataTables)? {
        let top = MappingReader(root, path: "", log: log, schema: .scenario(registry))
        let name = top.string("name") ?? ""
        let description = top.string("description") ?? ""
        let seed = UInt64(top.int("seed"))
        let days = top.int("days")
        let startDate = date(top, "start_date") ?? SimpleDate(year: 2020, month: 1, day: 1)
        let holidays = top.list("holidays").compactMap { n -> SimpleDate? in
            guard case .scalar(let s, _) = n.value, let d = SimpleDate(iso: s) else {
                log.add(n, "holidays", "expected a date YYYY-MM-DD, found \(n.kindName)")
                return nil
            }
            return d
        }
        let scale = top.double("scale")

        // Data tables first: the population and halls refer to them.
        let data = top.mapping("data")
        let tables = try DataTables.read(data, log: log)
        data.finish()

        let population = decodePopulation(top.mapping("population"))
        let demand = decodeDemand(top.mapping("demand"))
        let catalogParameters = decodeCatalog(top.mapping("catalog"))
        let halls = decodeHalls(top.mapping("halls"), districts: tables.districts)
        let kiosks = decodeKiosks(top.mapping("kiosks"))
        let process = decodeProcess(top.mapping("process"))
        let behaviour = decodeBehaviour(top.mapping("behaviour"))
        let reforms = decodeReforms(top.mapping("reforms"))
        let hotline = decodeHotline(top.mapping("hotline"))
        let screening = top.has("screening") ? decodeScreening(top.mapping("screening"), districts: tables.districts) : nil
        top.finish()
        guard log.issues.isEmpty else { return nil }

        return (Scenario.Parameters(
            name: name, description: description, seed: seed, days: days, startDate: startDate,
            holidays: holidays, scale: scale, population: population, demand: demand, catalog: catalogParameters,
            halls: halls, kiosks: kiosks, process: process, behaviour: behaviour, reforms: reforms, hotline: hotline, screening: screening), tables)
    }

    // MARK: - Sections

    func decodePopulation(_ m: MappingReader) -> PopulationParameters {
        defer { m.finish() }
        let ages = m.mapping("age_shares")
        let ageShares = AgeBand.allCases.map { ages.share($0.key) }
        ages.finish()
        let adoption = m.mapping("digital_adoption")
        let digital = AgeBand.allCases.map { adoption.share($0.key) }
        adoption.finish()
        var foreignAges: [Double]? = nil
        if m.has("foreign_age_shares") {
            let f = m.mapping("foreign_age_shares")
            foreignAges = AgeBand.allCases.map { f.share($0.key) }
            f.finish()
        }
        return PopulationParameters(
            residents: m.int("residents"), businesses: m.int("businesses"),
            enterpriseShare: m.share("enterprise_share"), ageShares: ageShares,
            registeredShare: m.share("registered_share"),
            digitalAdoption: digital, businessDigitalAdoption: m.share("business_digital_adoption"),
            foreignShare: m.has("foreign_share") ? m.share("foreign_share") : 0, foreignAgeShares: foreignAges)
    }

    func decodeDemand(_ m: MappingReader) -> DemandParameters {
        defer { m.finish() }
        var permits: ForeignPermitDemand? = nil
        if m.has("foreign_permits") {
            let f = m.mapping("foreign_permits")
            permits = ForeignPermitDemand(perForeignResidentYear: f.double("per_foreign_resident_year"), items: f.ids("items"),
                                          issuedCertificate: f.string("issued_certificate") ?? "")
            f.finish()
        }
        return DemandParameters(
            needsPerResidentYear: m.double("needs_per_resident_year"),
            needsPerBusinessYear: m.double("needs_per_business_year"),
            monthlyProfile: m.doubles("monthly_profile"), foreignPermits: permits)
    }

    func decodeCatalog(_ m: MappingReader) -> CatalogParameters {
        defer { m.finish() }
        let byLevel = m.mapping("items_by_level")
        let itemsByLevel = [HallLevel.community, .street, .district].map { byLevel.int($0.key) }
        byLevel.finish()
        let volume = m.mapping("level_volume_shares")
        let shares = HallLevel.allCases.map { volume.share($0.key) }
        volume.finish()
        return CatalogParameters(
            items: m.int("items"), seed: UInt64(m.int("seed")),
            personalShare: m.share("personal_share"), licensingShare: m.share("licensing_share"),
            departmentCountWeights: m.doubles("department_count_weights"),
            colocatedProbability: m.share("colocated_probability"), itemsByLevel: itemsByLevel,
            levelVolumeShares: shares, certificateTypes: m.int("certificate_types"),
            certificateZipfExponent: m.double("certificate_zipf_exponent"),
            certificatesPerItemMean: m.double("certificates_per_item_mean"),
            demandZipfExponent: m.double("demand_zipf_exponent"),
            complexityWeights: m.doubles("complexity_weights"),
            physicalPresenceShare: m.share("physical_presence_share"),
            physicalResultShare: m.share("physical_result_share"), hometownShare: m.share("hometown_share"),
            reviewFactorCV: m.double("review_factor_cv"), serviceFactorCV: m.double("service_factor_cv"),
            generatedLifeEvents: m.int("generated_life_events"),
            generatedEventSize: {
                let sizes = m.doubles("generated_event_size")
                return [Int(sizes[0]), Int(sizes[1])]
            }(),
            generatedEventDemandShare: m.share("generated_event_demand_share"),
            certificatesPerItemMax: m.int("certificates_per_item_max"))
    }

    func decodeHalls(_ m: MappingReader, districts: [District]) -> HallParameters {
        defer { m.finish() }
        let levelsNode = m.mapping("levels")
        var levels: [HallLevelParameters] = []
        for level in HallLevel.allCases {
            let l = levelsNode.mapping(level.key)
            let halls: Int
            switch level {
            case .community: halls = districts.reduce(0) { $0 + $1.communities }
            case .street: halls = districts.reduce(0) { $0 + $1.streets }
            case .district: halls = districts.count
            case .city: halls = 1
            }
            var byDistrict: [Int]? = nil
            if l.has("windows_by_district") {
                let values = l.doubles("windows_by_district", count: districts.count)
                if values.contains(where: { $0 != $0.rounded() }), let n = l.node("windows_by_district", required: false) {
                    log.add(n, l.keyPath("windows_by_district"), "windows must be whole numbers")
                }
                byDistrict = values.map { Int($0) }
            }
            levels.append(HallLevelParameters(halls: halls, windowsPerHall: l.int("windows_per_hall"),
                                              travelMin: l.double("travel_min"),
                                              groupAllocation: l.choice("group_allocation", fallback: nil),
                                              windowsByDistrict: byDistrict,
                                              windowsByGroup: l.has("windows_by_group") ? groupRows(l, districts: districts) : nil,
                                              ownWindows: l.has("own_windows") ? ownWindows(l) : nil))
            l.finish()
        }
        levelsNode.finish()
        let allocation = m.choice("window_allocation", fallback: HallParameters.WindowAllocation.residents)!
        var cityDistrict = 0
        if let cityName = m.string("city_hall_district") {
            if let i = districts.firstIndex(where: { $0.nameEn == cityName || $0.nameZh == cityName }) {
                cityDistrict = i
            } else if let n = m.node("city_hall_district") {
                log.add(n, m.keyPath("city_hall_district"),
                        "unknown district '\(cityName)'; allowed: \(districts.map(\.nameEn).joined(separator: ", "))")
            }
        }
        let opening = periods(m, "opening")
        let openHours = Int((Double(opening.reduce(0) { $0 + $1.minutes }) / 60).rounded(.up))
        let profile = hourlyProfile(m, "arrival_profile", openHours: openHours) ?? []
        return HallParameters(
            levels: levels, windowAllocation: allocation, cityDistrict: cityDistrict, opening: opening, arrivalProfile: profile,
            overtimeMin: m.double("overtime_min"),
            patienceMeanMin: noneOr(m, "patience_mean_min") { m.double("patience_mean_min") },
            ticketCapPerWindow: noneOr(m, "ticket_cap_per_window") { m.int("ticket_cap_per_window") },
            windowServiceMeanMin: m.double("window_service_mean_min"),
            windowServiceCV: m.double("window_service_cv"),
            collectionServiceMeanMin: m.double("collection_service_mean_min"),
            closedDaySpreadDays: m.int("closed_day_spread_days"),
            groupAllocation: m.choice("group_allocation", fallback: HallParameters.GroupAllocation.load)!,
            groupMinWindows: m.double("group_min_windows"))
    }

    /// `own_windows`: rows of {department, windows}, a department named twice reported (the
    /// department is checked against the departments table later).
    func ownWindows(_ l: MappingReader) -> [OwnWindows] {
        var rows: [OwnWindows] = []
        var seen: Set<String> = []
        for (i, n) in l.list("own_windows").enumerated() {
            let path = l.keyPath("own_windows") + "[\(i)]"
            let r = MappingReader(n, path: path, log: log, schema: l.schema)
            defer { r.finish() }
            let department = r.string("department") ?? "", windows = r.int("windows")
            if !seen.insert(department).inserted {
                log.add(n, path, "department '\(department)' has two rows")
            }
            rows.append(OwnWindows(department: department, windows: windows))
        }
        return rows
    }

    /// `windows_by_group`: rows of {district, group, windows}; the district by name, a row named
    /// twice reported (the group's department is checked against the departments table later).
    func groupRows(_ l: MappingReader, districts: [District]) -> [WindowGroupRow] {
        var rows: [WindowGroupRow] = []
        var seen: Set<String> = []
        for (i, n) in l.list("windows_by_group").enumerated() {
            let path = l.keyPath("windows_by_group") + "[\(i)]"
            let r = MappingReader(n, path: path, log: log, schema: l.schema)
            defer { r.finish() }
            let name = r.string("district") ?? "", group = r.string("group") ?? "", windows = r.int("windows")
            guard let d = districts.firstIndex(where: { $0.nameEn == name || $0.nameZh == name }) else {
                if let node = r.node("district", required: false) {
                    log.add(node, path + ".district", "unknown district '\(name)'; allowed: \(districts.map(\.nameEn).joined(separator: ", "))")
                }
                continue
            }
            if !seen.insert("\(d)/\(group)").inserted {
                log.add(n, path, "\(districts[d].nameEn) has two rows for group '\(group)'")
            }
            rows.append(WindowGroupRow(district: d, group: group, windows: windows))
        }
        return rows
    }

    func decodeKiosks(_ m: MappingReader) -> KioskParameters {
        defer { m.finish() }
        return KioskParameters(
            count: m.int("count"), serviceMeanMin: m.double("service_mean_min"),
            serviceCV: m.double("service_cv"), travelMin: m.double("travel_min"),
            opening: periods(m, "opening"), openWeekends: m.bool("open_weekends"))
    }

    func decodeProcess(_ m: MappingReader) -> ProcessParameters {
        defer { m.finish() }
        return ProcessParameters(
            lackCopyProbability: m.share("lack_copy_probability"),
            documentTravelMin: m.double("document_travel_min"),
            formMinPerComplexity: m.double("form_min_per_complexity"),
            mobileFormFactor: m.double("mobile_form_factor"),
            incompletePerComplexity: m.double("incomplete_per_complexity"),
            documentIncompleteShare: m.share("document_incomplete_share"),
            approvalMeanDays: m.double("approval_mean_days"),
            approvalShape: m.double("approval_shape"),
            hometownTravelMin: m.double("hometown_travel_min"),
            retryDelayDays: m.int("retry_delay_days"))
    }

    func decodeBehaviour(_ m: MappingReader) -> BehaviourParameters {
        defer { m.finish() }
        let asc = m.mapping("channel_constants")
        let constants = Channel.allCases.map { asc.double($0.key) }
        asc.finish()
        return BehaviourParameters(
            channelConstants: constants, seniorOnlineShift: m.double("senior_online_shift"),
            businessOnlineShift: m.double("business_online_shift"),
            timeCoefficientPerHour: m.double("time_coefficient_per_hour"),
            expectedWaitMin: m.double("expected_wait_min"),
            onlineExperienceWeight: m.double("online_experience_weight"),
            wastedTripWeight: m.double("wasted_trip_weight"),
            adoptionProbability: m.share("adoption_probability"),
            seniorAdoptionFactor: m.double("senior_adoption_factor"))
    }

    /// Each registered reform from its own section, in the registry's order.
    func decodeReforms(_ m: MappingReader) -> Reforms {
        defer { m.finish() }
        return Reforms(registry: registry, registry.types.map { type in
            let section = m.mapping(type.key)
            defer { section.finish() }
            return type.init(reading: section)
        })
    }

    func decodeScreening(_ m: MappingReader, districts: [District]) -> ScreeningParameters {
        defer { m.finish() }
        let name = m.string("district") ?? ""
        let index = districts.firstIndex { $0.nameEn == name }
        if index == nil, let n = m.node("district") {
            log.add(n, m.keyPath("district"), "unknown district '\(name)'; allowed: \(districts.map(\.nameEn).joined(separator: ", "))")
        }
        let registration = m.mapping("registration_sec")
        let (healthCodeSec, paperSec) = (registration.double("health_code"), registration.double("paper"))
        registration.finish()
        let opening = periods(m, "opening")
        if opening.count > 1, let n = m.node("opening") { log.add(n, m.keyPath("opening"), "a site opens for one period a day; found \(opening.count)") }
        let period = opening.first ?? OpeningPeriod(start: 480, end: 1200)
        let openHours = max(1, Int((Double(period.minutes) / 60).rounded(.up)))
        let profile = hourlyProfile(m, "arrivals_by_hour", openHours: openHours) ?? Array(repeating: 1, count: openHours)
        return ScreeningParameters(
            district: name, districtIndex: index ?? 0, populationShare: m.share("population_share"), days: m.int("days"),
            sites: m.int("sites"), desksPerSite: m.int("desks_per_site"), stationsPerSite: m.int("stations_per_site"),
            healthCode: m.bool("health_code"), registrationSecHealthCode: healthCodeSec, registrationSecPaper: paperSec,
            samplingSec: m.double("sampling_sec"), serviceCV: m.double("service_cv"), opening: period, arrivalsByHour: profile,
            patienceMeanMin: m.double("patience_mean_min"), returnProbability: m.share("return_probability"))
    }

    func decodeHotline(_ m: MappingReader) -> HotlineParameters {
        defer { m.finish() }
        let consult = m.mapping("consultations_per_application")
        let consultations = Audience.allCases.map { consult.double($0.key) }
        consult.finish()
        let service = m.mapping("service_mean_min")
        let serviceMeans = HotlineCall.allCases.map { service.double($0.key) }
        service.finish()
        let surge = m.mapping("surge")
        let surgeParameters = HotlineParameters.Surge(startDate: date(surge, "start_date") ?? SimpleDate(year: 2020, month: 1, day: 1),
                                                      days: surge.int("days"), factor: surge.double("factor"),
                                                      agentFactor: surge.double("agent_factor"))
        surge.finish()
        var byWeekday: [[Double]?] = Array(repeating: nil, count: 7)
        if m.has("staffing_by_weekday") {
            let w = m.mapping("staffing_by_weekday")
            for (d, key) in HotlineParameters.weekdayKeys.enumerated() where w.has(key) { byWeekday[d] = w.doubles(key) }
            w.finish()
        }
        var hotline = HotlineParameters(
            generalLineAgents: m.int("general_line_agents"), staffingByHour: m.doubles("staffing_by_hour"), callsByHour: m.doubles("calls_by_hour"),
            callsByWeekday: m.doubles("calls_by_weekday"), backgroundCallsPerDay: m.double("background_calls_per_day"),
            consultationsPerApplication: consultations, precheckShare: m.share("precheck_share"),
            precheckIncompleteFactor: m.double("precheck_incomplete_factor"), appealShare: m.share("appeal_share"),
            workOrderDaysMean: m.double("work_order_days_mean"), serviceMeanMin: serviceMeans,
            patienceMeanMin: m.double("patience_mean_min"), redialProbability: m.share("redial_probability"),
            redialDelayMeanMin: m.double("redial_delay_mean_min"), answerStandardSec: m.double("answer_standard_sec"),
            surge: surgeParameters)
        hotline.staffingByWeekday = byWeekday
        return hotline
    }

    // MARK: - Helpers

    func date(_ m: MappingReader, _ key: String) -> SimpleDate? {
        guard let n = m.node(key) else { return nil }
        guard case .scalar(let s, _) = n.value, let d = SimpleDate(iso: s) else {
            log.add(n, m.keyPath(key), "expected a date YYYY-MM-DD, found \(n.kindName)")
            return nil
        }
        return d
    }

    /// A key of kind `.hourlyProfile`: `flat` (equal weights) or one weight per opening hour; nil
    /// when absent (reported if required).
    func hourlyProfile(_ m: MappingReader, _ key: String, openHours: Int) -> [Double]? {
        guard let n = m.node(key) else { return nil }
        if case .scalar("flat", _) = n.value { return Array(repeating: 1, count: max(openHours, 1)) }
        return m.doubles(key, count: openHours)
    }

    /// `none` (or null) gives nil; anything else is read by `read`.
    func noneOr<T>(_ m: MappingReader, _ key: String, _ read: () -> T) -> T? {
        guard let n = m.node(key) else { return nil }
        switch n.value {
        case .null: return nil
        case .scalar("none", _): return nil
        default: return read()
        }
    }

    /// Opening periods written as "HH:MM-HH:MM", in order, not overlapping.
    func periods(_ m: MappingReader, _ key: String) -> [OpeningPeriod] {
        var result: [OpeningPeriod] = []
        let items = m.list(key)
        if items.isEmpty, let n = m.node(key, required: false) { log.add(n, m.keyPath(key), "at least one opening period is needed") }
        for n in items {
            guard case .scalar(let s, _) = n.value, let p = Self.parsePeriod(s) else {
                log.add(n, m.keyPath(key), "expected a period like \"09:00-12:00\", found \(n.kindName)")
                continue
            }
            if let last = result.last, p.start < last.end {
                log.add(n, m.keyPath(key), "periods must be in order and must not overlap")
            }
            result.append(p)
        }
        return result
    }

    static func parsePeriod(_ s: String) -> OpeningPeriod? {
        let parts = s.split(separator: "-").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let a = minutes(parts[0]), let b = minutes(parts[1]), a < b else { return nil }
        return OpeningPeriod(start: a, end: b)
    }

    static func minutes(_ s: String) -> Int? {
        let hm = s.split(separator: ":")
        guard hm.count == 2, hm[1].count == 2, let h = Int(hm[0]), let m = Int(hm[1]), (0...24).contains(h), (0..<60).contains(m),
              h * 60 + m <= 1440 else { return nil }
        return h * 60 + m
    }
}
