/// Up to four window groups in one trip, served in order: a visit's route.
protocol WindowRoute {
    var groups: (UInt16, UInt16, UInt16, UInt16) { get }
}

extension WindowRoute {
    /// The window group of stage `s` (0–3).
    @inline(__always) func group(_ s: Int) -> UInt16 {
        switch s {
        case 0: return groups.0
        case 1: return groups.1
        case 2: return groups.2
        default: return groups.3
        }
    }
}

/// A trip to a hall or kiosk pool on one day, as the chunk asks for it: up to four window groups
/// in one trip, served in order.
struct VisitRequest: WindowRoute {
    var queue: Int32
    var app: Int32
    var arrival: Double
    var patience: Double
    var serviceMean: Double
    var stages: UInt8
    /// Window slots of the application that this visit covers (stage order = bit order).
    var slotMask: UInt8
    var groups: (UInt16, UInt16, UInt16, UInt16)
    /// Booked (预约): arrives at the appointment minute and waits without a patience limit.
    var appointment = false
}

/// What the hall did with a visit: each stage's status, and the visit's milliseconds summed over
/// its stages (integer sums, so summing here or in the chunk gives the same figures). 32 bytes, so
/// that writing it into the chunk touches one cache line, not two.
struct VisitOutcome {
    var status: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
    /// Waited at every stage reached (served or not).
    var waitMs: Int64 = 0
    /// Waited at the stages served.
    var servedWaitMs: Int64 = 0
    /// Served at the stages served.
    var serviceMs: Int64 = 0

    @inline(__always) func status(_ s: Int) -> QueueKernel.StageStatus {
        let raw: UInt8
        switch s {
        case 0: raw = status.0
        case 1: raw = status.1
        case 2: raw = status.2
        default: raw = status.3
        }
        return QueueKernel.StageStatus(rawValue: raw) ?? .notReached
    }

    @inline(__always) mutating func set(_ s: Int, _ st: QueueKernel.StageStatus) {
        switch s {
        case 0: status.0 = st.rawValue
        case 1: status.1 = st.rawValue
        case 2: status.2 = st.rawValue
        default: status.3 = st.rawValue
        }
    }
}
