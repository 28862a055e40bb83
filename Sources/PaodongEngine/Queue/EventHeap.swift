/// A 4-ary min-heap of events for the queue kernels' completions, hang-ups and redials.
///
/// The kernels only insert, peek at and remove the minimum, and their events are totally ordered
/// (time, then a sequence number), so any correct heap pops them in the same order: this one
/// replaced swift-collections' `Heap` (a min-max heap, whose every level costs more comparisons),
/// then a binary heap, bit for bit the same results. Removing the minimum leaves a hole at the
/// root that the next insertion fills with one sift down (a hall kernel's completion is mostly
/// followed by the next service start on the freed window), so a removal and an insertion cost
/// one sift, not two; the hole is filled from the end only when the heap is read first.
/// Four children per node halve the depth, their keys share a cache line or two. Storage is
/// kept between sessions. O(log n) insert and removal.
struct EventHeap<Element: Comparable> {
    private var items: ContiguousArray<Element> = []
    /// The root was removed and not yet refilled.
    private var hole = false

    /// The smallest element. O(log n) after a removal, else O(1).
    var min: Element? {
        mutating get {
            settle()
            return items.first
        }
    }

    /// Elements held. O(1).
    var count: Int { items.count - (hole ? 1 : 0) }

    /// Empties the heap, keeping its memory. O(1) for plain elements.
    mutating func removeAll() {
        items.removeAll(keepingCapacity: true)
        hole = false
    }

    /// Adds an element: into the hole at the root, sifted down, if there is one, else sifted up
    /// from the end. O(log n).
    mutating func insert(_ element: Element) {
        if hole {
            hole = false
            siftDown(element)
            return
        }
        items.append(element)
        items.withUnsafeMutableBufferPointer { a in
            var i = a.count - 1
            while i > 0 {
                let parent = (i - 1) >> 2
                if !(element < a[parent]) { break }
                a[i] = a[parent]
                i = parent
            }
            a[i] = element
        }
    }

    /// Removes and returns the smallest element; the heap must not be empty. O(1), the root left
    /// as a hole for the next insertion (or `settle`).
    mutating func removeMin() -> Element {
        settle()
        hole = true
        return items[0]
    }

    /// Fills a hole at the root with the last element. O(log n).
    private mutating func settle() {
        guard hole else { return }
        hole = false
        let last = items.removeLast()
        if !items.isEmpty { siftDown(last) }
    }

    /// Puts `element` at the root (overwriting it) and sifts it down. O(log n).
    private mutating func siftDown(_ element: Element) {
        items.withUnsafeMutableBufferPointer { a in fourArySiftDown(element, in: a.baseAddress!, count: a.count) }
    }
}

/// Puts `element` at the root of the 4-ary min-heap `a[0..<n]` (overwriting the root) and sifts it
/// down: the heaps of `EventHeap` and of `SessionRecursion`'s window free times. n > 0. O(log n).
@inline(__always)
func fourArySiftDown<T: Comparable>(_ element: T, in a: UnsafeMutablePointer<T>, count n: Int) {
    var i = 0
    while true {
        let first = 4 * i + 1
        if first >= n { break }
        let c = fourAryMinChild(a, first: first, count: n)
        if !(a[c] < element) { break }
        a[i] = a[c]
        i = c
    }
    a[i] = element
}

/// The index of the smallest of a 4-ary heap's children `first..<min(first + 4, n)`, the first of
/// equal ones. Where all four exist it is chosen by two pairs and a final, as selects rather than
/// branches: which child is smallest is a coin toss that a branch predictor loses half the time
/// (the halls' window heaps were bound by those mispredictions; the call centre's end times, whose
/// sift ran to a leaf, were slower with selects, and are now a `TournamentTree`). O(1).
@inline(__always)
func fourAryMinChild<T: Comparable>(_ a: UnsafeMutablePointer<T>, first: Int, count n: Int) -> Int {
    if first + 4 <= n {
        let a0 = a[first], a1 = a[first + 1], a2 = a[first + 2], a3 = a[first + 3]
        let left = a1 < a0, right = a3 < a2
        let c01 = left ? first + 1 : first, m01 = left ? a1 : a0
        let c23 = right ? first + 3 : first + 2, m23 = right ? a3 : a2
        return m23 < m01 ? c23 : c01
    }
    var c = first
    var k = first + 1
    while k < n {
        if a[k] < a[c] { c = k }
        k += 1
    }
    return c
}
