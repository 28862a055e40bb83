/// Where the hotline's lines play a day, once its calls are gathered (results never depend on it:
/// a line reads only its gathered batch and its own stream).
public enum HotlineSchedule: String, Sendable {
    /// As pieces of the next day's first phase, started first. On one to three threads that phase is
    /// long enough to hide them, and no thread is added.
    case nextDay = "next-day"
    /// On each line's own queue, beside the workers, from the gathering to the next day's outcomes:
    /// on four threads or more a line's day is longer than a worker's share of any phase, and this
    /// takes it off the day loop's critical path.
    case beside

    /// The schedule for a thread count (from the profile's bounds measured on 2 cores; not yet
    /// measured on more: docs/performance.md).
    public static func choose(threads: Int) -> HotlineSchedule { threads >= 4 ? .beside : .nextDay }
}

extension Simulation {
    public typealias LineSchedule = HotlineSchedule
}
