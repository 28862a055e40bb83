import Foundation
import PaodongModel

/// The ziggurat of the standard normal (Marsaglia and Tsang 2000): 256 layers of equal area `v`
/// under e^(−x²/2) on x ≥ 0, the base layer holding the tail beyond `r`, a sign bit on top.
/// `x[i]` is layer i's width (x[0] = v / e^(−r²/2), x[1] = r, x[256] = 0), `f[i] = e^(−x[i]²/2)`.
/// One 64-bit draw and a multiplication 99 % of the time instead of GSL's polar method (two
/// uniforms, a logarithm and a square root). For a miniature's background service times.
final class NormalZiggurat: @unchecked Sendable {  // tables written once in init, then only read
    static let standard = NormalZiggurat()
    static let r = 3.654_152_885_361_008_8
    static let v = 0.004_928_673_233_99
    let x: UnsafeMutablePointer<Double>
    let f: UnsafeMutablePointer<Double>

    private init() {
        x = .allocate(capacity: 257); f = .allocate(capacity: 257)
        x[0] = Self.v / exp(-Self.r * Self.r / 2)
        x[1] = Self.r
        for i in 2..<256 { x[i] = (-2 * log(Self.v / x[i - 1] + exp(-x[i - 1] * x[i - 1] / 2))).squareRoot() }
        x[256] = 0
        for i in 0...256 { f[i] = exp(-x[i] * x[i] / 2) }
    }
    deinit { x.deallocate(); f.deallocate() }

    /// A standard normal from `bits` (layer: bits 0–7, sign: bit 8, position: bits 11–63); on the
    /// rare rejection, further bits from a counter stream started at `bits`. O(1) expected.
    @inline(__always) func sample(_ bits: UInt64) -> Double {
        let i = Int(bits & 0xFF)
        let candidate = Double(bits >> 11) * 0x1p-53 * x[i]
        if candidate < x[i + 1] { return bits & 0x100 == 0 ? candidate : -candidate }
        return slow(bits)
    }

    /// The base layer's tail (Marsaglia's method) and the wedges. O(1) expected.
    @inline(never) func slow(_ first: UInt64) -> Double {
        var more = SplitMix64(state: first)
        var b = first
        func next() -> UInt64 { more.next() }
        func open(_ bits: UInt64) -> Double { (Double(bits >> 11) + 0.5) * 0x1p-53 }
        while true {
            let i = Int(b & 0xFF)
            let sign = b & 0x100 == 0 ? 1.0 : -1.0
            let candidate = Double(b >> 11) * 0x1p-53 * x[i]
            if candidate < x[i + 1] { return sign * candidate }
            if i == 0 {
                while true {
                    let a = -log(open(next())) / Self.r
                    let c = -log(open(next()))
                    if 2 * c >= a * a { return sign * (Self.r + a) }
                }
            }
            if f[i] + open(next()) * (f[i + 1] - f[i]) < exp(-candidate * candidate / 2) { return sign * candidate }
            b = next()
        }
    }
}
