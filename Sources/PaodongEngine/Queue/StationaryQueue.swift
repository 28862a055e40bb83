import Histogram
import PaodongModel

/// The queue kernel run alone, stationary and unbounded (`paodong queue`): one window group,
/// Poisson arrivals, no closing, infinite patience. Its statistics can be checked against
/// queueing theory (Erlang C for exponential service).
public struct StationaryQueue: Sendable {
    public var servers: Int
    /// Arrivals per minute.
    public var arrivalRate: Double
    /// Mean service minutes.
    public var serviceMean: Double
    public var distribution: QueueKernel.ServiceDistribution
    public var customers: Int
    public var seed: UInt64

    public init(servers: Int, arrivalRate: Double, serviceMean: Double, distribution: QueueKernel.ServiceDistribution,
                customers: Int, seed: UInt64) {
        self.servers = servers; self.arrivalRate = arrivalRate; self.serviceMean = serviceMean
        self.distribution = distribution; self.customers = customers; self.seed = seed
    }

    public struct Statistics: Sendable {
        public var customers: Int
        public var waitMeanMin: Double
        public var waitP50Min: Double
        public var waitP90Min: Double
        public var waitP99Min: Double
        public var probabilityWait: Double
        public var utilization: Double
        /// Mean number waiting found by arrivals (time average by PASTA).
        public var queueLengthMean: Double
        /// Observed arrival rate times mean wait: Little's law says it equals `queueLengthMean`.
        public var littleLambdaW: Double
        /// Erlang C mean wait and P(wait > 0), for exponential service; nil otherwise.
        public var erlangCWaitMeanMin: Double?
        public var erlangCProbabilityWait: Double?
    }

    /// Offered load per server; must be below 1 for a stationary queue.
    public var rho: Double { arrivalRate * serviceMean / Double(servers) }

    /// Runs the queue. O(customers log servers) time, O(customers) memory.
    public func run() -> Statistics {
        let arrivals = RandomStream(seed: seed, chunk: 0, purpose: .needs)
        let service = RandomStream(seed: seed, chunk: 0, purpose: .queue)
        var c = QueueKernel.Customers()
        c.arrival.reserveCapacity(customers)
        var t = 0.0
        for _ in 0..<customers {
            t += arrivals.exponential(mean: 1 / arrivalRate)
            c.arrival.append(t)
        }
        c.patience = Array(repeating: .infinity, count: customers)
        c.stages = Array(repeating: 1, count: customers)
        c.group = Array(repeating: 0, count: customers)
        c.serviceMean = Array(repeating: serviceMean, count: customers)
        let kernel = QueueKernel(servers: [servers], distribution: distribution, ticketCap: nil, maxStages: 1)
        var r = QueueKernel.Results()
        kernel.run(c, closeAt: .infinity, rng: service, into: &r)

        // Waits in 1/10,000 minute, three significant digits: quantiles to 0.1 %.
        var histogram = Histogram<UInt64>(highestTrackableValue: 1 << 40, numberOfSignificantValueDigits: .three)
        var sumWait = 0.0, waited = 0, sumService = 0.0, sumQueue = 0.0
        for i in 0..<customers {
            let w = r.wait[i]
            sumWait += w
            if w > 0 { waited += 1 }
            sumService += r.service[i]
            sumQueue += Double(r.queueSeen[i])
            _ = histogram.record(UInt64((w * 10_000).rounded()))
        }
        let n = Double(customers)
        let horizon = c.arrival.last ?? 1
        let meanWait = sumWait / n
        var stats = Statistics(
            customers: customers, waitMeanMin: meanWait,
            waitP50Min: Double(histogram.valueAtPercentile(50)) / 10_000,
            waitP90Min: Double(histogram.valueAtPercentile(90)) / 10_000,
            waitP99Min: Double(histogram.valueAtPercentile(99)) / 10_000,
            probabilityWait: Double(waited) / n,
            utilization: sumService / (Double(servers) * horizon),
            queueLengthMean: sumQueue / n, littleLambdaW: n / horizon * meanWait,
            erlangCWaitMeanMin: nil, erlangCProbabilityWait: nil)
        if case .exponential = distribution, rho < 1 {
            stats.erlangCWaitMeanMin = ErlangC.meanWait(servers: servers, arrivalRate: arrivalRate, serviceMean: serviceMean)
            stats.erlangCProbabilityWait = ErlangC.waitProbability(servers: servers, offeredLoad: arrivalRate * serviceMean)
        }
        return stats
    }
}
