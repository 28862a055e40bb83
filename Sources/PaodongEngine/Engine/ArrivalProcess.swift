import PaodongModel

/// When a walk-in arrives at a hall or a kiosk pool and how long it waits before giving up; with
/// an appointment (预约), when the booked visits arrive. One per kind of queue, drawn by the chunks
/// for their applicants and by the queues for their background visits, so both follow one law.
public struct ArrivalProcess: Sendable {
    /// Hour-long slots covering the opening periods (the last of a period may be shorter).
    public let slots: [(start: Double, length: Double)]
    /// Cumulative arrival weight of each slot (ending at 1); nil: every slot equally likely.
    public let cumulative: [Double]?
    /// Mean patience in minutes (exponential); infinite: no one gives up.
    let patienceMeanMin: Double
    /// Minute at which booked visits arrive.
    let appointmentStart: Double

    /// Halls: slots weighted by the arrival profile; appointments at the opening of the period with
    /// the fewest arrivals per minute (the afternoon under the default morning peak), where the
    /// hall has room for them.
    init(halls p: HallParameters) {
        slots = ArrivalProcess.slots(p.opening)
        let cumulative = ArrivalProcess.cumulative(slots, profile: p.arrivalProfile)
        var quietest = (start: Double(p.opening[0].start), rate: Double.infinity)
        for period in p.opening {
            var weight = 0.0
            for (k, slot) in slots.enumerated() where slot.start >= Double(period.start) && slot.start < Double(period.end) {
                weight += cumulative[k] - (k > 0 ? cumulative[k - 1] : 0)
            }
            let rate = weight / Double(max(1, period.minutes))
            if rate < quietest.rate { quietest = (Double(period.start), rate) }
        }
        self.cumulative = cumulative
        appointmentStart = quietest.start
        patienceMeanMin = p.patienceMeanMin ?? .infinity
    }

    /// Kiosks: every opening hour equally likely; appointments at the first opening.
    init(kiosks p: KioskParameters, patienceMeanMin: Double) {
        slots = ArrivalProcess.slots(p.opening)
        cumulative = nil
        self.patienceMeanMin = patienceMeanMin
        appointmentStart = slots[0].start
    }

    /// Screening sites: slots weighted by `profile` (one weight per opening hour); no appointments.
    public init(periods: [OpeningPeriod], profile: [Double], patienceMeanMin: Double) {
        slots = ArrivalProcess.slots(periods)
        cumulative = ArrivalProcess.cumulative(slots, profile: profile)
        self.patienceMeanMin = patienceMeanMin
        appointmentStart = slots[0].start
    }

    /// Cumulative arrival weight of each slot, ending at 1: the hour's weight × the slot's share of an hour.
    private static func cumulative(_ slots: [(start: Double, length: Double)], profile: [Double]) -> [Double] {
        var cumulative: [Double] = [], acc = 0.0
        for (k, slot) in slots.enumerated() {
            acc += profile[min(k, profile.count - 1)] * slot.length / 60
            cumulative.append(acc)
        }
        return cumulative.map { $0 / acc }
    }

    /// An arrival minute: a slot by its weight, then uniform within it. Two or three draws.
    @inline(__always) func arrival(_ rng: RandomStream) -> Double {
        let k: Int
        if let cumulative {
            let u = rng.uniform()
            var j = 0
            while j < cumulative.count - 1 && cumulative[j] <= u { j += 1 }
            k = j
        } else {
            k = rng.uniformInt(slots.count)
        }
        return slots[k].start + rng.uniform() * slots[k].length
    }

    /// Calls `body` with the arrival minutes of a Poisson process of `expected` arrivals over the
    /// opening hours, in time order (and the stream, for the caller's own draws per arrival): in each slot, exponential gaps at the slot's rate. The same law
    /// as a Poisson count of independent `arrival(_:)` draws, without the sort. O(arrivals + slots).
    @inline(__always) public func poissonArrivals(expected: Double, _ draws: inout CounterStream,
                                            _ body: (Double, inout CounterStream) -> Void) {
        guard expected > 0 else { return }
        var previous = 0.0
        for (k, slot) in slots.enumerated() {
            let weight: Double
            if let cumulative {
                weight = cumulative[k] - previous
                previous = cumulative[k]
            } else {
                weight = 1 / Double(slots.count)
            }
            guard weight > 0, slot.length > 0 else { continue }
            let gap = slot.length / (expected * weight)
            let end = slot.start + slot.length
            var t = slot.start + draws.exponential(mean: gap)
            while t < end {
                body(t, &draws)
                t += draws.exponential(mean: gap)
            }
        }
    }

    @inline(__always) func patience(_ rng: RandomStream) -> Double {
        patienceMeanMin.isFinite ? rng.exponential(mean: patienceMeanMin) : .infinity
    }

    /// Hour-long slots covering the opening periods (the last slot of a period may be shorter).
    static func slots(_ periods: [OpeningPeriod]) -> [(start: Double, length: Double)] {
        var slots: [(Double, Double)] = []
        for period in periods {
            var s = period.start
            while s < period.end {
                slots.append((Double(s), Double(min(60, period.end - s))))
                s += 60
            }
        }
        return slots
    }
}
