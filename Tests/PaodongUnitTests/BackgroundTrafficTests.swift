import Foundation
import PaodongEngine
import PaodongModel
import Testing

/// A miniature's background visits: drawn in time order as a Poisson process over the arrival
/// profile (`ArrivalProcess.poissonArrivals`), the law of a Poisson count of independent arrivals,
/// and merged with the simulated visits in the order a sort of both would give (`QueueState.merge`);
/// their service times drawn with the counter stream's normal.
@Suite struct BackgroundTrafficTests {
    /// Mornings 9–12 and an afternoon 14:00–15:30 (a half slot at the end), unequal hourly weights.
    static let process = ArrivalProcess(periods: [OpeningPeriod(start: 540, end: 720), OpeningPeriod(start: 840, end: 930)],
                                        profile: [1, 3, 2, 0.5, 4], patienceMeanMin: 20)

    /// Over 4,000 days of 40 expected arrivals: the daily count has mean 40 and variance equal to its
    /// mean (Poisson: index of dispersion 1 within 4 standard errors), arrivals fall in the slots in
    /// proportion to their weights (χ², 4 degrees of freedom, below the 0.1 % critical value 18.47),
    /// uniformly within each slot (Kolmogorov–Smirnov at 1 %), in time order and inside the slots.
    @Test func arrivalsFollowThePoissonProcessOfTheProfile() {
        let p = Self.process, expected = 40.0, days = 4000
        let rng = RandomStream(seed: 7, chunk: 3, purpose: .queue)
        var counts: [Double] = [], perSlot = Array(repeating: 0.0, count: p.slots.count)
        var positions: [Double] = [], outOfOrder = 0, outside = 0
        for _ in 0..<days {
            var draws = CounterStream(rng)
            var n = 0, last = -Double.infinity
            p.poissonArrivals(expected: expected, &draws) { t, _ in
                n += 1
                if t < last { outOfOrder += 1 }
                last = t
                guard let k = p.slots.firstIndex(where: { t >= $0.start && t < $0.start + $0.length }) else { outside += 1; return }
                perSlot[k] += 1
                positions.append((t - p.slots[k].start) / p.slots[k].length)
            }
            counts.append(Double(n))
        }
        #expect(outOfOrder == 0 && outside == 0)
        let mean = counts.reduce(0, +) / Double(days)
        let variance = counts.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(days - 1)
        #expect(abs(mean - expected) < 4 * (expected / Double(days)).squareRoot(), "mean \(mean)")
        #expect(abs(variance / mean - 1) < 4 * (2 / Double(days)).squareRoot(), "dispersion \(variance / mean)")
        let total = perSlot.reduce(0, +)
        let weights = p.cumulative!.enumerated().map { $0.element - ($0.offset > 0 ? p.cumulative![$0.offset - 1] : 0) }
        let chi2 = zip(perSlot, weights).map { ($0 - total * $1) * ($0 - total * $1) / (total * $1) }.reduce(0, +)
        #expect(chi2 < 18.47, "χ² \(chi2) over the slots")
        positions.sort()
        let m = Double(positions.count)
        let ks = positions.enumerated().map { max(abs(Double($0.offset + 1) / m - $0.element), abs($0.element - Double($0.offset) / m)) }.max()!
        #expect(ks < 1.63 / m.squareRoot(), "KS distance \(ks)")
    }

    /// No expected arrivals, none drawn; a zero-weight slot gets none.
    @Test func emptyDaysAndSlots() {
        var draws = CounterStream(RandomStream(seed: 1, chunk: 0, purpose: .queue))
        var n = 0
        Self.process.poissonArrivals(expected: 0, &draws) { _, _ in n += 1 }
        #expect(n == 0)
        let quiet = ArrivalProcess(periods: [OpeningPeriod(start: 540, end: 660)], profile: [0, 1], patienceMeanMin: 20)
        var early = 0, late = 0
        quiet.poissonArrivals(expected: 500, &draws) { t, _ in if t < 600 { early += 1 } else { late += 1 } }
        #expect(early == 0 && late > 400)
    }

    /// The counter stream's normal (a 256-layer ziggurat, for the background visits' lognormal
    /// service times) against the standard normal over 10⁶ draws: mean and variance, the shares
    /// beyond the ziggurat's base at 3.654 (its tail, 2.58 × 10⁻⁴) and beyond 1, symmetry, the
    /// Kolmogorov–Smirnov distance to Φ within its 1 % critical value, and the lognormal it makes
    /// having the mean and coefficient of variation asked for.
    @Test func normalsAreStandardNormal() {
        var draws = CounterStream(RandomStream(seed: 5, chunk: 1, purpose: .queue))
        let n = 1_000_000
        var z = [Double](repeating: 0, count: n)
        for i in 0..<n { z[i] = draws.normal() }
        let mean = z.reduce(0, +) / Double(n)
        let variance = z.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n - 1)
        #expect(abs(mean) < 4 / Double(n).squareRoot(), "mean \(mean)")
        #expect(abs(variance - 1) < 4 * (2 / Double(n)).squareRoot(), "variance \(variance)")
        func share(beyond x: Double) -> Double { Double(z.filter { abs($0) > x }.count) / Double(n) }
        for x in [1.0, 3.654_152_885_361_008_8] {
            let p = erfc(x / 2.0.squareRoot())
            #expect(abs(share(beyond: x) - p) < 4 * (p * (1 - p) / Double(n)).squareRoot(), "P(|Z| > \(x)) \(share(beyond: x)) vs \(p)")
        }
        let negative = Double(z.filter { $0 < 0 }.count) / Double(n)
        #expect(abs(negative - 0.5) < 4 * (0.25 / Double(n)).squareRoot())
        let sorted = z.sorted()
        var ks = 0.0
        for (i, x) in sorted.enumerated() {
            let cdf = 0.5 * erfc(-x / 2.0.squareRoot())
            ks = max(ks, abs(Double(i + 1) / Double(n) - cdf), abs(cdf - Double(i) / Double(n)))
        }
        #expect(ks < 1.63 / Double(n).squareRoot(), "KS distance \(ks)")
        // A lognormal of mean 4 and cv 0.6 from these normals, as the halls draw service times.
        let cv = 0.6, target = 4.0, s2 = log1p(cv * cv)
        let service = z.map { exp(log(target) - s2 / 2 + s2.squareRoot() * $0) }
        let sMean = service.reduce(0, +) / Double(n)
        let sSD = (service.map { ($0 - sMean) * ($0 - sMean) }.reduce(0, +) / Double(n - 1)).squareRoot()
        #expect(abs(sMean / target - 1) < 0.005 && abs(sSD / sMean - cv) < 0.01, "mean \(sMean), cv \(sSD / sMean)")
    }

    /// Merging two sorted lists gives the sort of their union, ties in arrival broken by chunk
    /// (background first) and index.
    @Test func mergeIsTheSortOfTheUnion() {
        let rng = RandomStream(seed: 3, chunk: 0, purpose: .queue)
        for trial in 0..<50 {
            func list(_ chunk: () -> Int32, _ n: Int) -> [(arrival: Double, chunk: Int32, visit: Int32)] {
                (0..<n).map { i in (Double(rng.uniformInt(20)), chunk(), Int32(i)) }.sorted(by: QueueState.before)
            }
            let a = list({ Int32(rng.uniformInt(4)) }, rng.uniformInt(30) + trial % 2)
            let b = list({ -1 - Int32(rng.uniformInt(2)) }, rng.uniformInt(30))
            var merged: [(arrival: Double, chunk: Int32, visit: Int32)] = [(0, 0, 0)]
            QueueState.merge(a, b, into: &merged)
            let sorted = (a + b).sorted(by: QueueState.before)
            #expect(merged.count == sorted.count)
            #expect(zip(merged, sorted).allSatisfy { $0.arrival == $1.arrival && $0.chunk == $1.chunk && $0.visit == $1.visit })
        }
    }
}
