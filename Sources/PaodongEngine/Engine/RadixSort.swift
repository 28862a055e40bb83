/// Sorting of integer keys by some of their bits, for the day loop's per-day sorts.
enum RadixSort {
    /// Sorts `keys` by the `bits` bits above `shift` (key >> shift, masked), stably: keys equal in
    /// those bits keep their order. With the low `shift` bits holding each key's index in
    /// increasing order, the result equals `keys.sort()`. LSD radix in 11-bit digits, `scratch`
    /// reused between calls. O(n × ⌈bits / 11⌉ + 2048 × ⌈bits / 11⌉).
    static func sortStable(_ keys: inout [UInt64], shift: Int, bits: Int, scratch: inout [UInt64]) {
        let n = keys.count
        guard n > 1 else { return }
        let digitBits = 11, buckets = 1 << digitBits, mask = UInt64(buckets - 1)
        let passes = (bits + digitBits - 1) / digitBits
        if scratch.count < n { scratch = [UInt64](repeating: 0, count: n) }
        var counts = [Int](repeating: 0, count: buckets * passes)
        keys.withUnsafeMutableBufferPointer { k in
            scratch.withUnsafeMutableBufferPointer { s in
                counts.withUnsafeMutableBufferPointer { c in
                    // All the passes' histograms in one read of the keys.
                    for i in 0..<n {
                        let v = k[i] >> UInt64(shift)
                        for p in 0..<passes { c[p * buckets + Int((v >> UInt64(p * digitBits)) & mask)] += 1 }
                    }
                    var from = k, to = s
                    for p in 0..<passes {
                        let h = UnsafeMutableBufferPointer(rebasing: c[(p * buckets)..<((p + 1) * buckets)])
                        // A pass whose digit is the same for every key changes nothing.
                        if h.contains(n) { continue }
                        var start = 0
                        for b in 0..<buckets { let m = h[b]; h[b] = start; start += m }
                        let digitShift = UInt64(shift + p * digitBits)
                        for i in 0..<n {
                            let key = from[i]
                            let b = Int((key >> digitShift) & mask)
                            to[h[b]] = key
                            h[b] += 1
                        }
                        swap(&from, &to)
                    }
                    if from.baseAddress != k.baseAddress { k.baseAddress!.update(from: from.baseAddress!, count: n) }
                }
            }
        }
    }
}
