import PaodongModel

/// Working days of the run: weekdays that are not holidays. Extends past the horizon (by the
/// weekday rule alone) so that approvals decided after the last day still find a date.
public struct WorkCalendar: Sendable {
    public let start: SimpleDate
    public let days: Int
    /// Working flag per day index, horizon plus an extension.
    public let working: [Bool]
    /// Next working day on or after each day index.
    private let nextWorking: [Int32]
    /// Running count of working days before each day index.
    private let ordinal: [Int32]
    /// Day index of each working-day ordinal.
    private let workingDays: [Int32]

    public init(start: SimpleDate, days: Int, holidays: [SimpleDate]) {
        self.start = start; self.days = days
        let span = days + 800
        let holidayIndices = Set(holidays.map { $0.dayNumber - start.dayNumber })
        let startWeekday = start.weekday
        var working = [Bool](), ordinal = [Int32](), list = [Int32]()
        working.reserveCapacity(span)
        for t in 0..<span {
            ordinal.append(Int32(list.count))
            let w = (startWeekday + t) % 7 < 5 && !holidayIndices.contains(t)
            working.append(w)
            if w { list.append(Int32(t)) }
        }
        var next = Array(repeating: Int32(span), count: span + 1)
        for t in stride(from: span - 1, through: 0, by: -1) { next[t] = working[t] ? Int32(t) : next[t + 1] }
        self.working = working; nextWorking = next; self.ordinal = ordinal; workingDays = list
    }

    @inline(__always) public func isWorking(_ t: Int) -> Bool { t < working.count && working[t] }

    /// First working day on or after `t`.
    @inline(__always) public func nextWorkingDay(onOrAfter t: Int) -> Int {
        t < nextWorking.count ? Int(nextWorking[t]) : t
    }

    /// The day on which `k` working days after day `t` have passed (k = 0: `t` itself).
    @inline(__always) public func adding(workingDays k: Int, to t: Int) -> Int {
        guard k > 0 else { return t }
        let base = t < ordinal.count ? Int(ordinal[t]) + (isWorking(t) ? 1 : 0) : workingDays.count
        let index = base + k - 1
        return index < workingDays.count ? Int(workingDays[index]) : t + k * 7 / 5 + 1
    }

    public func date(_ t: Int) -> SimpleDate { start.adding(days: t) }
}
