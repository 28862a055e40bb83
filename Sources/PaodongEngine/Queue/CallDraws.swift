import Foundation
import PaodongModel

extension CallCentre {
    /// An attempt's random draws, each a function of (day key, call, attempt, what) alone, so that
    /// both kernels draw the same value whenever they need it. The bits are a SplitMix64
    /// finaliser of the key and a counter; exponentials come from a 256-layer ziggurat
    /// (Marsaglia and Tsang 2000), which needs one hash and a multiplication 98.9 % of the time
    /// instead of a logarithm. O(1) expected, no state.
    public struct Draws: Sendable {
        public enum What: UInt64 { case callTime = 0, patience, redial, redialDelay }
        public let key: UInt64
        private let zig: Ziggurat

        /// The day's key: two draws from the line's stream.
        public init(_ rng: RandomStream) {
            key = rng.key64()
            zig = Ziggurat.exponential
        }

        /// The first 64 random bits of (call, attempt, what).
        @inline(__always) func bits(call: Int, attempt: UInt8, _ what: What) -> UInt64 {
            SplitMix64.mix(key &+ (UInt64(call) << 10 | UInt64(attempt) << 2 | what.rawValue) &* 0x9E37_79B9_7F4A_7C15)
        }
        /// A uniform in (0, 1).
        @inline(__always) public func uniform(call: Int, attempt: UInt8, _ what: What) -> Double {
            (Double(bits(call: call, attempt: attempt, what) >> 11) + 0.5) * 0x1p-53
        }
        /// An exponential of mean `mean`.
        @inline(__always) public func exponential(call: Int, attempt: UInt8, _ what: What, mean: Double) -> Double {
            mean * zig.sample(bits(call: call, attempt: attempt, what))
        }
    }

    /// The ziggurat of the unit exponential: 256 layers of equal area `v` under e^−x, the base
    /// layer holding the tail beyond `r`. `x[i]` is layer i's width (x[0] = v / e^−r, x[1] = r,
    /// x[256] = 0), `f[i] = e^−x[i]`.
    final class Ziggurat: @unchecked Sendable {  // tables written once in init, then only read
        static let exponential = Ziggurat()
        static let r = 7.697_117_470_131_049_72
        static let v = 0.003_949_659_822_581_557_199_3
        let x: UnsafeMutablePointer<Double>
        let f: UnsafeMutablePointer<Double>

        private init() {
            x = .allocate(capacity: 257); f = .allocate(capacity: 257)
            x[0] = Self.v / exp(-Self.r)
            x[1] = Self.r
            for i in 2..<256 { x[i] = -log(Self.v / x[i - 1] + exp(-x[i - 1])) }
            x[256] = 0
            for i in 0...256 { f[i] = exp(-x[i]) }
        }
        deinit { x.deallocate(); f.deallocate() }

        /// A unit exponential from `bits`; on the rare rejection, further bits from the same
        /// counter stream. O(1) expected.
        @inline(__always) func sample(_ bits: UInt64) -> Double {
            let i = Int(bits & 0xFF)
            let candidate = Double(bits >> 11) * 0x1p-53 * x[i]
            if candidate < x[i + 1] { return candidate }
            return slow(bits)
        }

        /// The base layer's tail and the wedges. O(1) expected.
        @inline(never) func slow(_ first: UInt64) -> Double {
            var more = SplitMix64(state: first)
            var b = first
            while true {
                let i = Int(b & 0xFF)
                let u = Double(b >> 11) * 0x1p-53
                let candidate = u * x[i]
                if candidate < x[i + 1] { return candidate }
                let u2 = (Double(more.next() >> 11) + 0.5) * 0x1p-53
                if i == 0 { return Self.r - log(u2) }
                if f[i] + u2 * (f[i + 1] - f[i]) < exp(-candidate) { return candidate }
                b = more.next()
            }
        }
    }
}
