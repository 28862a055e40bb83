import PaodongModel

/// One application in flight: the process serving one need (or one bundled life event) from the
/// day it arises to the result in hand. 64 bytes, one cache line: what follows from the items is
/// in `SimulationContext.terms`, and minutes that are a count times a constant (travel, forms)
/// are kept as counts. Only open applications are kept.
struct Application {
    enum Stage: UInt8 {
        /// Waiting to submit (online) or to visit (window, kiosk) on `due`.
        case submit
        /// Submitted remotely; waiting to appear in person (biometrics) at the hall on `due`.
        case presence
        /// Waiting to collect the result at the hall on `due`.
        case collect
        /// Decided; the result is in hand on `due`.
        case finish
        /// Completed this day; removed when the chunk compacts.
        case done
    }

    struct Flags: OptionSet {
        let rawValue: UInt8
        static let collect = Flags(rawValue: 1 << 0)
        static let hometown = Flags(rawValue: 1 << 1)
        static let instant = Flags(rawValue: 1 << 2)
        static let bundled = Flags(rawValue: 1 << 3)
        static let crossCityKiosk = Flags(rawValue: 1 << 4)
        static let presence = Flags(rawValue: 1 << 5)
        static let presenceDone = Flags(rawValue: 1 << 6)
        /// The trip to the hometown office (or a cross-city kiosk) has been made.
        static let hometownTrip = Flags(rawValue: 1 << 7)
    }

    var agent: UInt32
    var item: UInt16
    var event: Int16
    var needDay: Int16
    /// The agent's home position and district, copied here so that visits need not touch the population.
    var home: UInt16
    var district: UInt8
    var needs: UInt8
    var stage: Stage
    var channel: UInt8
    var segment: UInt8
    /// Window slots (departments) still to visit, bit k for slot k.
    var remaining: UInt8
    /// Slots that sit in the lead hall; the others are separate trips to the level above.
    var leadMask: UInt8
    var level: UInt8
    var flags: Flags
    // Counters are 16-bit: a year of daily retries must not overflow them.
    var wasted: UInt16 = 0
    var documentTrips: UInt16 = 0
    /// Visits to submit (at a window or kiosk, or in person for biometrics), and to collect.
    var submissionTrips: UInt16 = 0
    var collectionTrips: UInt16 = 0
    /// Of all visits: those to a kiosk, and those to a hall one level above the item's.
    var kioskVisits: UInt16 = 0
    var upperVisits: UInt16 = 0
    var servedVisits: UInt16 = 0
    /// Forms filled in (online submissions and kiosk visits served), each of the channel's form minutes.
    var forms: UInt16 = 0
    /// The last visit was turned away at closing (or by the ticket cap): the next one is booked
    /// (预约) at the opening of the hall's quietest period on the next open day, ahead of that
    /// period's walk-ins, and waits for its turn without a patience limit.
    var appointment = false
    /// `Marks` bits (the `flags` byte is full).
    var marks: UInt8 = 0
    enum Marks {
        /// Pre-checked by the hotline: the call was answered.
        static let prechecked: UInt8 = 1 << 0
        /// The applicant is a foreign resident (tallied in the foreign slots too).
        static let foreign: UInt8 = 1 << 1
        /// A work permit of `demand.foreign_permits` applied for alone: its result in hand, the
        /// residence permit's application opens the next day.
        static let opensSecondPermit: UInt8 = 1 << 2
        /// The residence permit's application carries its work permit's trips in the high bits
        /// (at most `maxFirstPermitTrips`), for the pair's tally.
        static let firstPermitTripsShift: UInt8 = 3
        static let maxFirstPermitTrips = 31
    }
    var waitMs: Int64 = 0
    var servedWaitMs: Int64 = 0
    var serviceMs: Int64 = 0

    /// Every trip made: documents, visits, and the hometown trip.
    var trips: Int { Int(documentTrips) + Int(submissionTrips) + Int(collectionTrips) + (flags.contains(.hometownTrip) ? 1 : 0) }

    /// Milliseconds travelled: each kind of trip is a count times its (rounded) travel time, so
    /// the sum is what adding each trip's time would give.
    func travelMs(_ h: HotParameters) -> Int64 {
        let hallVisits = Int64(submissionTrips) + Int64(collectionTrips) - Int64(kioskVisits)
        var total = Int64(documentTrips) * ms(h.documentTravelMin) + Int64(kioskVisits) * ms(h.kioskTravelMin)
        total += (hallVisits - Int64(upperVisits)) * ms(h.travel(Int(level)))
        total += Int64(upperVisits) * ms(h.travel(min(Int(level) + 1, HallLevel.city.rawValue)))
        if flags.contains(.hometownTrip) {
            total += ms(flags.contains(.crossCityKiosk) ? h.kioskTravelMin : h.hometownTravelMin)
        }
        return total
    }
}

/// Minutes to integer milliseconds, so that sums are exact and independent of order.
@inline(__always) func ms(_ minutes: Double) -> Int64 { (minutes * 60_000).roundedToInt64 }
