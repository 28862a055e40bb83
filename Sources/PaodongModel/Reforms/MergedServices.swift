/// 一窗通办 of two departments' services (the article's 外国人就业居留事务服务中心): two items that
/// arise together become one application at one window, and the second's certificate issued by
/// the first comes from the first's record (the two approval systems connected, 数据共享).
///
/// It acts on the foreign residents' permit needs (`demand.foreign_permits`), the only needs for
/// both items at once: with it, a permit need is one application for both items, decided in one
/// review, with no copy of the work permit to bring; without it, two applications one after the
/// other, the second asking for the first's certificate on paper. The merged sitting takes
/// `serviceFactor` times the two items' sittings summed. At the hall levels named in
/// `levels`, the named departments' windows form one window group serving both (under
/// `one_window` every hall is one pooled group already, and this part changes nothing unless the
/// departments keep windows of their own there, `halls.levels.<level>.own_windows`).
public struct MergedServices: Reform, Codable, Equatable {
    public static let key = "merged_services"
    public static let parameters = [
        Parameter("reforms.merged_services.items", .ids,
                  doc: "The two items made one application: demand.foreign_permits.items, in the same order (the second's certificate issued by the first is shared)."),
        Parameter("reforms.merged_services.departments", .ids,
                  doc: "Departments (ids of the departments table, at least two, each leading one of the items) whose windows become one window group."),
        Parameter("reforms.merged_services.service_factor", .number(0.01...100),
                  doc: "Window time of the merged sitting relative to the two items' sittings summed (materials submitted once, the first's record read, not re-checked)."),
        Parameter("reforms.merged_services.levels", .ids,
                  doc: "Hall levels (community, street, district, city) whose halls merge those departments' windows; each must serve items of at least two of them."),
    ]
    public static let ablation = "merged-services"
    /// One application for two needs; the foreign residents' hours fall (one visit, one review, no
    /// copy of the first permit to fetch). The city's document trips fall too, but by less than
    /// the noise of a 10 % city: the permits are a small share of its needs.
    public static let mechanisms: [ReformMechanism] = [.falls("applications_per_need"), .falls("foreign_citizen_hours_city_year")]

    public var enabled: Bool
    public var items: [String]
    public var departments: [String]
    public var levels: [String]
    public var serviceFactor: Double

    public init(enabled: Bool, items: [String], departments: [String], levels: [String], serviceFactor: Double) {
        self.enabled = enabled; self.items = items; self.departments = departments; self.levels = levels
        self.serviceFactor = serviceFactor
    }
    public init(reading r: any ReformReader) {
        self.init(enabled: r.bool("enabled"), items: r.ids("items"), departments: r.ids("departments"), levels: r.ids("levels"),
                  serviceFactor: r.double("service_factor"))
    }

    /// Two different known items; departments known, different, at least two, each leading one of
    /// the items; levels known, each with halls that serve items of at least two of the departments
    /// (windows of both to merge). O(catalog items).
    public func check(against catalog: Catalog, reforms: Reforms, _ checks: any ReformChecks) {
        let itemIndex = catalog.itemIndexByID()
        checks.check(items.count == 2, "items", "\(items.count) items given; allowed: exactly two")
        checks.check(Set(items).count == items.count, "items", "an item is named twice; a merge joins two different items")
        for id in items where itemIndex[id] == nil {
            checks.check(false, "items", catalog.unknownItem(id))
        }
        let deptIndex = Dictionary(catalog.departments.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { a, _ in a })
        checks.check(departments.count >= 2, "departments", "\(departments.count) departments given; allowed: at least two")
        checks.check(Set(departments).count == departments.count, "departments", "a department is named twice")
        // Which departments lead the items: only said when the items themselves are right.
        let known = items.compactMap { itemIndex[$0] }
        let leads = known.count == 2 && Set(known).count == 2 ? Set(known.map { catalog.items[$0].departments[0] }) : nil
        for id in departments {
            guard let d = deptIndex[id] else {
                checks.check(false, "departments", "unknown department '\(id)'; allowed: \(catalog.departments.map(\.id).joined(separator: ", "))")
                continue
            }
            if let leads {
                checks.check(leads.contains(d), "departments",
                             "'\(id)' leads neither \(items.joined(separator: " nor ")); allowed: \(leads.sorted().map { catalog.departments[$0].id }.joined(separator: ", "))")
            }
        }
        checks.check(!levels.isEmpty, "levels", "no hall level given; allowed: community, street, district, city")
        let merged = Set(departments.compactMap { deptIndex[$0] })
        for key in levels {
            guard let level = HallLevel(key: key) else {
                checks.check(false, "levels", "unknown hall level '\(key)'; allowed: community, street, district, city")
                continue
            }
            // The level's halls have windows of a department when they serve one of its items.
            var present = Set<Int>()
            for item in catalog.items where item.level == level { present.formUnion(merged.intersection(item.departments)) }
            checks.check(present.count >= 2, "levels",
                         "\(key) halls have windows of \(present.isEmpty ? "none" : "only " + present.sorted().map { catalog.departments[$0].id }.joined(separator: ", ")) of \(departments.joined(separator: ", ")): a merge needs at least two of them there")
        }
    }

    public func resolve(into r: inout ReformResolution) {
        let catalog = r.catalog
        r.mergedItems = items.compactMap { id in catalog.items.firstIndex { $0.id == id } }
        r.mergedDepartments = departments.compactMap { id in catalog.departments.firstIndex { $0.id == id } }
        r.mergedLevels = levels.compactMap(HallLevel.init(key:))
        r.mergedServiceFactor = serviceFactor
    }
}
