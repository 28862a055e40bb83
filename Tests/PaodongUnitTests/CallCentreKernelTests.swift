import Foundation
import PaodongEngine
import PaodongModel
import Testing

/// The call centre's workload recursion (`CallCentre.run`) against its event kernel
/// (`CallCentre.runEvents`), bit for bit, on the hotline's cases: a day's roster by hour, closed
/// hours, a roster that drops below the calls in progress, redials, a surge, ties in arrival time,
/// arrivals on the hour, and the stationary centre of `paodong queue`.
@Suite struct CallCentreKernelTests {
    /// A line's day: `calls` first attempts spread by `weights` over 24 hours (times to the
    /// microsecond, as the hotline sorts them, or to the `tick` minute to force ties), of `kinds`
    /// kinds.
    static func day(calls: Int, weights: [Double], kinds: Int, tick: Double? = nil, seed: UInt64) -> ([Double], [UInt8]) {
        let rng = RandomStream(seed: seed, chunk: 0, purpose: .needs)
        let total = weights.reduce(0, +)
        var cumulative: [Double] = []
        var sum = 0.0
        for w in weights { sum += w / total; cumulative.append(sum) }
        var times: [Double] = []
        for _ in 0..<calls {
            let u = rng.uniform()
            let hour = cumulative.firstIndex { u < $0 } ?? 23
            let m = Double(hour) * 60 + rng.uniform() * 60
            times.append(tick.map { ($0 * (m / $0).rounded(.down)) } ?? Double(UInt64(m * 60_000_000)) / 60_000_000)
        }
        times.sort()
        let kind = (0..<calls).map { _ in UInt8(rng.uniformInt(kinds)) }
        return (times, kind)
    }

    /// Runs both kernels on the same calls and day key and expects every output to be the same bits.
    static func expectSame(_ centre: CallCentre, _ arrival: [Double], _ kind: [UInt8], seed: UInt64, _ label: String) {
        var a = CallCentre.Results(), b = CallCentre.Results()
        arrival.withUnsafeBufferPointer { t in
            kind.withUnsafeBufferPointer { k in
                centre.run(arrival: t, kind: k, rng: RandomStream(seed: seed, chunk: 1, purpose: .hotline), into: &a)
                centre.runEvents(arrival: t, kind: k, rng: RandomStream(seed: seed, chunk: 1, purpose: .hotline), into: &b)
            }
        }
        // The first call that differs, if any (whole arrays would flood the log).
        let first = arrival.indices.first { a.status[$0] != b.status[$0] || a.attempts[$0] != b.attempts[$0] || a.wait[$0].bitPattern != b.wait[$0].bitPattern }
        #expect(first == nil, "\(label): call \(first ?? -1) at \(first.map { arrival[$0] } ?? 0): recursion \(first.map { "\(a.status[$0]) \(a.attempts[$0]) \(a.wait[$0])" } ?? ""), events \(first.map { "\(b.status[$0]) \(b.attempts[$0]) \(b.wait[$0])" } ?? "")")
        let period = a.periods.indices.first { a.periods[$0] != b.periods[$0] }
        #expect(period == nil, "\(label): counts of period \(period ?? -1) differ")
        #expect(a.busyMinutes.bitPattern == b.busyMinutes.bitPattern, "\(label): busy minutes \(a.busyMinutes) vs \(b.busyMinutes)")
        #expect(a.waited == b.waited, "\(label): waited")
        // Not a trivial case: some callers waited, and (with redials) some redialled.
        #expect(a.waited > 0, "\(label): nobody waited")
    }

    /// shenzhen-2020's general line: its roster by hour and its call mix, on an ordinary day and on
    /// a surge day (calls × 3, agents × 1.2).
    static let staffing: [Double] = [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.15, 0.3, 0.6, 0.95, 1.0, 0.95,
                                     0.7, 0.75, 0.95, 0.95, 0.9, 0.75, 0.55, 0.45, 0.35, 0.3, 0.2, 0.12]
    static let callsByHour: [Double] = [0.3, 0.2, 0.15, 0.1, 0.1, 0.2, 0.5, 1.5, 4.5, 8.5, 9.0, 8.5,
                                        6.0, 6.5, 8.5, 8.5, 8.0, 6.5, 4.5, 3.5, 3.0, 2.5, 1.5, 0.8]

    @Test(arguments: [(22_000, 210.0, UInt64(1)), (22_000, 150.0, UInt64(2)), (66_000, 252.0, UInt64(3))])
    func theGeneralLinesDay(_ calls: Int, _ peak: Double, _ seed: UInt64) {
        let agents = Self.staffing.map { Int(($0 * peak).rounded()) }
        let centre = CallCentre(agents: agents, periodMinutes: 60, serviceMean: [4, 6, 8, 5], patienceMean: 2,
                                redialProbability: 0.5, redialDelayMean: 10, lastArrival: 1440, thresholdMin: 0.25)
        let (t, k) = Self.day(calls: calls, weights: Self.callsByHour, kinds: 4, seed: seed)
        Self.expectSame(centre, t, k, seed: seed, "general line \(calls) calls, peak \(peak)")
    }

    /// Closed hours (no agent at night and at lunch), a roster that falls from 40 to 2 agents
    /// while long calls are in progress, and callers who always redial.
    @Test func closedHoursAndARosterThatDrops() {
        var agents = [Int](repeating: 0, count: 24)
        for h in 8..<12 { agents[h] = 40 }
        agents[12] = 2
        for h in 14..<18 { agents[h] = 30 }
        let centre = CallCentre(agents: agents, periodMinutes: 60, serviceMean: [12, 30], patienceMean: 20,
                                redialProbability: 1, redialDelayMean: 15, lastArrival: 1440, thresholdMin: 0.25)
        let (t, k) = Self.day(calls: 6_000, weights: Self.callsByHour, kinds: 2, seed: 11)
        Self.expectSame(centre, t, k, seed: 11, "closed hours")
    }

    /// A roster that falls every other hour (30 → 10) while callers redial: a redial that arrives
    /// while an earlier caller waits out a fall must not find the agents that caller's search saw
    /// free later (the case that needs the recursion's floor).
    @Test func aRosterThatFallsWhileCallersRedial() {
        let agents = (0..<24).map { $0 % 2 == 0 ? 10 : 30 }
        let centre = CallCentre(agents: agents, periodMinutes: 60, serviceMean: [5], patienceMean: 3,
                                redialProbability: 0.5, redialDelayMean: 10, lastArrival: 1440, thresholdMin: 0.25)
        let (t, k) = Self.day(calls: 8_000, weights: Array(repeating: 1, count: 24), kinds: 1, seed: 5)
        Self.expectSame(centre, t, k, seed: 5, "falling roster")
    }

    /// Arrival times on whole minutes (many ties, and arrivals exactly on the hour when the roster
    /// changes), an overloaded line whose callers redial.
    @Test func tiesAndArrivalsOnTheHour() {
        let agents = (0..<24).map { $0 % 3 == 0 ? 3 : 12 }
        let centre = CallCentre(agents: agents, periodMinutes: 60, serviceMean: [5], patienceMean: 3,
                                redialProbability: 0.7, redialDelayMean: 2, lastArrival: 1440, thresholdMin: 0.25)
        let (t, k) = Self.day(calls: 8_000, weights: Array(repeating: 1, count: 24), kinds: 1, tick: 1, seed: 12)
        #expect(t.contains { $0.truncatingRemainder(dividingBy: 60) == 0 }, "some arrivals on the hour")
        Self.expectSame(centre, t, k, seed: 12, "ties")
    }

    /// The stationary centre of `paodong queue --patience-mean` (one period of infinite length).
    @Test(arguments: [(10, 2.0, 5.0, 3.0), (100, 19.0, 5.0, 2.0), (500, 130.0, 4.0, 1.0)])
    func theStationaryCentre(_ agents: Int, _ rate: Double, _ service: Double, _ patience: Double) {
        let rng = RandomStream(seed: 13, chunk: 0, purpose: .needs)
        var t = 0.0
        let times = (0..<50_000).map { _ in t += rng.exponential(mean: 1 / rate); return t }
        let centre = CallCentre(agents: [agents], periodMinutes: .infinity, serviceMean: [service], patienceMean: patience,
                                redialProbability: 0, redialDelayMean: 1, lastArrival: .infinity, thresholdMin: 0.25)
        Self.expectSame(centre, times, [UInt8](repeating: 0, count: times.count), seed: 13, "stationary \(agents)")
    }

    /// The keyed draws' exponential (the ziggurat) against the exponential distribution: mean,
    /// tail shares at 1, 5 and 10 (beyond the ziggurat's base at 7.7, where it switches to the
    /// tail), and the Kolmogorov–Smirnov distance to 1 − e^−x within its 1 % critical value.
    @Test func keyedExponentialsAreExponential() {
        let draws = CallCentre.Draws(RandomStream(seed: 17, chunk: 1, purpose: .hotline))
        let n = 1_000_000
        var x = (0..<n).map { draws.exponential(call: $0 >> 2, attempt: UInt8($0 & 3), .callTime, mean: 1) }
        let mean = x.reduce(0, +) / Double(n)
        #expect(abs(mean - 1) < 0.005, "mean \(mean)")
        for (at, tolerance) in [(1.0, 0.002), (5.0, 0.0005), (10.0, 0.00005)] {
            let share = Double(x.filter { $0 > at }.count) / Double(n)
            #expect(abs(share - exp(-at)) < tolerance, "P(X > \(at)) = \(share), e^-x = \(exp(-at))")
        }
        x.sort()
        var d = 0.0
        for (i, v) in x.enumerated() {
            let f = 1 - exp(-v)
            d = max(d, abs(f - Double(i) / Double(n)), abs(Double(i + 1) / Double(n) - f))
        }
        #expect(d < 1.63 / Double(n).squareRoot(), "KS distance \(d)")
        // Uniforms for the redial decision: P(u < 0.3) = 0.3.
        let below = (0..<n).filter { draws.uniform(call: $0, attempt: 1, .redial) < 0.3 }.count
        #expect(abs(Double(below) / Double(n) - 0.3) < 0.002)
    }
}
