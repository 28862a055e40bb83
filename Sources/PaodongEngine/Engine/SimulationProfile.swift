import Dispatch

/// Where a run's wall time goes: each phase of the day loop with its wall time, the time its
/// pieces kept workers busy, and the longest piece of each day summed over the days.
///
/// The longest pieces are what no thread count can beat (a district hall, the hotline's general
/// line), and `bounds` turns the per-day figures into the time a phase would take on more
/// threads if nothing but its pieces held it back: Σ over days of max(busy ÷ threads, longest
/// piece). A profile only reads clocks (two per piece, about 50 ns); it changes no result.
public final class SimulationProfile: @unchecked Sendable {
    /// The phases of docs/model.md, "The day loop", with set-up and the merge of results.
    public enum Phase: Int, CaseIterable, Sendable {
        case setup, synthesis, needs, bucketing, queues, hotlineWait, outcomes
        /// The screening campaign's own days, after the city's (a side model's serial time).
        case screening
        case merge
        /// The hotline's lines, played beside the phases (busy and longest only; their wall time
        /// is the day loop's wait for them, `hotlineWait`).
        case hotline

        /// What the phase does, for the profile table.
        public var label: String {
            switch self {
            case .setup: "set-up (catalog, halls, lines)"
            case .synthesis: "set-up: population synthesised"
            case .needs: "1 needs and due actions"
            case .bucketing: "2 visits bucketed, calls gathered"
            case .queues: "3 queues (halls, kiosk pools)"
            case .hotlineWait: "  wait for the hotline lines"
            case .outcomes: "4 outcomes and compaction"
            case .screening: "screening campaign"
            case .merge: "result merged"
            case .hotline: "hotline lines (own pieces)"
            }
        }
    }

    /// Thread counts whose bound the table shows.
    public static let boundThreads = [2, 4, 8, 16]

    /// Wall seconds per phase.
    public private(set) var wall = [Double](repeating: 0, count: Phase.allCases.count)
    /// Seconds the phase's pieces ran, summed over pieces (core-seconds).
    public private(set) var busy = [Double](repeating: 0, count: Phase.allCases.count)
    /// The longest piece of each day, summed over days.
    public private(set) var longest = [Double](repeating: 0, count: Phase.allCases.count)
    /// `bounds[phase][i]`: the phase's time on `boundThreads[i]` threads, balanced but for its pieces.
    public private(set) var bounds = [[Double]](repeating: [Double](repeating: 0, count: boundThreads.count), count: Phase.allCases.count)
    /// The thread count the run used.
    public let threads: Int

    /// Per-worker busy nanoseconds, longest piece and hotline-line nanoseconds of the phase in
    /// flight, 16 slots (128 bytes) apart so that workers never write to one cache line.
    private let slots: UnsafeMutablePointer<UInt64>
    private static let stride = 16

    public init(threads: Int) {
        self.threads = max(1, threads)
        let count = self.threads * SimulationProfile.stride
        slots = .allocate(capacity: count)
        slots.initialize(repeating: 0, count: count)
    }

    deinit { slots.deallocate() }

    /// Nanoseconds on the monotonic clock.
    @inline(__always) static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }

    /// Adds a phase measured as one piece (serial work): wall = busy = longest.
    func addSerial(_ phase: Phase, since start: UInt64) {
        addSerial(phase, nanoseconds: SimulationProfile.now() &- start)
    }

    /// Adds serial work of `nanoseconds` to a phase.
    func addSerial(_ phase: Phase, nanoseconds: UInt64) {
        let s = Double(nanoseconds) / 1e9
        record(phase, wall: s, busy: s, longest: s)
    }

    /// Records one piece run by `worker` (called from the workers; each writes its own slots). A
    /// hotline line's day played inside a phase (`line`) counts in the phase's busy time but not in
    /// its longest pieces or bounds: on four threads or more the lines play beside the phases.
    @inline(__always) func addPiece(worker: Int, nanoseconds: UInt64, line: Bool = false) {
        let s = slots + worker * SimulationProfile.stride
        if line {
            s[2] &+= nanoseconds
        } else {
            s[0] &+= nanoseconds
            s[1] = max(s[1], nanoseconds)
        }
    }

    /// Closes a parallel phase: folds the workers' slots into the phase and clears them.
    func closePhase(_ phase: Phase, since start: UInt64) {
        var busyNs: UInt64 = 0, longestNs: UInt64 = 0, lineNs: UInt64 = 0
        for w in 0..<threads {
            let s = slots + w * SimulationProfile.stride
            busyNs &+= s[0]
            longestNs = max(longestNs, s[1])
            lineNs &+= s[2]
            s[0] = 0; s[1] = 0; s[2] = 0
        }
        record(phase, wall: Double(SimulationProfile.now() &- start) / 1e9, busy: Double(busyNs) / 1e9, longest: Double(longestNs) / 1e9,
               alsoBusy: Double(lineNs) / 1e9)
    }

    /// Adds work done beside the phases (the lines of one day, each a piece), without wall time.
    func addBeside(_ phase: Phase, nanoseconds: [UInt64]) {
        let busy = Double(nanoseconds.reduce(0, &+)) / 1e9, longest = Double(nanoseconds.max() ?? 0) / 1e9
        record(phase, wall: 0, busy: busy, longest: longest)
    }

    /// `alsoBusy`: busy time that the bounds leave out (lines played inside the phase).
    private func record(_ phase: Phase, wall w: Double, busy b: Double, longest l: Double, alsoBusy: Double = 0) {
        let p = phase.rawValue
        wall[p] += w
        busy[p] += b + alsoBusy
        longest[p] += l
        for (i, n) in SimulationProfile.boundThreads.enumerated() { bounds[p][i] += max(b / Double(n), l) }
    }

    /// Adds another run's figures (replications).
    public func add(_ other: SimulationProfile) {
        for p in Phase.allCases.map(\.rawValue) {
            wall[p] += other.wall[p]
            busy[p] += other.busy[p]
            longest[p] += other.longest[p]
            for i in bounds[p].indices { bounds[p][i] += other.bounds[p][i] }
        }
    }
}
