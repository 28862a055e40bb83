/// A tournament (winner) tree of times over a fixed number of slots, for the call centre
/// recursion's calls in progress: one slot per agent.
///
/// Why not a heap: the recursion's common step replaces the earliest end by a later one, and a
/// heap's sift chooses a child at each level, a coin toss the branch predictor loses (that sift
/// was a tenth of a 1 % year's samples). Here every node holds the earliest time of its subtree and
/// which slot holds it, so a change walks the fixed path from its slot to the root: at each level
/// the siblings' times and slots are loaded from addresses known in advance and the smallest is
/// kept by masks, with no branch that depends on the times. Only the multiset of times is observable
/// (`min`, `count`), so the recursion's schedule is the heap's, whichever of equal times wins.
/// Storage is kept between days. O(log capacity) per change, O(capacity) to reset.
public struct TournamentTree {
    /// Node `i`'s earliest time, as its bit pattern, and the slot holding it. The tree is 4-ary:
    /// node 0 is the root, node i's children are 4i + 1 … 4i + 4, and the slots are the last
    /// `leaves` nodes, from `first`. Four children in 32 bytes, and half the levels of a binary
    /// tree. Bit patterns order non-negative doubles and +∞ as the numbers do.
    private var time: [Int64] = []
    private var slot: [Int32] = []
    /// Empty slots, the next to fill last.
    private var empty: [Int32] = []
    private var leaves = 1
    private var first = 0

    public init() {}

    /// Times held. O(1).
    public private(set) var count = 0
    /// The earliest time held, nil when empty. O(1).
    public var min: Double? { count > 0 ? Double(bitPattern: UInt64(bitPattern: time[0])) : nil }

    /// An empty slot's key: above every time's bit pattern, +∞'s included, so that the root never
    /// stands for an empty slot while a time is held (a NaN's pattern, never read as a time).
    private static let vacant = Int64.max

    /// Empties the tree and gives it room for `capacity` times, keeping its memory. O(capacity).
    public mutating func reset(capacity: Int) {
        leaves = 1; first = 0
        while leaves < capacity { first += leaves; leaves <<= 2 }
        let nodes = first + leaves
        time.removeAll(keepingCapacity: true)
        time.append(contentsOf: repeatElement(Self.vacant, count: nodes))
        slot.removeAll(keepingCapacity: true)
        slot.append(contentsOf: repeatElement(0, count: nodes))
        // Every subtree is vacant: its first slot stands for it.
        let first = self.first
        slot.withUnsafeMutableBufferPointer { s in
            for i in first..<nodes { s[i] = Int32(i - first) }
            var i = first - 1
            while i >= 0 { s[i] = s[4 * i + 1]; i -= 1 }
        }
        empty.removeAll(keepingCapacity: true)
        empty.append(contentsOf: (0..<Int32(capacity)).reversed())
        count = 0
    }

    /// Adds a time in an empty slot; the tree must hold fewer than its capacity. O(log capacity).
    public mutating func insert(_ t: Double) {
        precondition(!empty.isEmpty, "more times than the tournament tree's capacity")
        let s = Int(empty.removeLast())
        count += 1
        set(s, Self.key(t))
    }

    /// Removes the earliest time; the tree must not be empty. O(log capacity).
    public mutating func removeMin() {
        let s = slot[0]
        empty.append(s)
        count -= 1
        set(Int(s), Self.vacant)
    }

    /// Replaces the earliest time with `t`; the tree must not be empty. O(log capacity).
    public mutating func replaceMin(with t: Double) { set(Int(slot[0]), Self.key(t)) }

    /// A time's key: its bit pattern. `t` must be +0 or more (an end time), or +∞.
    @inline(__always) private static func key(_ t: Double) -> Int64 {
        precondition(t.sign == .plus && !t.isNaN, "a tournament tree holds times of +0 or more")
        return Int64(bitPattern: t.bitPattern)
    }

    /// Puts `key` in slot `s` and replays the matches on its path to the root: at each level the
    /// earliest of its three siblings (found apart from the path's chain) against the path's
    /// winner. The winner is chosen by the sign of the keys' difference as a mask: LLVM turns a
    /// comparison's select on this loop's carried chain back into a branch, which the predictor
    /// loses half the time.
    @inline(__always) private mutating func set(_ s: Int, _ key: Int64) {
        let first = self.first
        time.withUnsafeMutableBufferPointer { time in
            slot.withUnsafeMutableBufferPointer { slot in
                var i = first + s
                var best = key, bestSlot = Int32(s)
                time[i] = key
                while i > 0 {
                    let group = (i - 1) & ~3, p = (i - 1) & 3
                    let a = group + 1 + ((p + 1) & 3), b = group + 1 + ((p + 2) & 3), c = group + 1 + ((p + 3) & 3)
                    var m = time[a], mSlot = slot[a]
                    Self.keepEarlier(&m, &mSlot, time[b], slot[b])
                    Self.keepEarlier(&m, &mSlot, time[c], slot[c])
                    Self.keepEarlier(&best, &bestSlot, m, mSlot)
                    i = (i - 1) >> 2
                    time[i] = best
                    slot[i] = bestSlot
                }
            }
        }
    }

    /// Keeps in (`best`, `bestSlot`) the earlier of it and (`other`, `otherSlot`), without a
    /// branch (both keys are 0 … 2^63 − 1, so their difference does not overflow).
    @inline(__always) private static func keepEarlier(_ best: inout Int64, _ bestSlot: inout Int32, _ other: Int64, _ otherSlot: Int32) {
        let mask = (other &- best) >> 63
        best ^= (best ^ other) & mask
        bestSlot ^= (bestSlot ^ otherSlot) & Int32(truncatingIfNeeded: mask)
    }
}
