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

    @Test(arguments: [
        ("    district: {windows_by_district: [30, 31]}", "halls.levels.district.windows_by_district", "expected 10 numbers, found 2"),
        ("    district: {windows_by_district: [30, 31.5, 30, 30, 30, 30, 30, 30, 30, 30]}", "halls.levels.district.windows_by_district", "whole numbers"),
        ("    city: {windows_by_district: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]}", "halls.levels.city.windows_by_district", "has city halls but 0 windows"),
        ("    district: {windows_by_district: [30, 30, 30, 30, 30, 30, 30, 30, 30, 30000]}", "halls.levels.district.windows_by_district[9]", "out of range"),
    ])
    func badTablesAreLocated(_ section: String, _ key: String, _ message: String) throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        do {
            _ = try ScenarioLoader.load(path: try Self.scenario(tmp, section))
            Issue.record("accepted: \(section)")
        } catch let e as ScenarioError {
            #expect(e.issues.contains { $0.key == key && $0.message.contains(message) && $0.line == 5 }, "\(e.issues)")
        }
    }
}
