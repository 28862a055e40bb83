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
}

