import Foundation
import DequeModule
import PaodongModel

/// A call centre's line for one day (or for a stationary run): one FIFO line, agents on duty by
/// period, exponential call times, exponential patience and redials. With one period, constant
/// agents and no redials it is Palm's M/M/n+M queue (`ErlangA`).
///
/// A caller who hangs up redials with `redialProbability` after an exponential delay, as a new
/// attempt of the same call, unless the redial would come after `lastArrival`. A call that arrives
/// in a period with no agent on duty hears that the line is closed (status `.closed`, no redial).
/// When the agents of a period are fewer than those busy, calls in progress finish and nobody new
/// is answered until one is free.
///
/// Two kernels give the same results bit for bit: `run`, the workload (Kiefer–Wolfowitz)
/// recursion, which takes the attempts in arrival order (under FIFO a caller who hangs up delays
/// nobody behind, so each attempt's answer time follows from the calls answered before it), and
/// `runEvents`, the event simulation it replaced, kept as its reference (CallCentreKernelTests).
/// Both draw each attempt's call time, patience and redial from `Draws`, keyed by (day, call,
/// attempt), so that a draw never depends on the order in which a kernel needs it.
public struct CallCentre {
    /// What finally became of a call.
    public enum Status: UInt8, Sendable { case notPlaced = 0, answered, abandoned, closed }

    /// Agents on duty in each period of `periodMinutes` (the last count holds after the last period).
    public var agents: [Int]
    public var periodMinutes: Double
    /// Mean minutes of a call of each kind.
    public var serviceMean: [Double]
    public var patienceMean: Double
    public var redialProbability: Double
    public var redialDelayMean: Double
    /// No redial is made after this minute.
    public var lastArrival: Double
    /// Answers within this many minutes count as within the standard.
    public var thresholdMin: Double

    public init(agents: [Int], periodMinutes: Double, serviceMean: [Double], patienceMean: Double,
                redialProbability: Double, redialDelayMean: Double, lastArrival: Double, thresholdMin: Double) {
        precondition(!agents.isEmpty && periodMinutes > 0)
        self.agents = agents; self.periodMinutes = periodMinutes; self.serviceMean = serviceMean
        self.patienceMean = patienceMean; self.redialProbability = redialProbability
        self.redialDelayMean = redialDelayMean; self.lastArrival = lastArrival; self.thresholdMin = thresholdMin
    }

    /// The period of minute `t`: the last whose start, `Double(p) * periodMinutes`, is at most `t`
    /// (the last period holds after it; a roster change comes first at equal times). The division
    /// gives it but for a rounding at a period's start, which the comparisons settle. O(1).
    @inline(__always) func periodOf(_ t: Double) -> Int {
        let n = agents.count
        var p = t < .infinity ? min(Int(t / periodMinutes), n - 1) : n - 1
        while p + 1 < n && Double(p + 1) * periodMinutes <= t { p += 1 }
        while p > 0 && Double(p) * periodMinutes > t { p -= 1 }
        return p
    }

    /// Counts of attempts by the period in which each attempt arrived.
    public struct PeriodCounts: Sendable, Equatable {
        public var attempts = 0
        public var answered = 0
        public var abandoned = 0
        /// Attempts that found no agent on duty.
        public var closed = 0
        public var answeredWithin = 0
        /// Wait of answered attempts, and of abandoned ones until they hung up, in milliseconds.
        public var answeredWaitMs: Int64 = 0
        public var abandonedWaitMs: Int64 = 0
        /// Callers in line found by arriving attempts (summed; divide by attempts for the mean).
        public var lineSeen = 0
        public init() {}
        public mutating func add(_ o: PeriodCounts) {
            attempts += o.attempts; answered += o.answered; abandoned += o.abandoned; closed += o.closed
            answeredWithin += o.answeredWithin; answeredWaitMs += o.answeredWaitMs
            abandonedWaitMs += o.abandonedWaitMs; lineSeen += o.lineSeen
        }
    }

    /// Outputs of one run; the storage is kept from one run to the next.
    public struct Results {
        /// Final status of each call, and its attempts (1 + redials).
        public var status: [Status] = []
        public var attempts: [UInt8] = []
        /// Minutes the answered attempt waited (0 for a call not answered).
        public var wait: [Double] = []
        /// Counts per period (`agents.count` periods; attempts after the last period count in it).
        public var periods: [PeriodCounts] = []
        /// Agent-minutes spent on calls, and attempts that had to wait.
        public var busyMinutes = 0.0
        public var waited = 0
        // The recursion's state: end times of calls in progress, times waiting callers leave the line.
        var ends = TournamentTree()
        var leaves = TimeHeap()
        // The event kernel's state.
        var line = Deque<(call: Int32, attempt: UInt8)>()
        var completions = EventHeap<Event>()
        var hangUps = EventHeap<Event>()
        var redials = EventHeap<Event>()
        var waiting: [Bool] = []
        public init() {}

        /// Clears the outputs for `n` calls and `periods` periods, keeping the storage.
        mutating func reset(calls n: Int, periods: Int) {
            status.removeAll(keepingCapacity: true); status.append(contentsOf: repeatElement(.notPlaced, count: n))
            attempts.removeAll(keepingCapacity: true); attempts.append(contentsOf: repeatElement(0, count: n))
            wait.removeAll(keepingCapacity: true); wait.append(contentsOf: repeatElement(0, count: n))
            self.periods = Array(repeating: PeriodCounts(), count: periods)
            busyMinutes = 0; waited = 0
            leaves.removeAll(); redials.removeAll()
        }
    }

    struct Event: Comparable {
        var time: Double
        var seq: Int
        var call: Int32
        var attempt: UInt8
        static func < (a: Event, b: Event) -> Bool { (a.time, a.seq) < (b.time, b.seq) }
        static func == (a: Event, b: Event) -> Bool { a.seq == b.seq }
    }

    /// Plays the calls, whose first attempts arrive at `arrival` (sorted), of kinds `kind`, by the
    /// workload recursion: attempts in arrival order (redials merged in by time, before a first
    /// attempt at the same time), each answered at the earliest time from its arrival and the
    /// last answer on at which fewer calls are in progress than agents on duty, if that is within
    /// its patience. O(attempts log agents), plus O(log waiting) for each caller who waits.
    public func run(arrival: UnsafeBufferPointer<Double>, kind: UnsafeBufferPointer<UInt8>, rng: RandomStream, into r: inout Results) {
        let n = arrival.count
        r.reset(calls: n, periods: agents.count)
        let draws = Draws(rng)
        // The outputs move out of `r` for the run (no uniqueness check on each write) and back.
        var status: [Status] = [], attempts: [UInt8] = [], wait: [Double] = [], counts: [PeriodCounts] = []
        swap(&status, &r.status); swap(&attempts, &r.attempts); swap(&wait, &r.wait); swap(&counts, &r.periods)
        var ends = TournamentTree(), leaves = TimeHeap(), redials = EventHeap<Event>()
        swap(&ends, &r.ends); swap(&leaves, &r.leaves); swap(&redials, &r.redials)
        // At most the most agents on duty are ever busy at once (an answer takes a free agent).
        ends.reset(capacity: agents.max() ?? 0)
        var busyMinutes = 0.0, waited = 0
        defer {
            swap(&status, &r.status); swap(&attempts, &r.attempts); swap(&wait, &r.wait); swap(&counts, &r.periods)
            swap(&ends, &r.ends); swap(&leaves, &r.leaves); swap(&redials, &r.redials)
            r.busyMinutes = busyMinutes; r.waited = waited
        }
        // No attempt from here on can be answered before `floor`: the last answer, or the first
        // time the last caller who hung up had not yet found an agent (FIFO: whoever arrives later
        // waits at least as long). The search may have taken calls ending before `floor` off
        // `ends`, which is why a later attempt must never look earlier than it.
        var floor = -Double.infinity, seq = 0, next = 0, q = 0, p = 0
        let periods = agents.count
        status.withUnsafeMutableBufferPointer { status in
        attempts.withUnsafeMutableBufferPointer { attempts in
        wait.withUnsafeMutableBufferPointer { wait in
        counts.withUnsafeMutableBufferPointer { counts in
        agents.withUnsafeBufferPointer { agents in
        while true {
            let tArrival = next < n ? arrival[next] : .infinity
            let call: Int, t: Double
            if let e = redials.min, e.time <= tArrival {
                _ = redials.removeMin()
                call = Int(e.call); t = e.time
            } else if next < n {
                call = next; t = tArrival
                next += 1
            } else {
                break
            }
            attempts[call] &+= 1
            let attempt = attempts[call]
            // Attempt times never go back: the arrival's period only moves forward.
            while p + 1 < periods && Double(p + 1) * periodMinutes <= t { p += 1 }
            while let m = leaves.min, m <= t { leaves.removeMin() }
            counts[p].attempts += 1
            counts[p].lineSeen += leaves.count
            if agents[p] == 0 {
                counts[p].closed += 1
                status[call] = .closed
                continue
            }
            // The earliest answer time: from max(arrival, floor), step over calls ending and
            // roster changes until fewer calls are in progress than agents on duty. `ends` may
            // hold calls already over (the search never looks earlier than `floor`, so they stay
            // over): with fewer than `c` entries an agent is free; with `c` one is free if the
            // earliest is over, and the answered call takes its place below (one sift, the
            // steady state of a line that is not overloaded); more than `c` (the roster shrank)
            // are taken off down to `c` while over. The search times never go back (arrivals are
            // in order, the floor only rises), so the roster's period in force, `q`, only moves
            // forward.
            var s = Swift.max(t, floor)
            var deadline = s > t ? t + draws.exponential(call: call, attempt: attempt, .patience, mean: patienceMean) : .infinity
            while q + 1 < periods && Double(q + 1) * periodMinutes <= s { q += 1 }
            var free = false
            while s <= deadline && s < .infinity {
                let c = agents[q]
                while ends.count > c, let m = ends.min, m <= s { ends.removeMin() }
                if ends.count < c || (c > 0 && ends.count == c && ends.min! <= s) { free = true; break }
                if s == t {
                    // The caller waits: the search may stop at the hang-up.
                    deadline = t + draws.exponential(call: call, attempt: attempt, .patience, mean: patienceMean)
                }
                let change = q + 1 < periods ? Double(q + 1) * periodMinutes : .infinity
                s = Swift.min(ends.min ?? .infinity, change)
                while q + 1 < periods && Double(q + 1) * periodMinutes <= s { q += 1 }
            }
            if s > t { waited += 1 }
            if free {
                let w = s - t
                status[call] = .answered
                wait[call] = w
                counts[p].answered += 1
                counts[p].answeredWaitMs += ms(w)
                if w <= thresholdMin { counts[p].answeredWithin += 1 }
                let service = draws.exponential(call: call, attempt: attempt, .callTime, mean: serviceMean[Int(kind[call])])
                busyMinutes += service
                // A call already over gives its place to this one in one pass.
                if let m = ends.min, m <= s { ends.replaceMin(with: s + service) } else { ends.insert(s + service) }
                floor = s
                if s > t { leaves.insert(s) }
            } else if deadline < .infinity {
                floor = s
                leaves.insert(deadline)
                counts[p].abandoned += 1
                counts[p].abandonedWaitMs += ms(deadline - t)
                status[call] = .abandoned
                wait[call] = 0
                if redialProbability > 0 && attempt < UInt8.max && draws.uniform(call: call, attempt: attempt, .redial) < redialProbability {
                    let at = deadline + draws.exponential(call: call, attempt: attempt, .redialDelay, mean: redialDelayMean)
                    if at <= lastArrival {
                        seq += 1
                        redials.insert(Event(time: at, seq: seq, call: Int32(call), attempt: attempt))
                    }
                }
            } else {
                // Never answered and never hangs up (no agent from here on, infinite patience).
                floor = s
                leaves.insert(.infinity)
            }
        }
        }}}}}
    }
}
