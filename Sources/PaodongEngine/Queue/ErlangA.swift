import Foundation
import CGSL

/// Palm's M/M/n+M queue (Erlang A): `agents` servers, Poisson calls, exponential service and
/// exponential patience. Stable at any load, overload included: abandonment keeps it finite.
///
/// Two independent computations, so that each checks the other and both check the simulation:
/// - Palm's closed forms for P(wait > 0) and P(abandon) (Mandelbaum & Zeltyn, "The Palm/Erlang-A
///   queue, with applications to call centers", 2007: A(x, y) = x eʸ y⁻ˣ γ(x, y) with x = nμ/θ,
///   y = λ/θ and Erlang B);
/// - the birth–death chain's stationary distribution, from which every figure follows by PASTA:
///   a caller who finds j others in line is answered with probability nμ / (nμ + (j+1)θ), after
///   a wait that, given it is answered, is a sum of exponentials of rates nμ + iθ, i = 1…j+1,
///   distributed as −ln(B)/θ with B ~ Beta(nμ/θ + 1, j + 1) (hence the regularized incomplete
///   beta function for the share answered within a threshold).
///
/// Rates per minute, times in minutes. O(states) for the series, where the chain is truncated once
/// its terms fall below 10⁻¹⁸ of the total.
public struct ErlangA: Sendable {
    public let agents: Int
    /// Calls per minute (λ).
    public let arrivalRate: Double
    /// Mean minutes of a call (1/μ).
    public let serviceMean: Double
    /// Mean minutes a caller waits before hanging up (1/θ).
    public let patienceMean: Double

    public init(agents: Int, arrivalRate: Double, serviceMean: Double, patienceMean: Double) {
        precondition(agents >= 1 && arrivalRate > 0 && serviceMean > 0 && patienceMean > 0 && patienceMean.isFinite,
                     "Erlang A needs n ≥ 1 and positive, finite rates")
        self.agents = agents; self.arrivalRate = arrivalRate; self.serviceMean = serviceMean; self.patienceMean = patienceMean
        // GSL's special functions report an underflow (a term that is 0 to double precision) as an
        // error; off, they return the 0.
        paodong_gsl_quiet()
    }

    private var mu: Double { 1 / serviceMean }
    private var theta: Double { 1 / patienceMean }
    /// Offered load per agent, λ / (nμ); may exceed 1.
    public var rho: Double { arrivalRate * serviceMean / Double(agents) }

    /// Erlang B with n servers and offered load a = λ/μ, by the stable recursion B_k = a B_{k−1} / (k + a B_{k−1}). O(n).
    public var erlangB: Double {
        let a = arrivalRate * serviceMean
        var b = 1.0
        for k in 1...agents { b = a * b / (Double(k) + a * b) }
        return b
    }

    /// ln A(x, y), A = x eʸ y⁻ˣ γ(x, y) = 1 + Σⱼ yʲ / ((x+1)…(x+j)). At or past full load (y ≥ x,
    /// i.e. ρ ≥ 1) through the regularized incomplete gamma P(x, y), which is then at least about
    /// ½; below it P underflows for large centres, and the series, whose terms shrink at least
    /// by y/x, is used instead.
    private var logPalmA: Double {
        let x = Double(agents) * mu / theta, y = arrivalRate / theta
        if y >= x { return y - x * log(y) + lgamma(x + 1) + log(gsl_sf_gamma_inc_P(x, y)) }
        var term = 1.0, sum = 1.0, k = 1.0
        while term > 1e-17 * sum {
            term *= y / (x + k)
            sum += term
            k += 1
        }
        return log(sum)
    }

    /// Palm's P(wait > 0) = A·B / (1 + (A − 1)·B), written as B / (B + (1 − B)/A) so that an
    /// overloaded queue (A beyond Double's range) gives 1.
    public var waitProbabilityPalm: Double {
        let b = erlangB, inverseA = exp(-logPalmA)
        return b / (b + (1 - b) * inverseA)
    }

    /// Palm's P(abandon) = (1/(ρA) + 1 − 1/ρ) · P(wait > 0).
    public var abandonProbabilityPalm: Double {
        let inverseA = exp(-logPalmA)
        return (inverseA / rho + 1 - 1 / rho) * waitProbabilityPalm
    }

    /// Figures of the stationary chain, as seen by an arriving caller.
    public struct Figures: Sendable, Equatable {
        /// P(not answered at once).
        public var waitProbability: Double
        public var abandonProbability: Double
        /// Mean wait of the callers who are answered.
        public var meanWaitAnswered: Double
        /// Mean wait of all callers, the time to hang up included (= P(abandon)/θ by Little's law).
        public var meanWaitAll: Double
        /// Share of all callers answered within the threshold.
        public var answeredWithin: Double
        /// Mean callers in line (time average).
        public var meanLine: Double
    }

    /// The stationary distribution's figures, with `threshold` minutes for `answeredWithin`.
    ///
    /// Weights are kept as logarithms relative to state n (all agents busy, nobody in line), so that
    /// neither a heavily overloaded centre nor a large idle one overflows; states whose weight is
    /// below e⁻⁴⁵ of the largest past the mode are dropped. O(states).
    public func figures(threshold: Double) -> Figures {
        let n = Double(agents), mu = self.mu, theta = self.theta, lambda = arrivalRate
        let logA = log(lambda / mu), logLambda = log(lambda)
        let cut = 45.0
        // Below n: ln π_{k−1} − ln π_k = ln k − ln a.
        var below: [Double] = []
        var lw = 0.0, top = 0.0
        var k = agents
        while k > 0 {
            lw += log(Double(k)) - logA
            k -= 1
            below.append(lw)
            top = max(top, lw)
            if lw < top - cut && Double(k) < lambda / mu { break }
        }
        // In line: ln π_{n+j} − ln π_{n+j−1} = ln λ − ln(nμ + jθ).
        var queue: [Double] = [0]
        lw = 0
        var j = 0
        while true {
            j += 1
            lw += logLambda - log(n * mu + Double(j) * theta)
            top = max(top, lw)
            if lw < top - cut && Double(j) * theta > lambda - n * mu { break }
            queue.append(lw)
        }
        let x = n * mu / theta
        let u = -expm1(-theta * threshold)   // 1 − e^{−θt}
        var belowSum = 0.0
        for l in below { belowSum += exp(l - top) }
        var queued = 0.0, abandon = 0.0, waitAnswered = 0.0, within = 0.0, line = 0.0, harmonic = 0.0
        for (j, l) in queue.enumerated() {
            let w = exp(l - top)
            let answered = n * mu / (n * mu + Double(j + 1) * theta)
            harmonic += 1 / (n * mu + Double(j + 1) * theta)
            queued += w
            abandon += w * (1 - answered)
            waitAnswered += w * answered * harmonic
            line += w * Double(j)
            if threshold > 0 && w > 1e-300 { within += w * answered * gsl_sf_beta_inc(Double(j + 1), x + 1, u) }
        }
        let total = belowSum + queued
        let pAbandon = abandon / total
        return Figures(waitProbability: queued / total, abandonProbability: pAbandon,
                       meanWaitAnswered: waitAnswered / total / (1 - pAbandon), meanWaitAll: pAbandon / theta,
                       answeredWithin: (belowSum + within) / total, meanLine: line / total)
    }
}
