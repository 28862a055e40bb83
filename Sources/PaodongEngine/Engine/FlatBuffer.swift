/// A growable array of plain values that owns its memory: no copy-on-write, no uniqueness check on
/// writes, no bounds check in release builds, freed when its owner goes.
///
/// The chunk's in-flight applications and its day lists live here because the day loop writes
/// them tens of millions of times a day, and a Swift `Array` held by a class checks uniqueness on
/// every write (`swift_isUniquelyReferenced`, 3.8 % of a full-scale run in perf). The buffer is
/// non-copyable, so exactly one owner holds the storage and `deinit` frees it.
struct FlatBuffer<Element: BitwiseCopyable>: ~Copyable {
    private(set) var base: UnsafeMutablePointer<Element>
    private(set) var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        self.capacity = Swift.max(1, capacity)
        base = FlatBuffer.allocate(self.capacity)
    }

    deinit { base.deallocate() }

    /// Memory for `n` elements on a cache-line boundary. malloc aligns to 16 bytes (a large block
    /// lies 16 bytes into its pages), so a 64-byte application would straddle two cache lines and
    /// cost two misses where it is met at random. O(1).
    private static func allocate(_ n: Int) -> UnsafeMutablePointer<Element> {
        UnsafeMutableRawPointer.allocate(byteCount: n * MemoryLayout<Element>.stride,
                                         alignment: Swift.max(64, MemoryLayout<Element>.alignment))
            .bindMemory(to: Element.self, capacity: n)
    }

    /// The valid indices, `0..<count`.
    var indices: Range<Int> { 0..<count }

    /// The element at `i`, read or written in place. O(1).
    subscript(i: Int) -> Element {
        unsafeAddress {
            assert(i >= 0 && i < count, "index out of range")
            return UnsafePointer(base + i)
        }
        nonmutating unsafeMutableAddress {
            assert(i >= 0 && i < count, "index out of range")
            return base + i
        }
    }

    /// Adds `element` at the end. Amortised O(1).
    mutating func append(_ element: Element) {
        if count == capacity { grow(to: 2 * capacity) }
        (base + count).initialize(to: element)
        count += 1
    }

    /// Empties the buffer, keeping its memory. O(1).
    mutating func removeAll() { count = 0 }

    /// Drops the last `k` elements. O(1).
    mutating func removeLast(_ k: Int) {
        precondition(k >= 0 && k <= count, "cannot remove \(k) of \(count) elements")
        count -= k
    }

    /// Makes `count` exactly `n`, growing the memory if needed; elements past the old count are
    /// uninitialised plain values that the caller writes before reading. O(1) unless it grows
    /// (then O(old count)).
    mutating func resize(to n: Int) {
        precondition(n >= 0, "negative size")
        if n > capacity { grow(to: Swift.max(n, 2 * capacity)) }
        count = n
    }

    private mutating func grow(to newCapacity: Int) {
        let bigger = FlatBuffer.allocate(newCapacity)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = newCapacity
    }
}
