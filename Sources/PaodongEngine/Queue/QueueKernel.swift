import Foundation
import PaodongModel

/// A discrete-event multi-server queue for one session of a hall (or a kiosk pool, or the
/// stationary validation run): FIFO per window group, patience (reneging), a ticket cap, and a
/// closing time after which no service starts.
///
/// A customer (one visit) follows a route of up to `maxStages` window groups in one trip; it joins
/// the next group the moment its service at the previous one ends, and leaves the hall at its first
/// failure. Arrivals must be sorted by time. Service times are drawn at service start from the
/// kernel's stream (unless given beforehand: `runRecursion`, the same schedule by the workload
/// recursion that a miniature's halls use, needs them all given), so the result depends only on the
/// inputs and the stream, never on threads. O((customers × stages) log servers).
public struct QueueKernel {
    /// What happened to a customer at one stage of its route.
    public enum StageStatus: UInt8, Sendable {
        case notReached = 0, served, abandoned, closed, refused
    }

    public enum ServiceDistribution: Sendable {
        case exponential
        case lognormal(cv: Double)
    }

    /// How a service time is drawn from its mean, for the kernel and the stationary recursion alike.
    struct ServiceDraw {
        let exponential: Bool, lognormal: Bool
        let sigma: Double, halfSigma2: Double

        init(_ distribution: ServiceDistribution) {
            // Lognormal with coefficient of variation cv: σ² = ln(1 + cv²), ζ = ln(mean) − σ²/2.
            var sigma = 0.0, halfSigma2 = 0.0, lognormal = false
            if case .lognormal(let cv) = distribution, cv > 0 {
                let s2 = log1p(cv * cv)
                sigma = s2.squareRoot(); halfSigma2 = s2 / 2; lognormal = true
            }
            self.sigma = sigma; self.halfSigma2 = halfSigma2; self.lognormal = lognormal
            if case .exponential = distribution { exponential = true } else { exponential = false }
        }

        /// A service time of mean `mean` (exactly `mean` for a lognormal of CV 0).
        @inline(__always) func draw(_ mean: Double, _ rng: RandomStream) -> Double {
            if exponential { return rng.exponential(mean: mean) }
            return lognormal ? rng.lognormal(zeta: log(mean) - halfSigma2, sigma: sigma) : mean
        }

        /// A service time of mean `mean` (whose logarithm is `logMean`) by the same law, from a
        /// counter stream: the normal from its ziggurat (a miniature's background visits).
        @inline(__always) func draw(_ mean: Double, logMean: Double, _ draws: inout CounterStream) -> Double {
            if exponential { return draws.exponential(mean: mean) }
            return lognormal ? exp(logMean - halfSigma2 + sigma * draws.normal()) : mean
        }
    }

    /// Servers (windows) per group.
    public var servers: [Int]
    public var distribution: ServiceDistribution
    /// Tickets per group per session; nil for no cap.
    public var ticketCap: [Int]?
    /// Route length for which result arrays are laid out.
    public let maxStages: Int

    public init(servers: [Int], distribution: ServiceDistribution, ticketCap: [Int]?, maxStages: Int) {
        self.servers = servers; self.distribution = distribution; self.ticketCap = ticketCap; self.maxStages = maxStages
    }

    /// One customer waiting in a group's line.
    fileprivate struct Waiting {
        var customer: Int32
        var stage: Int8
        var arrival: Double
        var deadline: Double
    }

    /// A service completion.
    fileprivate struct Completion: Comparable {
        var time: Double
        var seq: Int
        var customer: Int32
        var stage: Int8
        var group: Int16
        static func < (a: Completion, b: Completion) -> Bool { (a.time, a.seq) < (b.time, b.seq) }
        static func == (a: Completion, b: Completion) -> Bool { a.seq == b.seq }
    }

    /// Inputs of one session, as parallel arrays indexed by customer (stage-major for routes).
    public struct Customers {
        public var arrival: [Double] = []
        public var patience: [Double] = []
        /// Route length of each customer, 1…maxStages.
        public var stages: [UInt8] = []
        /// Group of each stage, `customer * maxStages + stage`.
        public var group: [UInt16] = []
        /// Mean service minutes of each stage.
        public var serviceMean: [Double] = []
        /// Service minutes of every stage given beforehand (laid out like `group`); empty: each
        /// drawn by the kernel at service start from its stream.
        public var serviceTime: [Double] = []
        public init() {}

        /// Bytes that one customer of up to four stages holds in the inputs, the results and the
        /// queue's arrival order (the memory estimate's per-visit term).
        static var bytesPerCustomer: Int {
            let stages = 4
            let inputs = 2 * MemoryLayout<Double>.stride + MemoryLayout<UInt8>.stride
                + stages * (MemoryLayout<UInt16>.stride + 2 * MemoryLayout<Double>.stride)
            let results = stages * (MemoryLayout<StageStatus>.stride + 2 * MemoryLayout<Double>.stride + MemoryLayout<Int32>.stride)
            let order = MemoryLayout<(arrival: Double, chunk: Int32, visit: Int32)>.stride
            return inputs + results + order
        }
    }

    /// Outputs of one session, laid out like `Customers.group`.
    public struct Results {
        public var status: [StageStatus] = []
        /// Minutes from joining a line to service start (or to leaving it unserved).
        public var wait: [Double] = []
        public var service: [Double] = []
        /// Queue length (waiting, not in service) that each stage join found.
        public var queueSeen: [Int32] = []
        /// Working storage kept from one session to the next, so that a session allocates nothing
        /// once the largest one has been seen.
        /// Each group's line as a list through `waiting` (a session's joins that waited, in the
        /// order they joined): its oldest entry, newest entry and length per group.
        fileprivate var waiting: [(customer: Waiting, next: Int32)] = []
        fileprivate var lines: [(head: Int32, tail: Int32, count: Int32)] = []
        fileprivate var tickets: [Int] = []
        fileprivate var free: [Int] = []
        fileprivate var completions = EventHeap<Completion>()
        public init() {}

        /// Empties the results and sizes them for `slots` stages and the lines and windows of
        /// `servers`. O(slots + groups).
        mutating func reset(slots: Int, servers: [Int]) {
            status.resize(to: slots, zero: .notReached)
            wait.resize(to: slots, zero: 0)
            service.resize(to: slots, zero: 0)
            queueSeen.resize(to: slots, zero: 0)
            // Room for every stage to wait, so that the run writes in place (entries are written
            // before they are read, so old ones stay).
            if waiting.count < slots {
                let empty = (customer: Waiting(customer: 0, stage: 0, arrival: 0, deadline: 0), next: Int32(-1))
                waiting.append(contentsOf: repeatElement(empty, count: slots - waiting.count))
            }
            lines.resize(to: servers.count, zero: (head: -1, tail: -1, count: 0))
            tickets.resize(to: servers.count, zero: 0)
            free.removeAll(keepingCapacity: true)
            free.append(contentsOf: servers)
            // Empty after any session whose times are finite; an infinite service time is left behind.
            completions.removeAll()
        }
    }

    /// Runs one session in which service may start until `closeAt`. Results are overwritten.
    public func run(_ c: Customers, closeAt: Double, rng: RandomStream, into r: inout Results) {
        let n = c.arrival.count
        r.reset(slots: n * maxStages, servers: servers)
        // The outputs and working storage move out of `r` for the run and back, and are written
        // through pointers, so that no write checks the uniqueness of an array (1.9 % of a
        // full-scale run did).
        var status: [StageStatus] = [], wait: [Double] = [], served: [Double] = [], queueSeen: [Int32] = []
        var waiting: [(customer: Waiting, next: Int32)] = [], lines: [(head: Int32, tail: Int32, count: Int32)] = []
        var tickets: [Int] = [], free: [Int] = [], completions = EventHeap<Completion>()
        swap(&status, &r.status); swap(&wait, &r.wait); swap(&served, &r.service); swap(&queueSeen, &r.queueSeen)
        swap(&waiting, &r.waiting); swap(&lines, &r.lines); swap(&tickets, &r.tickets); swap(&free, &r.free)
        swap(&completions, &r.completions)
        defer {
            swap(&status, &r.status); swap(&wait, &r.wait); swap(&served, &r.service); swap(&queueSeen, &r.queueSeen)
            swap(&waiting, &r.waiting); swap(&lines, &r.lines); swap(&tickets, &r.tickets); swap(&free, &r.free)
            swap(&completions, &r.completions)
        }
        status.withUnsafeMutableBufferPointer { status in
        wait.withUnsafeMutableBufferPointer { wait in
        served.withUnsafeMutableBufferPointer { served in
        queueSeen.withUnsafeMutableBufferPointer { queueSeen in
        waiting.withUnsafeMutableBufferPointer { waiting in
        lines.withUnsafeMutableBufferPointer { lines in
        tickets.withUnsafeMutableBufferPointer { tickets in
        free.withUnsafeMutableBufferPointer { free in
            play(c, closeAt: closeAt, rng: rng, status: status, wait: wait, service: served, queueSeen: queueSeen,
                 waiting: waiting, lines: lines, tickets: tickets, free: free, completions: &completions)
        }}}}}}}}
    }

    /// `run`'s event loop on its outputs and working storage.
    private func play(_ c: Customers, closeAt: Double, rng: RandomStream, status: UnsafeMutableBufferPointer<StageStatus>,
                      wait: UnsafeMutableBufferPointer<Double>, service served: UnsafeMutableBufferPointer<Double>,
                      queueSeen: UnsafeMutableBufferPointer<Int32>, waiting: UnsafeMutableBufferPointer<(customer: Waiting, next: Int32)>,
                      lines: UnsafeMutableBufferPointer<(head: Int32, tail: Int32, count: Int32)>,
                      tickets: UnsafeMutableBufferPointer<Int>, free: UnsafeMutableBufferPointer<Int>,
                      completions: inout EventHeap<Completion>) {
        let n = c.arrival.count
        var used: Int32 = 0
        /// Appends `w` to group `g`'s line. O(1).
        func enqueue(_ w: Waiting, group g: Int) {
            waiting[Int(used)] = (w, -1)
            if lines[g].count > 0 { waiting[Int(lines[g].tail)].next = used } else { lines[g].head = used }
            lines[g].tail = used
            lines[g].count += 1
            used += 1
        }
        var seq = 0
        var nextArrival = 0

        let service = ServiceDraw(distribution)
        precondition(c.serviceTime.isEmpty || c.serviceTime.count == n * maxStages, "service times: all given or none")
        let given = !c.serviceTime.isEmpty
        func start(_ w: Waiting, group g: Int, at t: Double) {
            let slot = Int(w.customer) * maxStages + Int(w.stage)
            let s = given ? c.serviceTime[slot] : service.draw(c.serviceMean[slot], rng)
            status[slot] = .served
            wait[slot] = t - w.arrival
            served[slot] = s
            free[g] -= 1
            seq += 1
            completions.insert(Completion(time: t + s, seq: seq, customer: w.customer, stage: w.stage, group: Int16(g)))
        }
        func join(customer i: Int, stage s: Int, at t: Double) {
            let slot = i * maxStages + s
            let g = Int(c.group[slot])
            if let cap = ticketCap, tickets[g] >= cap[g] { status[slot] = .refused; return }
            tickets[g] += 1
            queueSeen[slot] = lines[g].count
            let w = Waiting(customer: Int32(i), stage: Int8(s), arrival: t, deadline: t + c.patience[i])
            if free[g] > 0 && lines[g].count == 0 && t <= closeAt { start(w, group: g, at: t) } else { enqueue(w, group: g) }
        }
        /// Starts the next patient customer of group `g` at time `t`, dropping those who gave up.
        func serveNext(group g: Int, at t: Double) {
            while free[g] > 0 && lines[g].count > 0 {
                let w = waiting[Int(lines[g].head)].customer
                lines[g].head = waiting[Int(lines[g].head)].next
                lines[g].count -= 1
                if w.deadline < t {
                    let slot = Int(w.customer) * maxStages + Int(w.stage)
                    status[slot] = .abandoned
                    wait[slot] = w.deadline - w.arrival
                    continue
                }
                start(w, group: g, at: t)
            }
        }

        while true {
            let arrivalTime = nextArrival < n ? c.arrival[nextArrival] : .infinity
            let completionTime = completions.min?.time ?? .infinity
            if arrivalTime == .infinity && completionTime == .infinity { break }
            if completionTime <= arrivalTime {
                let done = completions.removeMin()
                let g = Int(done.group)
                free[g] += 1
                if done.time <= closeAt { serveNext(group: g, at: done.time) }
                let i = Int(done.customer), next = Int(done.stage) + 1
                if next < Int(c.stages[i]) { join(customer: i, stage: next, at: done.time) }
            } else {
                join(customer: nextArrival, stage: 0, at: arrivalTime)
                nextArrival += 1
            }
        }
        // Whoever is still in line at closing leaves unserved (or had already given up).
        for g in 0..<lines.count {
            var k = lines[g].head
            for _ in 0..<lines[g].count {
                let w = waiting[Int(k)].customer
                k = waiting[Int(k)].next
                let slot = Int(w.customer) * maxStages + Int(w.stage)
                if w.deadline < closeAt {
                    status[slot] = .abandoned
                    wait[slot] = w.deadline - w.arrival
                } else {
                    status[slot] = .closed
                    wait[slot] = max(0, closeAt - w.arrival)
                }
            }
        }
    }
}
