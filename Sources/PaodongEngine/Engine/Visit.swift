/// A trip to a hall or kiosk pool on one day, as the chunk asks for it: up to four window groups
/// in one trip, served in order.
struct VisitRequest {
    var queue: Int32
    var app: Int32
    var arrival: Double
    var patience: Double
    var serviceMean: Double
    var stages: UInt8
    /// Window slots of the application that this visit covers (stage order = bit order).
    var slotMask: UInt8
    var groups: (UInt16, UInt16, UInt16, UInt16)

    @inline(__always) func group(_ s: Int) -> UInt16 {
        switch s {
        case 0: return groups.0
        case 1: return groups.1
        case 2: return groups.2
        default: return groups.3
        }
    }
}

/// What the hall did with each stage of a visit.
struct VisitOutcome {
    var status: (UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0)
    var wait: (Double, Double, Double, Double) = (0, 0, 0, 0)
    var service: (Double, Double, Double, Double) = (0, 0, 0, 0)

    @inline(__always) func stage(_ s: Int) -> (status: QueueKernel.StageStatus, wait: Double, service: Double) {
        let raw: (UInt8, Double, Double)
        switch s {
        case 0: raw = (status.0, wait.0, service.0)
        case 1: raw = (status.1, wait.1, service.1)
        case 2: raw = (status.2, wait.2, service.2)
        default: raw = (status.3, wait.3, service.3)
        }
        return (QueueKernel.StageStatus(rawValue: raw.0) ?? .notReached, raw.1, raw.2)
    }

    @inline(__always) mutating func set(_ s: Int, _ st: QueueKernel.StageStatus, _ w: Double, _ sv: Double) {
        switch s {
        case 0: status.0 = st.rawValue; wait.0 = w; service.0 = sv
        case 1: status.1 = st.rawValue; wait.1 = w; service.1 = sv
        case 2: status.2 = st.rawValue; wait.2 = w; service.2 = sv
        default: status.3 = st.rawValue; wait.3 = w; service.3 = sv
        }
    }
}
