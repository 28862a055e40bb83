import Foundation
import CGSL

/// Erlang C formulas for the M/M/c queue, from GSL's Poisson distribution.
public enum ErlangC {
    /// Probability that an arrival waits, for `servers` servers and offered load `a = λ/μ` (a < c).
    ///
    /// Uses Erlang B = P(X = c) / P(X ≤ c) for X ~ Poisson(a), then C = B / (1 − ρ(1 − B)).
    public static func waitProbability(servers c: Int, offeredLoad a: Double) -> Double {
        precondition(c >= 1 && a > 0 && a < Double(c), "Erlang C needs 0 < a < c")
        let b = gsl_ran_poisson_pdf(UInt32(c), a) / gsl_cdf_poisson_P(UInt32(c), a)
        let rho = a / Double(c)
        return b / (1 - rho * (1 - b))
    }

    /// Mean wait in queue for arrival rate `lambda` per minute and mean service `mean` minutes.
    public static func meanWait(servers c: Int, arrivalRate lambda: Double, serviceMean mean: Double) -> Double {
        let a = lambda * mean
        return waitProbability(servers: c, offeredLoad: a) * mean / (Double(c) - a)
    }

    /// Quantile of the wait: P(W > t) = C · exp(−(cμ − λ) t), so t_p = ln(C / (1 − p)) / (cμ − λ), or 0.
    public static func waitQuantile(_ p: Double, servers c: Int, arrivalRate lambda: Double, serviceMean mean: Double) -> Double {
        let pw = waitProbability(servers: c, offeredLoad: lambda * mean)
        let rate = Double(c) / mean - lambda
        return pw <= 1 - p ? 0 : log(pw / (1 - p)) / rate
    }

    /// Share of arrivals that wait at most `t` minutes: P(W ≤ t) = 1 − C(c, a) · e^(−(cμ − λ) t);
    /// 0 when the queue is unstable (a ≥ c).
    public static func shareWithin(_ t: Double, servers c: Int, arrivalRate lambda: Double, serviceMean mean: Double) -> Double {
        let a = lambda * mean
        guard Double(c) > a else { return 0 }
        return 1 - waitProbability(servers: c, offeredLoad: a) * exp(-(Double(c) / mean - lambda) * t)
    }

    /// The fewest servers for which at least `target` of arrivals wait at most `t` minutes (the
    /// share grows with the servers), searched from the last unstable count. O(log c) evaluations.
    public static func servers(target: Double, within t: Double, arrivalRate lambda: Double, serviceMean mean: Double) -> Int {
        precondition(target > 0 && target < 1 && lambda > 0 && mean > 0 && t >= 0, "Erlang C sizing needs 0 < target < 1, λ, mean > 0, t ≥ 0")
        return fewestServers(from: Int((lambda * mean).rounded(.down))) {
            shareWithin(t, servers: $0, arrivalRate: lambda, serviceMean: mean) >= target
        }
    }
}
