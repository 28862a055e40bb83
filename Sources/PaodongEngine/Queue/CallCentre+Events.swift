import Foundation
import PaodongModel

/// The event kernel of `CallCentre`, the reference of the recursion (`CallCentre.run`).
extension CallCentre {
    /// Plays the calls, whose first attempts arrive at `arrival` (sorted), of kinds `kind`, event
    /// by event (arrivals, call ends, hang-ups, redials, roster changes): the reference the
    /// recursion `run` is proved against. O(attempts log attempts).
    public func runEvents(arrival: UnsafeBufferPointer<Double>, kind: UnsafeBufferPointer<UInt8>, rng: RandomStream, into r: inout Results) {
        let n = arrival.count
        r.reset(calls: n, periods: agents.count)
        r.waiting.removeAll(keepingCapacity: true); r.waiting.append(contentsOf: repeatElement(false, count: n))
        r.line.removeAll(keepingCapacity: true)
        r.completions.removeAll(); r.hangUps.removeAll()
        let draws = Draws(rng)

        let periods = agents.count
        var period = 0, capacity = agents[0], busy = 0, inLine = 0, seq = 0, next = 0

        func answer(_ call: Int, attempt: UInt8, joined: Double, at t: Double) {
            let w = t - joined
            r.status[call] = .answered
            r.wait[call] = w
            let p = periodOf(joined)
            r.periods[p].answered += 1
            r.periods[p].answeredWaitMs += ms(w)
            if w <= thresholdMin { r.periods[p].answeredWithin += 1 }
            let s = draws.exponential(call: call, attempt: attempt, .callTime, mean: serviceMean[Int(kind[call])])
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
            r.hangUps.insert(Event(time: t + draws.exponential(call: call, attempt: attempt, .patience, mean: patienceMean), seq: seq, call: Int32(call), attempt: attempt))
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
                if redialProbability > 0 && e.attempt < UInt8.max && draws.uniform(call: call, attempt: e.attempt, .redial) < redialProbability {
                    let at = e.time + draws.exponential(call: call, attempt: e.attempt, .redialDelay, mean: redialDelayMean)
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
