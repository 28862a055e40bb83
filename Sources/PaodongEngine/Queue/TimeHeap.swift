/// A 4-ary min-heap of times, for the call centre recursion's waiting callers (the times they
/// leave the line): half the depth of a binary heap and its four children in one cache line.
/// Storage is kept between days. O(log n) insert and removal.
struct TimeHeap {
    private var items: ContiguousArray<Double> = []

    /// Times held (some may be in the past: callers remove them lazily). O(1).
    var count: Int { items.count }
    /// The earliest time. O(1).
    var min: Double? { items.first }

    /// Empties the heap, keeping its memory. O(1).
    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    /// Adds a time: sifts it up from the end. O(log n).
    mutating func insert(_ time: Double) {
        items.append(time)
        items.withUnsafeMutableBufferPointer { a in Self.siftUp(time, from: a.count - 1, in: a) }
    }

    /// Puts `time` in the hole at `hole` or above it, moving larger parents down. O(log n).
    @inline(__always) private static func siftUp(_ time: Double, from hole: Int, in a: UnsafeMutableBufferPointer<Double>) {
        var i = hole
        while i > 0 {
            let parent = (i - 1) >> 2
            if !(time < a[parent]) { break }
            a[i] = a[parent]
            i = parent
        }
        a[i] = time
    }

    /// Removes the earliest time; the heap must not be empty. O(log n).
    mutating func removeMin() {
        let last = items.removeLast()
        if !items.isEmpty { siftDown(last) }
    }

    /// Puts `time` (the last element, taken off) at the root and sifts it to its place: the hole
    /// goes down to a leaf along the smallest children (three comparisons a level, none with
    /// `time`, which is usually one of the latest), then `time` rises from there (Floyd's
    /// bottom-up variant). O(log n).
    private mutating func siftDown(_ time: Double) {
        items.withUnsafeMutableBufferPointer { a in
            let n = a.count
            var i = 0
            while true {
                let first = 4 * i + 1
                if first >= n { break }
                var c = first
                var m = a[first]
                let end = Swift.min(first + 4, n)
                var j = first + 1
                while j < end {
                    if a[j] < m { m = a[j]; c = j }
                    j += 1
                }
                a[i] = m
                i = c
            }
            Self.siftUp(time, from: i, in: a)
        }
    }
}
