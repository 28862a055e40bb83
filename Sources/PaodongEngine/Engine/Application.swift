/// One application in flight: the process serving one need (or one bundled life event) from the
/// day it arises to the result in hand. About 100 bytes; only open applications are kept.
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
    }

    var agent: UInt32
    var item: UInt16
    var event: Int16
    var needs: UInt8
    var stage: Stage
    var channel: UInt8
    var segment: UInt8
    var needDay: Int16
    /// The agent's district and home position, copied here so that visits need not touch the population.
    var district: UInt8
    var home: UInt16
    /// Window slots (departments) still to visit, bit k for slot k.
    var remaining: UInt8
    /// Slots that sit in the lead hall; the others are separate trips to the level above.
    var leadMask: UInt8
    var level: UInt8
    var flags: Flags
    var departments: (UInt8, UInt8, UInt8, UInt8)
    // Counters are 16-bit: a year of daily retries must not overflow them.
    var trips: UInt16 = 0
    var wasted: UInt16 = 0
    var documentTrips: UInt16 = 0
    var submissionTrips: UInt16 = 0
    var collectionTrips: UInt16 = 0
    var hometownTrips: UInt16 = 0
    var servedVisits: UInt16 = 0
    /// Mean minutes of one slot's service at the window.
    var serviceMean: Float
    var incomplete: Float
    var formMin: Float
    var reviewMeanDays: Float
    var waitMs: Int64 = 0
    var servedWaitMs: Int64 = 0
    var travelMs: Int64 = 0
    var serviceMs: Int64 = 0
    var formMs: Int64 = 0

    @inline(__always) func department(_ k: Int) -> Int {
        switch k {
        case 0: return Int(departments.0)
        case 1: return Int(departments.1)
        case 2: return Int(departments.2)
        default: return Int(departments.3)
        }
    }
}

/// Minutes to integer milliseconds, so that sums are exact and independent of order.
@inline(__always) func ms(_ minutes: Double) -> Int64 { Int64((minutes * 60_000).rounded()) }
