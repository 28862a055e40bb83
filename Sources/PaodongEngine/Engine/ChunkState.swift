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
    /// Calls to the hotline for the lines' next gathering (made today, or after yesterday's gathering).
    @exclusivity(unchecked) var calls = FlatBuffer<CallRequest>(capacity: 64)
    /// The calls of the last gathering, whose answers the lines are still working out; their
    /// pre-checks' application indices follow compaction.
    @exclusivity(unchecked) var sentCalls = FlatBuffer<CallRequest>(capacity: 64)
    /// One need of the day: its agent and its item (>= 0) or life event (`~event`).
    struct Need {
        var agent: Int32
        var what: Int32
    }
    /// The day's needs, drawn before any is opened (reused from day to day).
    @exclusivity(unchecked) var newNeeds = FlatBuffer<Need>(capacity: 256)
    /// Draws the foreign residents' permit needs (apart from `needs`: a scenario without them draws as before).
    let foreignNeeds: RandomStream
    /// The chunk's foreign residents (agent indices), listed on the first day; nil until then.
    var foreignAgents: [Int32]? = nil
    /// Residence permits to apply for tomorrow: their work permit's result is in hand.
    struct FollowUp {
        var agent: Int32
        /// The day the permit need arose (lead times count from it).
        var needDay: Int16
        /// The work permit's trips (at most `Application.Marks.maxFirstPermitTrips`).
        var trips: UInt8
    }
    @exclusivity(unchecked) var followUps: [FollowUp] = []
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
        foreignNeeds = RandomStream(seed: seed, chunk: UInt64(index), purpose: .foreignNeeds)
    }

    /// Makes one outcome slot per visit requested today; call before the queues run.
    func reserveOutcomes() {
        outcomes.resize(to: visits.count)
    }

    /// Reads which of the last gathering's calls were answered (`lines[l]` plays the line whose
    /// raw value is l, nil if the run has no such line; the batch is the gathering day's `t % 2`):
    /// an answered pre-check lowers its application's incomplete probability from now on. Then
    /// the calls gathered since take their place. Call before `applyOutcomes` (its appeals go to
    /// the next gathering) and after the lines finished the gathering's day.
    ///
    /// A pre-check's visit is on the next open day at the earliest and its outcome is read in that
    /// day's `applyOutcomes`, after this: reading the answer a day after the call changes nothing.
    func applyCallOutcomes(lines: [HotlineLineState?], batch: Int, _ tally: Tally) {
        // The next answer's place in each line's batch (`HotlineLine` has two cases; a tuple
        // keeps this per-chunk, per-day step free of allocation).
        var next = (0, 0)
        if sentCalls.count > 0 {
            for (l, line) in lines.enumerated() where line != nil {
                let start = Int(line!.batches[batch].chunkStart[index])
                if l == 0 { next.0 = start } else { next.1 = start }
            }
        }
        for j in 0..<sentCalls.count {
            let call = sentCalls[j]
            let s: Int
            if call.line == 0 { s = next.0; next.0 += 1 } else { s = next.1; next.1 += 1 }
            guard call.app >= 0, lines[Int(call.line)]!.batches[batch].answered[s] else { continue }
            apps[Int(call.app)].marks |= Application.Marks.prechecked
            tally.add(.hotlinePrechecksAnswered, 1)
        }
        swap(&sentCalls, &calls)
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
        // The sent pre-checks' applications, in increasing index order (opened in that order),
        // are all still open: they follow their records.
        var pending = 0
        while pending < sentCalls.count && sentCalls[pending].app < 0 { pending += 1 }
        for r in 0..<apps.count where due[r] != ChunkState.finished {
            if w != r { apps[w] = apps[r]; due[w] = due[r] }
            if pending < sentCalls.count && Int(sentCalls[pending].app) == r {
                sentCalls[pending].app = Int32(w)
                pending += 1
                while pending < sentCalls.count && sentCalls[pending].app < 0 { pending += 1 }
            }
            w += 1
        }
        precondition(pending == sentCalls.count, "a pre-checking application was completed before its visit")
        apps.removeLast(apps.count - w)
        due.removeLast(due.count - w)
    }
}
