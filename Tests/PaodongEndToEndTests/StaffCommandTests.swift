import Foundation
import PaodongTestSupport
import Testing

/// `paodong staff SCENARIO.yaml` refuses what it cannot do before simulating, naming what is
/// allowed, and stops with nothing written when the refinement does not settle.
@Suite struct StaffCommandTests {
    @Test(arguments: [
        ([] as [String], 64, "--threshold-min T (minutes) and --target A"),
        (["--threshold-min", "10"], 64, "--target A"),
        (["--threshold-min=-1", "--target", "0.8"], 64, "--threshold-min must be from 0 to 1440"),
        (["--threshold-min", "10", "--target", "1"], 64, "--target must be above 0 and below 1"),
        (["--threshold-min", "10", "--target", "0.8", "--hotline-target", "0"], 64, "--hotline-target"),
        (["--threshold-min", "10", "--target", "0.8", "--max-rounds", "0"], 64, "--max-rounds"),
        (["--threshold-min", "10", "--target", "0.8", "--set", "days=10"], 64, "--set"),
        (["--threshold-min", "10", "--target", "0.8", "--arrival-rate", "2"], 64, "stationary form"),
        (["--threshold-min", "10", "--target", "0.8", "--check", "--out", "/tmp/x"], 64, "--check writes nothing"),
    ])
    func badRequests(_ arguments: [String], _ status: Int32, _ mention: String) throws {
        let r = try CLI.run(["staff", CLI.scenario("quick.yaml")] + arguments)
        #expect(r.status == status, "\(arguments): \(r.status) \(r.stderr)")
        #expect(r.stderr.contains(mention), "\(r.stderr)")
    }

    /// Neither form: the stationary form needs its load.
    @Test func neitherForm() throws {
        let r = try CLI.run(["staff", "--target", "0.8"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("give a scenario file (city form) or --arrival-rate and --service-mean"), "\(r.stderr)")
    }

    /// Departments' own windows are not sized district by district: refused with exit 65, the key
    /// named, nothing written.
    @Test func ownWindowsAreRefused() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let out = tmp.path("staff")
        let r = try CLI.run(["staff", CLI.scenario("foreign-talent-before.yaml"), "--threshold-min", "10", "--target", "0.8", "--out", out])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("halls.levels.city.own_windows"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// One round cannot settle a start that is off by more than nothing: exit 75, the keys named,
    /// and no output directory.
    @Test func unsettledStopsWithNothingWritten() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let small = try tmp.smallCity("shenzhen-2020.yaml", days: 20)
        let out = tmp.path("staff")
        let r = try CLI.run(["staff", small, "--threshold-min", "10", "--target", "0.8", "--max-rounds", "1", "--out", out, "--quiet"])
        #expect(r.status == 75, "\(r.stderr)")
        #expect(r.stderr.contains("did not settle within 1 round "), "\(r.stderr)")
        #expect(r.stderr.contains("halls of"), "\(r.stderr)")
        // At most eight keys named, the rest counted: one line a person can read.
        let moving = try #require(r.stderr.split(separator: "\n").first { $0.contains("still moving") })
        #expect(moving.components(separatedBy: "halls of").count - 1 + moving.components(separatedBy: "line on").count - 1 <= 8, "\(moving)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}

/// `hotline.staffing_by_weekday`: a weekday's own roster replaces staffing_by_hour on that weekday
/// only (hotline.csv's agents), and a wrong length is a located error.
@Suite struct WeekdayRosterTests {
    @Test func aWeekdayRosterAppliesOnItsDays() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        // 2020-01-06 is a Monday; eight days reach the next Monday.
        let path = try tmp.write("week.yaml", """
            extends: \(CLI.scenario("shenzhen-2020.yaml"))
            name: week
            scale: 0.001
            start_date: 2020-01-06
            days: 8
            holidays: []
            hotline:
              general_line_agents: 200
              staffing_by_weekday:
                monday: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.25]
            """)
        let out = tmp.path("run")
        let r = try CLI.run(["run", path, "--out", out, "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try readCSV(out + "/hotline.csv").filter { $0["line"] == "general" }
        let staffing = [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.15, 0.3, 0.6, 0.95, 1.0, 0.95, 0.7, 0.75, 0.95, 0.95, 0.9, 0.75, 0.55, 0.45, 0.35, 0.3, 0.2, 0.12]
        for row in rows {
            let day = Int(row["day"]!)!, hour = Int(row["hour"]!)!
            let monday = day == 1 || day == 8
            let expected = monday ? (hour == 23 ? 50 : 100) : Int((200 * staffing[hour]).rounded())
            #expect(Int(row["agents"]!) == expected, "day \(day) hour \(hour)")
        }
        #expect(rows.count == 8 * 24)
    }

    @Test func aWrongLengthIsLocated() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let path = try tmp.write("bad.yaml", """
            extends: \(CLI.scenario("shenzhen-2020.yaml"))
            hotline:
              staffing_by_weekday: {funday: [1], monday: [0.5, 0.5]}
            """)
        let r = try CLI.run(["validate", path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("hotline.staffing_by_weekday.monday") && r.stderr.contains("expected 24 numbers, found 2"), "\(r.stderr)")
        #expect(r.stderr.contains("funday"), "\(r.stderr)")
    }
}
