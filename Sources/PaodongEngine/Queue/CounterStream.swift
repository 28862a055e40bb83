import Foundation
import PaodongModel

/// A fast sequential stream of random draws: SplitMix64 from a key (its i-th 64 bits are the
/// finaliser of key + i × the golden gamma), exponentials come from the call centre's
/// 256-layer ziggurat, normals from `NormalZiggurat`. For draws made in bulk where GSL's per-draw call would dominate (a
/// miniature's background visits). O(1) per draw, no allocation.
public struct CounterStream {
    private var bits: SplitMix64

    /// A stream keyed by two draws of `rng` (so it is a function of that stream's position alone).
    public init(_ rng: RandomStream) { bits = SplitMix64(state: rng.key64()) }

    @inline(__always) public mutating func next() -> UInt64 { bits.next() }

    /// A uniform in (0, 1).
    @inline(__always) public mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) * 0x1p-53 }

    /// An integer uniform in 0..<n (Lemire's multiply-high; the bias is below n / 2^64). n > 0.
    @inline(__always) public mutating func below(_ n: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(n)).high)
    }

    /// A standard normal. O(1) expected: one draw 99 % of the time.
    @inline(__always) public mutating func normal() -> Double { NormalZiggurat.standard.sample(next()) }

    /// An exponential of mean `mean`. O(1) expected: one draw 98.9 % of the time.
    @inline(__always) public mutating func exponential(mean: Double) -> Double {
        mean * CallCentre.Ziggurat.exponential.sample(next())
    }
}
