import PaodongModel

/// Integer counters that a worker adds to and the run merges. Every figure is an integer
/// (minutes are kept in milliseconds), so sums are exact and the merged result is the same
/// whatever the number of workers and the order in which they finish.
public final class Tally: @unchecked Sendable {
    /// City-wide counters.
    public enum Total: Int, CaseIterable {
        case needs, applications, completed, completedNeeds, bundledApplications
        case trips, wastedTrips, documentTrips, submissionTrips, collectionTrips, hometownTrips
        case zeroTrip, atMostOneTrip, trips0, trips1, trips2, trips3Plus
        case windowVisits, kioskVisits, servedVisits, servedWaitMs
        case waitMs, travelMs, serviceMs, formMs, leadDays, staffMs
        case adoptions, submissions
        /// Pre-review findings of incomplete material (补正), online or at a window or kiosk.
        case incompleteFindings
        /// Completed applications for one multi-department item, and their queue wait.
        case multiDepartmentCompleted, multiDepartmentWaitMs
        /// Forms filled in by completed applications (online submissions and kiosk visits).
        case forms
        /// Hotline calls made by the simulated applicants, pre-checks answered, and the incomplete
        /// findings they avoided (expected, in millionths: Σ of the probability removed per check).
        case hotlineConsultations, hotlinePrechecks, hotlinePrechecksAnswered, hotlineAppeals, hotlineFindingsAvoidedMicro
        /// Foreign residents' permit needs with both permits in hand, the applications and trips
        /// they took (both applications' when not merged), and their days from the need to the
        /// second permit. Counted when the second permit is in hand.
        case permitsCompleted, permitApplications, permitTrips, permitLeadDays
        /// Permit needs applied for (the merged application, or the work permit alone), and the
        /// residence permits applied for once their work permit was in hand (not merged: the
        /// lower-bound kernel, which has no lifecycle, does not open these). Document trips of the
        /// permits' applications, counted when they are opened.
        case permitPairs, permitFollowUps, permitDocumentTrips

        @inline(__always) static func trips(_ n: Int) -> Total {
            switch n {
            case 0: return .trips0
            case 1: return .trips1
            case 2: return .trips2
            default: return .trips3Plus
            }
        }
    }
    /// Per item: applications that served a need for it (a bundle counts under each of its items),
    /// then one counter per channel (applications made on it).
    public enum ItemField: Int, CaseIterable {
        case applications, completed, trips, zeroTrip, servedVisits, servedWaitMs, leadDays
        /// Waits, travel, service and forms of completed applications (planner tools rank items by it).
        case citizenMs
        /// What the fields above count from bundles' applications (a bundle's application counts
        /// under each of its items): completed, trips, citizen-milliseconds, and its trips (in
        /// `Tally.shareUnit`s) and citizen-milliseconds split equally among its items. Only a
        /// bundle's application adds to them, so the item alone (the fields above less these) and
        /// the item's share of what it took part in (less the full counts, plus the shares) are
        /// derived (`paodong prioritize` costs an item reform's items by them).
        case bundledCompleted, bundledTrips, bundledCitizenMs, bundledTripsShare, bundledCitizenMsShare
    }
    /// The unit of `ItemField.bundledTripsShare`: divisible by every count of items up to 16, so
    /// that a bundle's shares are exact.
    public static let shareUnit: Int64 = 720_720
    public enum SegmentField: Int, CaseIterable {
        case applications, completed, trips, zeroTrip, servedVisits, servedWaitMs, citizenMs
        /// Needs of the completed applications (a bundle's needs count under its one application).
        case completedNeeds
    }
    public enum DistrictField: Int, CaseIterable {
        case applications, completed, trips, servedVisits, servedWaitMs
        /// Needs of the applications opened (a bundle's needs count under one application).
        case needs
        /// Completed applications that took no trip.
        case zeroTrip
        /// Needs of the completed applications (the denominator of trips per need, as in summary.csv).
        case completedNeeds
    }
    /// Per day, then one counter per channel (applications completed on it that day).
    public enum DayField: Int, CaseIterable {
        case needs, submissions, completions, windowVisits, servedVisits, servedWaitMs, adoptions
        /// Trips and citizen time (wait, travel, service, forms) of the applications completed that day.
        case trips, citizenMs
    }

    /// Fields per row, computed once (`allCases` builds an array at every call).
    static let itemStride = ItemField.allCases.count + Channel.count
    /// City-wide counters: the `Total`s, then completed applications by channel.
    static let totalCount = Total.allCases.count + Channel.count
    /// Where the channel counters start among the totals and in an item's row.
    static let totalChannelBase = Total.allCases.count
    static let itemChannelBase = ItemField.allCases.count
    static let segmentStride = SegmentField.allCases.count
    static let districtStride = DistrictField.allCases.count
    static let dayStride = DayField.allCases.count + Channel.count
    static let dayChannelBase = DayField.allCases.count

    /// All counters in one fixed block: totals, then items, segments, districts and days. Raw
    /// storage because the hot loop adds to it millions of times a day, and an array in a class
    /// pays a uniqueness check on every write (3 % of a run in `perf`); the block is aligned and
    /// padded to 128 bytes so that two workers' tallies never share a cache line.
    private let counters: UnsafeMutablePointer<Int64>
    private let count: Int
    private let items: UnsafeMutablePointer<Int64>
    private let segments: UnsafeMutablePointer<Int64>
    private let districts: UnsafeMutablePointer<Int64>
    private let days: UnsafeMutablePointer<Int64>
    private let dayCount: Int

    public init(items: Int, segments: Int, districts: Int, days: Int) {
        let sizes = [Tally.totalCount, items * Tally.itemStride, segments * Tally.segmentStride,
                     districts * Tally.districtStride, days * Tally.dayStride]
        count = (sizes.reduce(0, +) + 15) / 16 * 16
        let raw = UnsafeMutableRawPointer.allocate(byteCount: count * 8, alignment: 128)
        counters = raw.bindMemory(to: Int64.self, capacity: count)
        counters.initialize(repeating: 0, count: count)
        self.items = counters + sizes[0]
        self.segments = self.items + sizes[1]
        self.districts = self.segments + sizes[2]
        self.days = self.districts + sizes[3]
        dayCount = days
    }

    deinit { counters.deallocate() }

    @inline(__always) public subscript(_ f: Total) -> Int64 {
        get { counters[f.rawValue] }
        set { counters[f.rawValue] = newValue }
    }
    @inline(__always) public func add(_ f: Total, _ v: Int64) { counters[f.rawValue] &+= v }
    /// Counts a completed application by its channel.
    @inline(__always) func addCompleted(on c: Channel) { counters[Tally.totalChannelBase + c.rawValue] &+= 1 }
    /// Completed applications that used `c`.
    public func completed(on c: Channel) -> Int64 { counters[Tally.totalChannelBase + c.rawValue] }
    /// Counts an application for item `i` made on `c`.
    @inline(__always) func add(item i: Int, applicationOn c: Channel) {
        items[i * Tally.itemStride + Tally.itemChannelBase + c.rawValue] &+= 1
    }
    /// Applications for item `i` made on `c`.
    public func item(_ i: Int, applicationsOn c: Channel) -> Int64 { items[i * Tally.itemStride + Tally.itemChannelBase + c.rawValue] }
    @inline(__always) public func add(item i: Int, _ f: ItemField, _ v: Int64) { items[i * Tally.itemStride + f.rawValue] &+= v }
    @inline(__always) public func add(segment s: Int, _ f: SegmentField, _ v: Int64) { segments[s * Tally.segmentStride + f.rawValue] &+= v }
    @inline(__always) public func add(district d: Int, _ f: DistrictField, _ v: Int64) { districts[d * Tally.districtStride + f.rawValue] &+= v }
    /// Days past the horizon (decisions that land after the last day) are not counted per day.
    @inline(__always) public func add(day t: Int, _ f: DayField, _ v: Int64) {
        if t < dayCount { days[t * Tally.dayStride + f.rawValue] &+= v }
    }

    public func item(_ i: Int, _ f: ItemField) -> Int64 { items[i * Tally.itemStride + f.rawValue] }
    public func segment(_ s: Int, _ f: SegmentField) -> Int64 { segments[s * Tally.segmentStride + f.rawValue] }
    public func district(_ d: Int, _ f: DistrictField) -> Int64 { districts[d * Tally.districtStride + f.rawValue] }
    public func day(_ t: Int, _ f: DayField) -> Int64 { days[t * Tally.dayStride + f.rawValue] }
    /// Counts an application completed on day `t` on channel `c`.
    @inline(__always) func add(day t: Int, completedOn c: Channel) {
        if t < dayCount { days[t * Tally.dayStride + Tally.dayChannelBase + c.rawValue] &+= 1 }
    }
    /// Applications completed on day `t` on channel `c`.
    public func day(_ t: Int, completedOn c: Channel) -> Int64 { days[t * Tally.dayStride + Tally.dayChannelBase + c.rawValue] }

    /// Adds `other` (of the same shape) into `self`. O(size).
    public func merge(_ other: Tally) {
        precondition(other.count == count, "tallies of different shapes")
        for i in 0..<count { counters[i] &+= other.counters[i] }
    }
}
