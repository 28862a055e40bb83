import Foundation
import PaodongTestSupport
import Testing

/// `paodong prioritize` refuses what it cannot do before simulating anything, naming what is allowed.
@Suite struct PrioritizeCommandTests {
    @Test(arguments: [
        (["--reform", "one_window", "--add", "5"], 64, "kiosks, instant_approval, prefill, bundles, e_certificates"),
        (["--reform", "e_certificates", "--add", "5000"], 65, "certificate types are not yet covered"),
        (["--reform", "bundles", "--add", "1000"], 65, "life events are not yet bundled"),
        (["--reform", "prefill", "--add", "0"], 64, "--add"),
        (["--reform", "prefill", "--add", "5", "--metric", "minutes"], 64, "trips, citizen_hours"),
        (["--reform", "prefill", "--add", "5", "--set", "days=10"], 64, "--set"),
        (["--reform", "prefill", "--add", "90000"], 65, "eligible items are not yet reached by reforms.prefill"),
    ])
    func badRequests(_ arguments: [String], _ status: Int32, _ mention: String) throws {
        let r = try CLI.run(["prioritize", CLI.scenario("shenzhen-2020.yaml"), "--out", "/nonexistent/never"] + arguments)
        #expect(r.status == status, "\(arguments): \(r.status) \(r.stderr)")
        #expect(r.stderr.contains(mention), "\(r.stderr)")
    }

    /// A reform that is off in the scenario cannot be extended.
    @Test func aDisabledReformIsRefused() throws {
        let r = try CLI.run(["prioritize", CLI.scenario("baseline-2012.yaml"), "--reform", "instant_approval", "--add", "5"])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("reforms.instant_approval is not enabled"), "\(r.stderr)")
    }
}
