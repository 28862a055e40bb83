import Foundation
import PaodongModel

/// The CSV tables a scenario names under `data:`, read and cross-checked.
struct DataTables {
    var districts: [District] = []
    var departments: [Department] = []
    var certificates: [CertificateType] = []
    var seedItems: [CatalogGenerator.SeedItem] = []
    var lifeEvents: [LifeEvent] = []

    static let keys = ["districts", "departments", "certificates", "items", "life_events"]

    /// Reads every table; paths are relative to the file that names them.
    static func read(_ m: MappingReader, log: IssueLog) throws -> DataTables {
        var t = DataTables()
        func path(_ key: String) -> String? {
            guard let n = m.node(key), let s = m.string(key) else { return nil }
            return s.hasPrefix("/") ? s : URL(fileURLWithPath: n.file).deletingLastPathComponent().appendingPathComponent(s).path
        }
        let paths = keys.map { path($0) }
        for (key, p) in zip(keys, paths) {
            guard let p, !FileManager.default.fileExists(atPath: p), let n = m.node(key) else { continue }
            throw ScenarioError.missingFile(ScenarioIssue(file: n.file, line: n.line, column: n.column, key: m.keyPath(key),
                                                          message: "data file '\(p)' not found"))
        }
        guard paths.allSatisfy({ $0 != nil }) else { return t }

        let districts = try DataTable(path: paths[0]!, columns: ["name_zh", "name_en", "residents_10k", "streets", "communities"], log: log)
        for r in districts.rows {
            t.districts.append(District(nameZh: districts.string(r, "name_zh"), nameEn: districts.string(r, "name_en"),
                                        residents10k: districts.double(r, "residents_10k", in: 0...1e6),
                                        streets: districts.int(r, "streets", in: 1...10_000),
                                        communities: districts.int(r, "communities", in: 1...100_000)))
        }
        if t.districts.isEmpty { log.add(ScenarioIssue(file: districts.file, key: "", message: "no districts")) }
        if t.districts.count > 250 { log.add(ScenarioIssue(file: districts.file, key: "", message: "at most 250 districts")) }

        let departments = try DataTable(path: paths[1]!, columns: ["id", "name_zh", "name_en", "weight"], log: log)
        for r in departments.rows {
            t.departments.append(Department(id: departments.string(r, "id"), nameZh: departments.string(r, "name_zh"),
                                            nameEn: departments.string(r, "name_en"), weight: departments.double(r, "weight", in: 0...1e9)))
        }
        if t.departments.isEmpty || !t.departments.contains(where: { $0.weight > 0 }) {
            log.add(ScenarioIssue(file: departments.file, key: "weight", message: "at least one department with a positive weight is needed"))
        }
        checkUnique(t.departments.map(\.id), departments, log)

        let certificates = try DataTable(path: paths[2]!, columns: ["id", "name_zh", "name_en", "usage_weight"], log: log)
        for r in certificates.rows {
            t.certificates.append(CertificateType(id: certificates.string(r, "id"), nameZh: certificates.string(r, "name_zh"),
                                                  nameEn: certificates.string(r, "name_en"),
                                                  usageWeight: certificates.double(r, "usage_weight", in: 0...1e9)))
        }
        checkUnique(t.certificates.map(\.id), certificates, log)

        let items = try DataTable(path: paths[3]!, columns: [
            "id", "name_zh", "name_en", "audience", "licensing", "departments", "level", "certificates", "form_complexity",
            "review_factor", "service_factor", "physical_presence", "physical_result", "hometown", "demand_share"], log: log)
        let deptIndex = Dictionary(t.departments.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let certIndex = Dictionary(t.certificates.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        for r in items.rows {
            let audienceText = items.string(r, "audience")
            let audience = Audience(key: audienceText)
            if audience == nil { items.issue(r, "audience", "found '\(audienceText)'; allowed: personal, business") }
            let levelText = items.string(r, "level")
            let level = HallLevel(key: levelText)
            if level == nil { items.issue(r, "level", "found '\(levelText)'; allowed: \(HallLevel.allCases.map(\.key).joined(separator: ", "))") }
            var depts: [Int] = []
            for d in items.list(r, "departments") {
                if let i = deptIndex[d] { depts.append(i) } else { items.issue(r, "departments", "unknown department '\(d)'") }
            }
            if depts.isEmpty || depts.count > 4 { items.issue(r, "departments", "an item involves 1 to 4 departments, found \(depts.count)") }
            if Set(depts).count != depts.count { items.issue(r, "departments", "a department is listed twice") }
            var certs: [Int] = []
            for c in items.list(r, "certificates") {
                if let i = certIndex[c] { certs.append(i) } else { items.issue(r, "certificates", "unknown certificate '\(c)'") }
            }
            let item = Item(
                id: items.string(r, "id"), nameZh: items.string(r, "name_zh"), nameEn: items.string(r, "name_en"),
                audience: audience ?? .personal, licensing: items.bool(r, "licensing"), departments: depts,
                colocatedMask: 0xFE, level: level ?? .city, certificates: certs,
                formComplexity: items.int(r, "form_complexity", in: 1...5),
                reviewFactor: items.double(r, "review_factor", in: 0...100), serviceFactor: items.double(r, "service_factor", in: 0.01...100),
                physicalPresence: items.bool(r, "physical_presence"), physicalResult: items.bool(r, "physical_result"),
                hometown: items.bool(r, "hometown"), demandWeight: 0)
            t.seedItems.append(.init(item: item, demandShare: items.double(r, "demand_share", in: 0...1)))
        }
        checkUnique(t.seedItems.map(\.item.id), items, log)
        for audience in Audience.allCases {
            let total = t.seedItems.filter { $0.item.audience == audience }.reduce(0) { $0 + $1.demandShare }
            if total > 1 + 1e-9 {
                log.add(ScenarioIssue(file: items.file, key: "demand_share",
                                      message: "demand shares of \(audience.key) items sum to \(total); allowed: at most 1"))
            }
        }

        let events = try DataTable(path: paths[4]!, columns: ["id", "name_zh", "name_en", "audience", "rate_per_agent_year", "items"], log: log)
        let itemIndex = Dictionary(t.seedItems.enumerated().map { ($1.item.id, $0) }, uniquingKeysWith: { a, _ in a })
        for r in events.rows {
            let audienceText = events.string(r, "audience")
            let audience = Audience(key: audienceText)
            if audience == nil { events.issue(r, "audience", "found '\(audienceText)'; allowed: personal, business") }
            var members: [Int] = []
            for id in events.list(r, "items") {
                guard let i = itemIndex[id] else { events.issue(r, "items", "unknown item '\(id)' (events list items of the items table)"); continue }
                if let audience, t.seedItems[i].item.audience != audience {
                    events.issue(r, "items", "item '\(id)' is for \(t.seedItems[i].item.audience.key), the event for \(audience.key)")
                }
                members.append(i)
            }
            if members.count < 2 { events.issue(r, "items", "a life event has at least two items") }
            t.lifeEvents.append(LifeEvent(id: events.string(r, "id"), nameZh: events.string(r, "name_zh"), nameEn: events.string(r, "name_en"),
                                          audience: audience ?? .personal,
                                          ratePerAgentYear: events.double(r, "rate_per_agent_year", in: 0...10), items: members))
        }
        checkUnique(t.lifeEvents.map(\.id), events, log)
        return t
    }

    static func checkUnique(_ ids: [String], _ table: DataTable, _ log: IssueLog) {
        var seen = Set<String>()
        for (i, id) in ids.enumerated() where !seen.insert(id).inserted {
            log.add(ScenarioIssue(file: table.file, line: table.rows[i].line, key: "id", message: "duplicate id '\(id)'"))
        }
    }
}
