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
/// is answered until one is free. Draws come from `rng` in event order, so the result depends only
/// on the inputs. O(attempts log attempts).
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
        fileprivate var line = Deque<(call: Int32, attempt: UInt8)>()
        fileprivate var completions = EventHeap<Event>()
        fileprivate var hangUps = EventHeap<Event>()
        fileprivate var redials = EventHeap<Event>()
        fileprivate var waiting: [Bool] = []
        public init() {}
    }

    fileprivate struct Event: Comparable {
        var time: Double
        var seq: Int
        var call: Int32
        var attempt: UInt8
        static func < (a: Event, b: Event) -> Bool { (a.time, a.seq) < (b.time, b.seq) }
        static func == (a: Event, b: Event) -> Bool { a.seq == b.seq }
    }

    /// Plays the calls, whose first attempts arrive at `arrival` (sorted), of kinds `kind`.
    public func run(arrival: UnsafeBufferPointer<Double>, kind: UnsafeBufferPointer<UInt8>, rng: RandomStream, into r: inout Results) {
        let n = arrival.count
        r.status.removeAll(keepingCapacity: true); r.status.append(contentsOf: repeatElement(.notPlaced, count: n))
        r.attempts.removeAll(keepingCapacity: true); r.attempts.append(contentsOf: repeatElement(0, count: n))
        r.wait.removeAll(keepingCapacity: true); r.wait.append(contentsOf: repeatElement(0, count: n))
        r.waiting.removeAll(keepingCapacity: true); r.waiting.append(contentsOf: repeatElement(false, count: n))
        r.periods = Array(repeating: PeriodCounts(), count: agents.count)
        r.busyMinutes = 0; r.waited = 0
        r.line.removeAll(keepingCapacity: true)
        r.completions.removeAll(); r.hangUps.removeAll(); r.redials.removeAll()

        let periods = agents.count
        var period = 0, capacity = agents[0], busy = 0, inLine = 0, seq = 0, next = 0
        @inline(__always) func periodOf(_ t: Double) -> Int { min(Int(t / periodMinutes), periods - 1) }

        func answer(_ call: Int, attempt: UInt8, joined: Double, at t: Double) {
            let w = t - joined
            r.status[call] = .answered
            r.wait[call] = w
            let p = periodOf(joined)
            r.periods[p].answered += 1
            r.periods[p].answeredWaitMs += ms(w)
            if w <= thresholdMin { r.periods[p].answeredWithin += 1 }
            let s = rng.exponential(mean: serviceMean[Int(kind[call])])
            r.busyMinutes += s
            busy += 1
            seq += 1
            r.completions.insert(Event(time: t + s, seq: seq, call: Int32(call), attempt: attempt))
        }
        /// Answers callers from the head of the line while an agent is free; those who hung up are skipped.
        func serveLine(at t: Double) {
            while busy < capacity, let head = r.line.popFirst() {
                let call = Int(head.call)
                guard r.waiting[call], r.attempts[call] == head.attempt else { continue }
                r.waiting[call] = false
                inLine -= 1
                // The joining time is the hang-up deadline minus patience; kept exactly in `wait`.
                answer(call, attempt: head.attempt, joined: r.wait[call], at: t)
            }
        }
        func arrive(_ call: Int, at t: Double) {
            r.attempts[call] &+= 1
            let attempt = r.attempts[call]
            let p = periodOf(t)
            r.periods[p].attempts += 1
            r.periods[p].lineSeen += inLine
            if agents[p] == 0 {
                r.periods[p].closed += 1
                r.status[call] = .closed
                return
            }
            if busy < capacity && inLine == 0 {
                answer(call, attempt: attempt, joined: t, at: t)
                return
            }
            r.waited += 1
            r.waiting[call] = true
            r.wait[call] = t   // the joining time, until answered
            inLine += 1
            r.line.append((Int32(call), attempt))
            seq += 1
            r.hangUps.insert(Event(time: t + rng.exponential(mean: patienceMean), seq: seq, call: Int32(call), attempt: attempt))
        }

        while true {
            let tArrival = next < n ? arrival[next] : .infinity
            let tRedial = r.redials.min?.time ?? .infinity
            let tCompletion = r.completions.min?.time ?? .infinity
            let tHangUp = r.hangUps.min?.time ?? .infinity
            let tPeriod = period + 1 < periods ? Double(period + 1) * periodMinutes : .infinity
            let first = min(tArrival, tRedial, tCompletion, tHangUp)
            if first == .infinity { break }
            // At equal times: the roster changes, then calls end, callers hang up, then calls arrive.
            if tPeriod <= first {
                period += 1
                capacity = agents[period]
                serveLine(at: tPeriod)
            } else if tCompletion == first {
                _ = r.completions.removeMin()
                busy -= 1
                serveLine(at: tCompletion)
            } else if tHangUp == first {
                let e = r.hangUps.removeMin()
                let call = Int(e.call)
                guard r.waiting[call], r.attempts[call] == e.attempt else { continue }
                r.waiting[call] = false
                inLine -= 1
                let joined = r.wait[call]
                let p = periodOf(joined)
                r.periods[p].abandoned += 1
                r.periods[p].abandonedWaitMs += ms(e.time - joined)
                r.status[call] = .abandoned
                r.wait[call] = 0
                if redialProbability > 0 && r.attempts[call] < UInt8.max && rng.uniform() < redialProbability {
                    let at = e.time + rng.exponential(mean: redialDelayMean)
                    if at <= lastArrival {
                        seq += 1
                        r.redials.insert(Event(time: at, seq: seq, call: e.call, attempt: e.attempt))
                    }
                }
            } else if tRedial == first {
                let e = r.redials.removeMin()
                arrive(Int(e.call), at: e.time)
            } else {
                arrive(next, at: tArrival)
                next += 1
            }
        }
    }
}
