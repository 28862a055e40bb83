import PaodongModel

/// The call-centre kernel run alone (`paodong queue --patience-mean`): constant agents, Poisson
/// calls, exponential call times and patience, no redials and no closing: Palm's M/M/n+M queue,
/// whose simulated figures are printed beside `ErlangA`'s.
public struct StationaryCallCentre: Sendable {
    public var agents: Int
    /// Calls per minute.
    public var arrivalRate: Double
    public var serviceMean: Double
    public var patienceMean: Double
    public var customers: Int
    public var thresholdMin: Double
    public var seed: UInt64

    public init(agents: Int, arrivalRate: Double, serviceMean: Double, patienceMean: Double, customers: Int,
                thresholdMin: Double, seed: UInt64) {
        self.agents = agents; self.arrivalRate = arrivalRate; self.serviceMean = serviceMean
        self.patienceMean = patienceMean; self.customers = customers; self.thresholdMin = thresholdMin; self.seed = seed
    }

    /// Simulated figures, as shares of all callers (ErlangA.Figures' definitions).
    public struct Statistics: Sendable {
        public var simulated: ErlangA.Figures
        public var utilization: Double
    }

    /// Runs the callers. O(customers log customers) time, about 30 bytes per caller of memory.
    public func run() -> Statistics {
        let arrivals = RandomStream(seed: seed, chunk: 0, purpose: .needs)
        let draws = RandomStream(seed: seed, chunk: 0, purpose: .queue)
        var times = [Double](); times.reserveCapacity(customers)
        var t = 0.0
        for _ in 0..<customers {
            t += arrivals.exponential(mean: 1 / arrivalRate)
            times.append(t)
        }
        let kinds = [UInt8](repeating: 0, count: customers)
        let centre = CallCentre(agents: [agents], periodMinutes: .infinity, serviceMean: [serviceMean], patienceMean: patienceMean,
                                redialProbability: 0, redialDelayMean: 1, lastArrival: .infinity, thresholdMin: thresholdMin)
        var r = CallCentre.Results()
        times.withUnsafeBufferPointer { a in
            kinds.withUnsafeBufferPointer { k in centre.run(arrival: a, kind: k, rng: draws, into: &r) }
        }
        let c = r.periods[0], n = Double(customers)
        let answeredWait = Double(c.answeredWaitMs) / 60_000, abandonedWait = Double(c.abandonedWaitMs) / 60_000
        let figures = ErlangA.Figures(
            waitProbability: Double(r.waited) / n, abandonProbability: Double(c.abandoned) / n,
            meanWaitAnswered: c.answered > 0 ? answeredWait / Double(c.answered) : 0,
            meanWaitAll: (answeredWait + abandonedWait) / n, answeredWithin: Double(c.answeredWithin) / n,
            meanLine: Double(c.lineSeen) / n)
        return Statistics(simulated: figures, utilization: r.busyMinutes / (Double(agents) * (times.last ?? 1)))
    }
}
