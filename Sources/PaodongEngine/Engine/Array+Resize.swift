extension Array {
    /// Makes the array `n` copies of `zero`, keeping its memory: the way to size an array that a
    /// hot loop then writes through a pointer (an append checks uniqueness each time). O(n).
    @inline(__always) mutating func resize(to n: Int, zero: Element) {
        removeAll(keepingCapacity: true)
        append(contentsOf: repeatElement(zero, count: n))
    }
}
