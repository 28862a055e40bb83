import Foundation
import PaodongEngine
import PaodongModel
import PaodongScenario
import PaodongTestSupport
import Testing

/// `halls.levels.<level>.windows_by_district`: a planner sets each hall's windows by district, and
/// the layout builds exactly those halls, at full scale and in a miniature (full-size halls with
/// background visits for the rest of the city's load).
@Suite struct HallWindowsTests {
    static let windows = [30, 31, 32, 33, 34, 35, 36, 37, 38, 39]

    static func scenario(_ tmp: TemporaryDirectory, _ section: String) throws -> String {
        try tmp.write("windows.yaml", """
            extends: \(CLI.scenario("shenzhen-2020.yaml"))
            name: windows
            halls:
              levels:
            \(section)
            """)
    }

    @Test func theLayoutHasTheWindowsSet() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let path = try Self.scenario(tmp, "    district: {windows_by_district: [\(Self.windows.map(String.init).joined(separator: ", "))]}\n    street: {windows_by_district: [4, 4, 4, 4, 4, 4, 4, 4, 4, 4]}")
        let s = try ScenarioLoader.load(path: path)
        #expect(s.parameters.halls.levels[HallLevel.district.rawValue].windowsByDistrict == Self.windows)
        for scale in [1.0, 0.05] {
            let layout = SimulationContext(scenario: s.scaled(by: scale)).layout
            let district = layout.halls.filter { $0.level == .district }
            #expect(district.map(\.district) == Array(0..<10), "scale \(scale)")
            #expect(district.map(\.windows) == Self.windows, "scale \(scale)")
            #expect(district.allSatisfy { $0.groupWindows.reduce(0, +) == $0.windows }, "a hall's groups hold its windows")
            #expect(layout.halls.filter { $0.level == .street }.allSatisfy { $0.windows == 4 }, "scale \(scale)")
        }
        // Without the key the level's windows are windows_per_hall × halls, shared by residents: the
        // most populous district's hall has the most.
        let base = try ScenarioLoader.load(path: CLI.scenario("shenzhen-2020.yaml"))
        let shipped = SimulationContext(scenario: base).layout.halls.filter { $0.level == .district }
        let perHall = base.parameters.halls.levels[HallLevel.district.rawValue].windowsPerHall
        #expect(shipped.reduce(0) { $0 + $1.windows } == perHall * base.districts.count)
        let largest = base.districts.indices.max { base.districts[$0].residents10k < base.districts[$1].residents10k }!
        #expect(shipped[largest].windows == shipped.map(\.windows).max())
    }

    /// `windows_by_group`: the named departments get their own groups, every other department
    /// the `shared` one (or, without it, the last row's); the hall has their sum; under one window
    /// (shenzhen-2020) the hall pools them.
    @Test func groupRowsMakeTheGroups() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let rows = """
            district:
              windows_by_group:
                - {district: Futian, group: hpf, windows: 7}
                - {district: Futian, group: shared, windows: 5}
                - {district: 福田区, group: psb, windows: 3}
                - {district: Luohu, group: samr, windows: 2}
                - {district: Luohu, group: tax, windows: 4}
        """
        let path = try tmp.write("groups.yaml", """
            extends: \(CLI.scenario("baseline-2012.yaml"))
            name: groups
            halls:
              levels:
            \(rows.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n"))
            """)
        let s = try ScenarioLoader.load(path: path)
        let departments = s.catalog.departments.map(\.id)
        let halls = SimulationContext(scenario: s).layout.halls.filter { $0.level == .district }
        let futian = try #require(halls.first { s.districts[$0.district].nameEn == "Futian" })
        #expect(futian.windows == 15 && futian.groupWindows == [7, 5, 3])
        for (d, id) in departments.enumerated() {
            #expect(Int(futian.departmentGroup[d]) == (id == "hpf" ? 0 : id == "psb" ? 2 : 1), "\(id)")
        }
        let luohu = try #require(halls.first { s.districts[$0.district].nameEn == "Luohu" })
        #expect(luohu.groupWindows == [2, 4])
        #expect(departments.indices.allSatisfy { Int(luohu.departmentGroup[$0]) == (departments[$0] == "samr" ? 0 : 1) }, "the rest join the last row's group")
        // Other districts keep the group policy.
        #expect(halls.filter { !["Futian", "Luohu"].contains(s.districts[$0.district].nameEn) }.allSatisfy { $0.groupWindows.count > 3 })
        // Under one window the hall pools the rows' sum.
        var pooled = s
        pooled.parameters.reforms = s.parameters.reforms.replacing(OneWindow(enabled: true, serviceFactor: 1))
        let one = SimulationContext(scenario: pooled).layout.halls.filter { $0.level == .district }
        #expect(one.first { s.districts[$0.district].nameEn == "Futian" }?.groupWindows == [15])
    }

    @Test(arguments: [
        ("    district:\n      windows_by_group:\n        - {district: Atlantis, group: hpf, windows: 3}", "halls.levels.district.windows_by_group[0].district", "unknown district 'Atlantis'"),
        ("    district:\n      windows_by_group:\n        - {district: Futian, group: nosuch, windows: 3}", "halls.levels.district.windows_by_group", "unknown group 'nosuch'"),
        ("    district:\n      windows_by_group:\n        - {district: Futian, group: hpf, windows: 0}", "halls.levels.district.windows_by_group[0].windows", "out of range"),
        ("    district:\n      windows_by_group:\n        - {district: Futian, group: hpf, windows: 3}\n        - {district: Futian, group: hpf, windows: 4}", "halls.levels.district.windows_by_group[1]", "two rows for group 'hpf'"),
        ("    city:\n      windows_by_group:\n        - {district: Luohu, group: shared, windows: 3}", "halls.levels.city.windows_by_group", "has rows but no city halls"),
        ("    district:\n      windows_by_district: [30, 30, 30, 30, 30, 30, 30, 30, 30, 30]\n      windows_by_group:\n        - {district: Futian, group: shared, windows: 3}", "halls.levels.district.windows_by_group", "sum to 3 windows but windows_by_district gives it 30"),
        ("    district:\n      windows_by_group:\n        - {district: Futian, group: hpf, windows: 3, colour: red}", "halls.levels.district.windows_by_group[0].colour", "unknown key"),
    ])
    func badGroupRowsAreLocated(_ section: String, _ key: String, _ message: String) throws {
        // The error is at the list or at its row, within the section's lines of the child file.
        try Self.expectLocated(section, key, message, lines: 5...9)
    }

    @Test(arguments: [
        ("    district: {windows_by_district: [30, 31]}", "halls.levels.district.windows_by_district", "expected 10 numbers, found 2"),
        ("    district: {windows_by_district: [30, 31.5, 30, 30, 30, 30, 30, 30, 30, 30]}", "halls.levels.district.windows_by_district", "whole numbers"),
        ("    city: {windows_by_district: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]}", "halls.levels.city.windows_by_district", "has city halls but 0 windows"),
        ("    district: {windows_by_district: [30, 30, 30, 30, 30, 30, 30, 30, 30, 30000]}", "halls.levels.district.windows_by_district[9]", "out of range"),
    ])
    func badTablesAreLocated(_ section: String, _ key: String, _ message: String) throws {
        try Self.expectLocated(section, key, message, lines: 5...5)
    }

    /// Loading the scenario with `section` fails with an issue at `key`, saying `message`, on one of `lines` of the child file.
    static func expectLocated(_ section: String, _ key: String, _ message: String, lines: ClosedRange<Int>) throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        do {
            _ = try ScenarioLoader.load(path: try scenario(tmp, section))
            Issue.record("accepted: \(section)")
        } catch let e as ScenarioError {
            #expect(e.issues.contains { $0.key == key && $0.message.contains(message) && lines.contains($0.line ?? 0) }, "\(e.issues)")
        }
    }

    /// `WindowGroupPolicy.merging`: the named departments' groups become the first one's, with
    /// their windows; the other groups keep their order and windows; nothing changes when the
    /// departments already share a group.
    @Test func mergingMakesOneGroupOfTheNamedDepartments() {
        // Departments 0…4 in groups [3, 2, 4, 1] windows; department 4 shares department 1's group.
        let (groups, map) = WindowGroupPolicy.merging([2, 1], groups: [3, 2, 4, 1], map: [0, 1, 2, 3, 1])
        #expect(groups == [3, 6, 1])
        #expect(map == [0, 1, 1, 2, 1])
        let same = WindowGroupPolicy.merging([1, 4], groups: [3, 2, 4, 1], map: [0, 1, 2, 3, 1])
        #expect(same.0 == [3, 2, 4, 1] && same.1 == [0, 1, 2, 3, 1])
    }

    /// With departmental windows (one window off), `merged_services` puts the foreign-experts and
    /// exit-entry windows of every city hall in one group holding both groups' windows, and leaves
    /// every other level's halls as they were.
    @Test func mergedServicesJoinTheirWindowsAtTheNamedLevels() throws {
        let off = ["reforms.one_window.enabled=false"]
        let before = SimulationContext(scenario: try ScenarioLoader.load(path: CLI.scenario("foreign-talent-before.yaml"), overrides: off)).layout
        let after = SimulationContext(scenario: try ScenarioLoader.load(path: CLI.scenario("foreign-talent-after.yaml"), overrides: off)).layout
        let departments = try ScenarioLoader.load(path: CLI.scenario("shenzhen-2020.yaml")).catalog.departments
        let science = try #require(departments.firstIndex { $0.id == "science" })
        let exitEntry = try #require(departments.firstIndex { $0.id == "exit_entry" })
        #expect(before.halls.count == after.halls.count)
        var cityHalls = 0
        for (b, a) in zip(before.halls, after.halls) {
            #expect(a.windows == b.windows)
            guard b.level == .city else {
                #expect(a.groupWindows == b.groupWindows && a.departmentGroup == b.departmentGroup)
                continue
            }
            cityHalls += 1
            let bs = Int(b.departmentGroup[science]), be = Int(b.departmentGroup[exitEntry])
            #expect(bs != be, "two departments' windows before the merge")
            #expect(a.departmentGroup[science] == a.departmentGroup[exitEntry])
            #expect(a.groupWindows[Int(a.departmentGroup[science])] == b.groupWindows[bs] + b.groupWindows[be])
            #expect(a.groupWindows.count == b.groupWindows.count - 1)
        }
        #expect(cityHalls > 0)
    }

    /// `own_windows` adds each named department's windows to the hall as a group of its own and
    /// divides the rest among the others with the named departments' weight removed.
    @Test func ownWindowsAreGroupsOfTheirOwn() {
        // Departments 0…3; 1 and 3 keep 4 and 2 windows of their own out of a 16-window hall.
        var divided: (Int, [Double])?
        let (groups, map) = OwnWindows.groups(windows: 16, own: [(department: 1, windows: 4), (department: 3, windows: 2)],
                                              weights: [5, 7, 1, 9]) { windows, weights in
            divided = (windows, weights)
            return ([windows], [0, 0, 0, 0])
        }
        #expect(divided?.0 == 10 && divided?.1 == [5, 0, 1, 0])
        #expect(groups == [10, 4, 2])
        #expect(map == [0, 1, 0, 2])
    }

    /// As shipped (one window on), the before city hall keeps its 150-window pool and adds the
    /// foreign-experts' and exit–entry's ten windows each as groups of their own; the merge makes
    /// them one group of twenty and leaves the pool and every other hall as they were.
    @Test func ownWindowsStayOutOfTheOneWindowPoolAndMerge() throws {
        let before = SimulationContext(scenario: try ScenarioLoader.load(path: CLI.scenario("foreign-talent-before.yaml"))).layout
        let after = SimulationContext(scenario: try ScenarioLoader.load(path: CLI.scenario("foreign-talent-after.yaml"))).layout
        let plain = SimulationContext(scenario: try ScenarioLoader.load(path: CLI.scenario("shenzhen-2020.yaml"))).layout
        let departments = try ScenarioLoader.load(path: CLI.scenario("shenzhen-2020.yaml")).catalog.departments
        let science = try #require(departments.firstIndex { $0.id == "science" })
        let exitEntry = try #require(departments.firstIndex { $0.id == "exit_entry" })
        #expect(before.halls.count == plain.halls.count && after.halls.count == plain.halls.count)
        for (k, p) in plain.halls.enumerated() {
            let b = before.halls[k], a = after.halls[k]
            guard p.level == .city else {
                #expect(b.windows == p.windows && a.windows == p.windows && b.groupWindows == p.groupWindows && a.groupWindows == p.groupWindows)
                continue
            }
            #expect(p.groupWindows == [p.windows])
            #expect(b.windows == p.windows + 20 && a.windows == b.windows)
            #expect(b.groupWindows == [p.windows, 10, 10])
            #expect(Int(b.departmentGroup[science]) == 1 && Int(b.departmentGroup[exitEntry]) == 2)
            #expect(a.groupWindows == [p.windows, 20])
            #expect(Int(a.departmentGroup[science]) == 1 && Int(a.departmentGroup[exitEntry]) == 1)
            for d in departments.indices where d != science && d != exitEntry {
                #expect(b.departmentGroup[d] == 0 && a.departmentGroup[d] == 0)
            }
        }
    }
}
