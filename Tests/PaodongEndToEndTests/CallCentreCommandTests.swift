import Foundation
import PaodongTestSupport
import Testing

/// `paodong queue --patience-mean` and `paodong staff` as a user runs them.
@Suite struct CallCentreCommandTests {
    /// The CSV prints each simulated figure beside Erlang A's, and they agree on a clear case.
    @Test func queueWithPatiencePrintsErlangA() throws {
        let r = try CLI.run(["queue", "--servers", "10", "--arrival-rate", "2", "--service-mean", "5", "--patience-mean", "3",
                             "--customers", "1000000", "--csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        #expect(lines.count == 2)
        let row = Dictionary(uniqueKeysWithValues: zip(lines[0], lines[1]))
        let simulated = try #require(Double(row["p_abandon"] ?? "")), palm = try #require(Double(row["erlang_a_p_abandon"] ?? ""))
        #expect(abs(simulated / palm - 1) < 0.03, "P(abandon) \(simulated) vs Erlang A \(palm)")
        #expect(row["rho"] == "1.000000")
    }

    /// `staff` gives the fewest agents: the count it names meets the target, one fewer does not.
    @Test func staffGivesTheFewestAgents() throws {
        let r = try CLI.run(["staff", "--arrival-rate", "33", "--service-mean", "5", "--patience-mean", "2", "--target", "0.8", "--csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        let pairs = rows.compactMap { fields -> (Int, Double)? in
            guard let n = Int(fields[0]), let share = Double(fields[2]) else { return nil }
            return (n, share)
        }
        let answer = try #require(pairs.first { $0.1 >= 0.8 })
        #expect(pairs.filter { $0.0 < answer.0 }.allSatisfy { $0.1 < 0.8 })
        #expect(pairs.contains { $0.0 == answer.0 - 1 }, "the CSV shows the count below the answer")
        let plain = try CLI.run(["staff", "--arrival-rate", "33", "--service-mean", "5", "--patience-mean", "2"])
        #expect(plain.stdout.contains("agents                      \(answer.0)"))
    }

    /// Without a patience, `staff` sizes an M/M/c queue by Erlang C: the CSV's count meets
    /// P(wait ≤ T) ≥ target and the one below does not; no one abandons.
    @Test func staffWithoutPatienceIsErlangC() throws {
        let r = try CLI.run(["staff", "--arrival-rate", "2", "--service-mean", "5", "--threshold-min", "5", "--target", "0.9", "--csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        #expect(lines.first == ["servers", "rho", "share_within_threshold", "p_wait", "p_abandon", "wait_mean_min"])
        let rows = lines.dropFirst().compactMap { f -> (Int, Double, Double)? in
            guard let n = Int(f[0]), let share = Double(f[2]), let abandon = Double(f[4]) else { return nil }
            return (n, share, abandon)
        }
        let answer = try #require(rows.first { $0.1 >= 0.9 })
        #expect(rows.filter { $0.0 < answer.0 }.allSatisfy { $0.1 < 0.9 })
        #expect(rows.allSatisfy { $0.2 == 0 })
        // a = 10 in service: with 12 servers C = 0.4494 and P(W ≤ 5) = 1 − C·e^(−(12/5 − 2)·5) = 0.9392;
        // with 11, C = 0.6821 and 1 − C·e^(−1) = 0.7491 (Erlang C tables).
        #expect(answer.0 == 12)
        let plain = try CLI.run(["staff", "--arrival-rate", "2", "--service-mean", "5", "--threshold-min", "5", "--target", "0.9"])
        #expect(plain.stdout.contains("servers                     12"))
        #expect(plain.stdout.contains("Erlang C"))
    }

    /// Bad options are usage errors (64) that say what is allowed.
    @Test(arguments: [
        (["queue", "--servers", "2", "--arrival-rate", "1", "--service-mean", "1", "--patience-mean", "-1"], "--patience-mean"),
        (["queue", "--servers", "2", "--arrival-rate", "1", "--service-mean", "1", "--patience-mean", "2",
          "--service-distribution", "lognormal"], "exponential"),
        (["staff", "--arrival-rate", "10", "--service-mean", "5", "--patience-mean", "2", "--target", "1"], "--target"),
        (["staff", "--arrival-rate", "nan", "--service-mean", "5", "--patience-mean", "2"], "--arrival-rate"),
    ])
    func badOptions(_ arguments: [String], _ mention: String) throws {
        let r = try CLI.run(arguments)
        #expect(r.status == 64, "\(arguments): \(r.status) \(r.stderr)")
        #expect(r.stderr.contains(mention), "\(r.stderr)")
    }
}
