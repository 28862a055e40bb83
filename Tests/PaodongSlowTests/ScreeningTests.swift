import Foundation
import PaodongTestSupport
import Testing

/// The health-code screening: people are conserved, saturated desks sample at their capacity, and
/// the health code cuts waiting hours and the time to sample everyone.
@Suite struct ScreeningTests {
    /// Runs a Luohu screening file beside a five-day 0.1 % city, with `overrides`.
    static func run(_ tmp: TemporaryDirectory, _ name: String, _ file: String = "screening-luohu-paper.yaml",
                    _ overrides: [String] = []) throws -> String {
        let out = tmp.path(name)
        let sets = (["days=5", "holidays=[]"] + overrides).flatMap { ["--set", $0] }
        let r = try CLI.run(["run", CLI.scenario(file), "--scale", "0.1", "--seed", "3", "--out", out, "--quiet"] + sets)
        #expect(r.status == 0, "\(r.stderr)")
        return out
    }

    /// Everyone called is sampled or given up for good; every arrival is sampled or gives up.
    @Test func peopleAreConserved() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let out = try Self.run(tmp, "paper", "screening-luohu-paper.yaml", ["screening.population_share=0.02", "screening.sites=5"])
        let s = try readCSV(out + "/summary.csv")[0]
        let people = Int(s["screening_people"]!)!, sampled = Int(s["screening_sampled"]!)!, lost = Int(s["screening_not_sampled"]!)!
        #expect(people == Int((20_000_000.0 * 114.38 / 1749.43 * 0.02).rounded()), "Luohu's census share of 20 million")
        #expect(people == sampled + lost)
        var arrivals = 0, samples = 0
        for row in try readCSV(out + "/screening.csv") {
            let a = Int(row["arrivals"]!)!, x = Int(row["sampled"]!)!, g = Int(row["gave_up"]!)!
            #expect(a == x + g, "\(row)")
            arrivals += a; samples += x
        }
        #expect(samples == sampled && arrivals >= people)
    }

    /// With paper registration and patient people who all come back, the desks are the bottleneck:
    /// a site samples at most its desks' capacity a day (desks × 720 minutes ÷ 1 minute), and on
    /// the days its line never empties it samples within 5 % of it (a saturated server's
    /// throughput is its service rate, whatever the arrivals).
    @Test func saturatedDesksSampleAtCapacity() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let out = try Self.run(tmp, "saturated", "screening-luohu-paper.yaml", ["screening.population_share=0.02", "screening.sites=2", "screening.days=1",
                                                  "screening.patience_mean_min=1440", "screening.return_probability=1",
                                                  "screening.arrivals_by_hour=flat"])
        var perSiteDay: [String: Int] = [:]
        for row in try readCSV(out + "/screening.csv") { perSiteDay["\(row["site"]!)/\(row["day"]!)", default: 0] += Int(row["sampled"]!)! }
        let capacity = 3.0 * 720 / 1.0
        // 26,000 people at two sites: 13,000 each against 2,160 a day, so every day but the last is saturated.
        let days = Set(perSiteDay.keys.map { $0.split(separator: "/")[1] }).count
        #expect(days >= 6)
        for (key, n) in perSiteDay {
            #expect(Double(n) <= 1.05 * capacity, "\(key): \(n) sampled against a capacity of \(capacity)")
            if !key.hasSuffix("/\(days)") { #expect(Double(n) >= 0.95 * capacity, "\(key): \(n) sampled on a saturated day") }
        }
    }

    /// The article's lever: registration by health code (5 s) against paper (60 s), same people and
    /// arrivals (common random numbers): waiting hours and the time to sample everyone fall.
    @Test func healthCodeCutsWaitsAndTime() throws {
        let tmp = try TemporaryDirectory()
        defer { tmp.cleanup() }
        let small = ["screening.population_share=0.05", "screening.sites=10"]
        let paper = try readCSV(try Self.run(tmp, "paper", "screening-luohu-paper.yaml", small) + "/summary.csv")[0]
        let code = try readCSV(try Self.run(tmp, "code", "screening-luohu-health-code.yaml", small) + "/summary.csv")[0]
        let hours = { (r: [String: String], k: String) in Double(r[k]!)! }
        #expect(hours(code, "screening_wait_hours") < 0.1 * hours(paper, "screening_wait_hours"))
        #expect(hours(code, "screening_hours_to_finish") < hours(paper, "screening_hours_to_finish"))
        #expect(hours(code, "screening_people") == hours(paper, "screening_people"))
    }
}
