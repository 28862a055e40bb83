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

    /// Runs the queue. O(customers log servers) time, memory for the servers and the longest line.
    ///
    /// With one FIFO group, infinite patience and no closing, the event kernel's schedule is the
    /// Kiefer–Wolfowitz recursion: customer i starts at max(arrival, the earliest time a server
    /// frees), customers start in arrival order (so service times are drawn in that order from the
    /// same stream), and the line an arrival finds is the earlier customers who start after it. This
    /// computes that schedule directly, bit for bit the kernel's (`runEventKernel` runs the kernel;
    /// a test compares the two), without storing the customers.
    public func run() -> Statistics {
        let arrivals = RandomStream(seed: seed, chunk: 0, purpose: .needs)
        let service = RandomStream(seed: seed, chunk: 0, purpose: .queue)
        let draw = QueueKernel.ServiceDraw(distribution)
        var histogram = Self.waitHistogram()
        var freeAt = [Double](repeating: 0, count: servers)  // a binary min-heap of the times servers free
        let line = StartTimes()  // start times of those still in line, in order
        var sums = Sums()
        var t = 0.0
        let meanGap = 1 / arrivalRate
        freeAt.withUnsafeMutableBufferPointer { heap in
            for _ in 0..<customers {
                t += arrivals.exponential(mean: meanGap)
                line.dropStarted(by: t)
                let start = max(t, heap[0])
                let s = draw.draw(serviceMean, service)
                sums.add(wait: start - t, service: s, queueSeen: line.count, into: &histogram)
                if start > t { line.append(start) }
                Self.replaceMin(heap, with: start + s)
            }
        }
        return statistics(sums, histogram: histogram, horizon: customers > 0 ? t : 1)
    }

    /// Runs the same queue through the event kernel (`QueueKernel`), storing every customer:
    /// the reference `run()` must match. O(customers log servers) time, O(customers) memory.
    public func runEventKernel() -> Statistics {
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
        var histogram = Self.waitHistogram()
        var sums = Sums()
        for i in 0..<customers { sums.add(wait: r.wait[i], service: r.service[i], queueSeen: Int(r.queueSeen[i]), into: &histogram) }
        return statistics(sums, histogram: histogram, horizon: c.arrival.last ?? 1)
    }

    /// Replaces the smallest of a binary min-heap by `value` and sifts it down. O(log n).
    @inline(__always) private static func replaceMin(_ heap: UnsafeMutableBufferPointer<Double>, with value: Double) {
        var i = 0
        let n = heap.count
        while true {
            let l = 2 * i + 1
            if l >= n { break }
            let r = l + 1
            let c = r < n && heap[r] < heap[l] ? r : l
            if heap[c] >= value { break }
            heap[i] = heap[c]
            i = c
        }
        heap[i] = value
    }

    /// A ring buffer of the start times of the customers in line, oldest first; owns its memory.
    /// (Deque did the same 5 % slower here: a uniqueness check on each of 2 × 10^7 operations.)
    private final class StartTimes {
        private var buffer: UnsafeMutablePointer<Double>
        private var capacity = 1024, head = 0
        private(set) var count = 0

        init() { buffer = .allocate(capacity: capacity) }
        deinit { buffer.deallocate() }

        /// Drops those who started at or before `t` (starts are in order). Amortised O(1).
        @inline(__always) func dropStarted(by t: Double) {
            while count > 0 && buffer[head] <= t {
                head = (head + 1) & (capacity - 1)
                count -= 1
            }
        }

        @inline(__always) func append(_ start: Double) {
            if count == capacity { grow() }
            buffer[(head + count) & (capacity - 1)] = start
            count += 1
        }

        private func grow() {
            let bigger = UnsafeMutablePointer<Double>.allocate(capacity: 2 * capacity)
            for i in 0..<count { bigger[i] = buffer[(head + i) & (capacity - 1)] }
            buffer.deallocate()
            buffer = bigger; head = 0; capacity *= 2
        }
    }

    /// Waits in 1/10,000 minute, three significant digits: quantiles to 0.1 %.
    private static func waitHistogram() -> Histogram<UInt64> {
        Histogram<UInt64>(highestTrackableValue: 1 << 40, numberOfSignificantValueDigits: .three)
    }

    /// Running sums over customers, added in customer order (so both runs sum identically).
    private struct Sums {
        var sumWait = 0.0, waited = 0, sumService = 0.0, sumQueue = 0.0, count = 0
        @inline(__always) mutating func add(wait w: Double, service: Double, queueSeen: Int, into histogram: inout Histogram<UInt64>) {
            sumWait += w
            if w > 0 { waited += 1 }
            sumService += service
            sumQueue += Double(queueSeen)
            count += 1
            _ = histogram.record(UInt64((w * 10_000).roundedToInt64))
        }
    }

    private func statistics(_ sums: Sums, histogram: Histogram<UInt64>, horizon: Double) -> Statistics {
        let sumWait = sums.sumWait, waited = sums.waited, sumService = sums.sumService, sumQueue = sums.sumQueue
        let n = Double(customers)
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
