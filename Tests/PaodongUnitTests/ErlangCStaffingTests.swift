import Foundation
import PaodongEngine
import Testing

/// `paodong staff` without patience: the fewest servers of an M/M/c queue with P(W ≤ T) ≥ target,
/// against Erlang C computed here independently (Erlang B by its recursion, then C), by scanning
/// every server count.
@Suite struct ErlangCStaffingTests {
    /// Erlang C from Erlang B's recursion B(k) = a·B(k−1) / (k + a·B(k−1)), B(0) = 1.
    static func erlangC(servers c: Int, load a: Double) -> Double {
        var b = 1.0
        for k in 1...c { b = a * b / (Double(k) + a * b) }
        return Double(c) * b / (Double(c) - a * (1 - b))
    }

    /// The fewest servers by scanning from the first stable count.
    static func scan(target: Double, within t: Double, lambda: Double, mean: Double) -> Int {
        let a = lambda * mean
        var c = Int(a.rounded(.down)) + 1
        while 1 - erlangC(servers: c, load: a) * exp(-(Double(c) / mean - lambda) * t) < target { c += 1 }
        return c
    }

    static let cases: [(lambda: Double, mean: Double, t: Double, target: Double)] = {
        var cases: [(Double, Double, Double, Double)] = []
        for a in [0.05, 0.6, 3.0, 12.5, 41.0, 97.0, 183.0, 312.0, 480.0] {
            for (t, target) in [(0.0, 0.5), (0.25, 0.8), (2.0, 0.95), (10.0, 0.99)] {
                cases.append((a / 4, 4, t, target))   // 4-minute services, λ = a/4 a minute
            }
        }
        return cases
    }()

    @Test func fewestServersMatchIndependentErlangC() {
        var largest = 0, smallest = Int.max
        for k in Self.cases {
            let expected = Self.scan(target: k.target, within: k.t, lambda: k.lambda, mean: k.mean)
            let got = ErlangC.servers(target: k.target, within: k.t, arrivalRate: k.lambda, serviceMean: k.mean)
            #expect(got == expected, "λ \(k.lambda) mean \(k.mean) T \(k.t) target \(k.target): \(got), scan \(expected)")
            largest = max(largest, expected); smallest = min(smallest, expected)
            // The share at the answer and one below, against the independent C.
            let share = ErlangC.shareWithin(k.t, servers: got, arrivalRate: k.lambda, serviceMean: k.mean)
            let independent = 1 - Self.erlangC(servers: got, load: k.lambda * k.mean) * exp(-(Double(got) / k.mean - k.lambda) * k.t)
            #expect(abs(share - independent) < 1e-9, "share \(share) vs \(independent)")
        }
        // The cases span the range the issue asks for.
        #expect(smallest == 1 && largest >= 480 && largest <= 500, "answers from \(smallest) to \(largest)")
    }

    @Test func anUnstableQueueMeetsNothing() {
        #expect(ErlangC.shareWithin(1, servers: 10, arrivalRate: 3, serviceMean: 4) == 0)   // a = 12 > 10
        #expect(ErlangC.shareWithin(1, servers: 12, arrivalRate: 3, serviceMean: 4) == 0)   // a = c
    }
}
