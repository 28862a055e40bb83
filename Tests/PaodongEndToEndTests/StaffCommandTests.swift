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

    /// One round cannot settle a start that is off by more than nothing: exit 75, the keys named,
    /// and no output directory.
    @Test func unsettledStopsWithNothingWritten() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let small = try tmp.write("small.yaml", """
            extends: \(CLI.scenario("shenzhen-2020.yaml"))
            name: small
            scale: 0.01
            days: 20
            holidays: []
            """)
        let out = tmp.path("staff")
        let r = try CLI.run(["staff", small, "--threshold-min", "10", "--target", "0.8", "--max-rounds", "1", "--out", out, "--quiet"])
        #expect(r.status == 75, "\(r.stderr)")
        #expect(r.stderr.contains("did not settle within 1 rounds"), "\(r.stderr)")
        #expect(r.stderr.contains("halls of"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }
}
