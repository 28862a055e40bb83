import PaodongModel

/// The mutable state of one chunk of agents: its random streams, its open applications and the
/// visits it sends to the queues today. Only one worker touches a chunk at a time.
final class ChunkState: @unchecked Sendable {
    let index: Int
    let chunk: Population.Chunk
    /// Draws needs only, so that the same agents have the same needs in every scenario (common random numbers).
    let needs: RandomStream
    /// Draws everything the agents decide or meet.
    let behaviour: RandomStream
    /// Draws the agents' calls to the hotline (apart, so that calls never shift other draws).
    let hotline: RandomStream

    @exclusivity(unchecked) var apps = FlatBuffer<Application>(capacity: 1024)
    /// Day on which each application acts next (parallel to `apps`); `ChunkState.finished` once done.
    @exclusivity(unchecked) var due = FlatBuffer<Int32>(capacity: 1024)
    /// The `due` of a completed application: no day matches it.
    static let finished: Int32 = -1
    @exclusivity(unchecked) var visits = FlatBuffer<VisitRequest>(capacity: 256)
    /// Calls to the hotline waiting for the lines (made today, or after the lines ran yesterday).
    @exclusivity(unchecked) var calls = FlatBuffer<CallRequest>(capacity: 64)
    /// Whether each call was answered: written by the lines (distinct slots), read back by this chunk.
    @exclusivity(unchecked) var callAnswered = FlatBuffer<Bool>(capacity: 64)
    /// One need of the day: its agent and its item (>= 0) or life event (`~event`).
    struct Need {
        var agent: Int32
        var what: Int32
    }
    /// The day's needs, drawn before any is opened (reused from day to day).
    @exclusivity(unchecked) var newNeeds = FlatBuffer<Need>(capacity: 256)
    /// Applications that act today, in index order (reused from day to day).
    @exclusivity(unchecked) var dueToday = FlatBuffer<Int32>(capacity: 256)
    /// Where the gathering loads leave their result, so that the compiler keeps them.
    @exclusivity(unchecked) var touched: UInt8 = 0
    /// Applications completed since the last compaction.
    @exclusivity(unchecked) var completedSinceCompaction = 0
    /// Written by the queues (distinct slots, several threads), read back by this chunk.
    @exclusivity(unchecked) private(set) var outcomes = FlatBuffer<VisitOutcome>(capacity: 1024)
    @exclusivity(unchecked) private var padding = CacheLinePadding()

    init(index: Int, chunk: Population.Chunk, seed: UInt64) {
        self.index = index; self.chunk = chunk
        needs = RandomStream(seed: seed, chunk: UInt64(index), purpose: .needs)
        behaviour = RandomStream(seed: seed, chunk: UInt64(index), purpose: .behaviour)
        hotline = RandomStream(seed: seed, chunk: UInt64(index), purpose: .hotline)
    }

    /// Makes one outcome slot per visit requested today; call before the queues run.
    func reserveOutcomes() {
        outcomes.resize(to: visits.count)
        callAnswered.resize(to: calls.count)
        for j in 0..<calls.count { callAnswered[j] = false }
    }

    /// Reads which of the calls the lines played today were answered: an answered pre-check lowers
    /// its application's incomplete probability from now on. Then forgets them. Call before
    /// `applyOutcomes` (whose appeals are tomorrow's calls) and before compaction (which moves applications).
    func applyCallOutcomes(_ tally: Tally) {
        for j in 0..<calls.count where calls[j].app >= 0 && callAnswered[j] {
            apps[Int(calls[j].app)].hotline |= Application.Hotline.prechecked
            tally.add(.hotlinePrechecksAnswered, 1)
        }
        calls.removeAll()
    }

    /// Drops completed applications once they are half the array (until then `act` skips them
    /// by their `due` alone). O(applications); keeps the order of the others, so when it runs does
    /// not change any result. Only `due` is read to find them: reading each record's stage cost
    /// a cache miss per record (perf: compaction was 5.7 % of a run at a quarter).
    func compact() {
        guard completedSinceCompaction * 2 > apps.count else { return }
        completedSinceCompaction = 0
        var w = 0
        for r in 0..<apps.count where due[r] != ChunkState.finished {
            if w != r { apps[w] = apps[r]; due[w] = due[r] }
            w += 1
        }
        apps.removeLast(apps.count - w)
        due.removeLast(due.count - w)
    }
}
