/// Where the hotline's lines play a day, once its calls are gathered (results never depend on it:
/// a line reads only its gathered batch and its own stream).
public enum HotlineSchedule: String, Sendable {
    /// As pieces of the same day's queue phase, started first, right after the gathering: in a small
    /// miniature, whose queue phase (full-size halls) is long and first phase short. No thread is added.
    case sameDay = "same-day"
    /// As pieces of the next day's first phase, started first: on one to three threads above
    /// `sameDayScale`, where that phase is long enough to hide them. No thread is added.
    case nextDay = "next-day"
    /// On each line's own queue, beside the workers, from the gathering to the next day's outcomes:
    /// on four threads or more a line's day is longer than a worker's share of any phase, and this
    /// takes it off the day loop's critical path.
    case beside

    /// The schedule for a thread count and population scale (from runs and profiles measured on 2
    /// cores; not yet measured on more: docs/performance.md).
    public static func choose(threads: Int, scale: Double) -> HotlineSchedule {
        threads >= 4 ? .beside : scale <= sameDayScale ? .sameDay : .nextDay
    }

    /// Up to this population scale, on one to three threads, the lines play in the queue phase.
    /// Measured on 2 cores (alternating runs, byte-identical outputs): at 1 % the first phase is a
    /// fraction of a line's day (baseline-2012: 0.09 core-seconds a year against the lines' 0.68), so
    /// next-day set the first phase's wall to the lines' chain, and same-day ran baseline-2012 in
    /// 1.95–2.08 s against 2.13–2.61 s (plan-2021 0.95–1.00 against 1.09–1.10; shenzhen-2020 level);
    /// at 10 % the first phase is the larger (shenzhen-2020: 0.51 against 0.32 core-seconds) and
    /// next-day was the faster (1.00–1.01 s against 1.03–1.07 s).
    public static let sameDayScale = 0.05
}

extension Simulation {
    public typealias LineSchedule = HotlineSchedule
}
