/// A binary min-heap of events for the queue kernels' completions, hang-ups and redials.
///
/// The kernels only insert, peek at and remove the minimum, and their events are totally ordered
/// (time, then a sequence number), so any correct heap pops them in the same order: this one
/// replaced swift-collections' `Heap` (a min-max heap, whose every level costs more comparisons),
/// bit for bit the same results. Storage is kept between sessions. O(log n) insert and removal.
struct EventHeap<Element: Comparable> {
    private var items: ContiguousArray<Element> = []

    /// The smallest element. O(1).
    var min: Element? { items.first }

    /// Elements held. O(1).
    var count: Int { items.count }

    /// Empties the heap, keeping its memory. O(1) for plain elements.
    mutating func removeAll() { items.removeAll(keepingCapacity: true) }

    /// Adds an element: sifts it up from the end. O(log n).
    mutating func insert(_ element: Element) {
        items.append(element)
        items.withUnsafeMutableBufferPointer { a in
            var i = a.count - 1
            while i > 0 {
                let parent = (i - 1) / 2
                if !(element < a[parent]) { break }
                a[i] = a[parent]
                i = parent
            }
            a[i] = element
        }
    }

    /// Removes and returns the smallest element; the heap must not be empty. O(log n).
    mutating func removeMin() -> Element {
        let top = items[0]
        let last = items.removeLast()
        if items.isEmpty { return top }
        items.withUnsafeMutableBufferPointer { a in
            let n = a.count
            var i = 0
            while true {
                let l = 2 * i + 1
                if l >= n { break }
                let r = l + 1
                let c = r < n && a[r] < a[l] ? r : l
                if !(a[c] < last) { break }
                a[i] = a[c]
                i = c
            }
            a[i] = last
        }
        return top
    }
}
