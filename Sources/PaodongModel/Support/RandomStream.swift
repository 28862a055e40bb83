import Foundation
import CGSL

/// A GSL random number generator owned by one chunk for one purpose.
///
/// Streams are derived from `(seed, chunk, purpose)` alone, never from the thread that uses
/// them, so a run is reproducible whatever the thread count (docs/model.md, "Time, randomness, determinism"). A stream must be
/// used by one thread at a time; the engine guarantees this by giving each chunk its own.
public final class RandomStream: @unchecked Sendable {
    /// What a stream is used for; part of its derivation so that purposes never share draws.
    public enum Purpose: UInt64, Sendable {
        case catalog = 1, population, needs, behaviour, queue, kiosk
        /// Sweep designs (lhs, morris) and their bootstrap.
        case design = 7
        /// Calls to the 12345 hotline: the chunks' calls and the lines' own draws.
        case hotline = 8
        /// Screening sites (one stream per site).
        case screening = 9
        /// Per-(item, purpose) streams of the catalog (`KeyedDraw`); the chunk is the stream id.
        case keyed = 10
        /// Which residents are foreign nationals, and their ages (apart, so that a scenario without
        /// them draws as before).
        case foreign = 11
        /// The foreign residents' permit needs (apart from `needs`, for the same reason).
        case foreignNeeds = 12
    }

    public let rng: UnsafeMutablePointer<gsl_rng>
    /// taus2's state, three `unsigned long` words in the block after the header.
    private let state: UnsafeMutablePointer<UInt>
    /// The generator and its state in one block of whole cache lines. `gsl_rng_alloc` makes two
    /// small mallocs, so the states of neighbouring chunks shared cache lines and two workers
    /// drawing from them invalidated each other's lines on every draw.
    private let block: UnsafeMutableRawPointer

    /// Creates the stream for `purpose` of `chunk` under `seed`. O(1).
    public init(seed: UInt64, chunk: UInt64, purpose: Purpose) {
        paodong_gsl_quiet()
        let type = paodong_rng_taus2()!
        let line = 128
        let header = (MemoryLayout<gsl_rng>.size + line - 1) / line * line
        let size = (header + type.pointee.size + line - 1) / line * line
        block = .allocate(byteCount: size, alignment: line)
        block.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        rng = block.bindMemory(to: gsl_rng.self, capacity: 1)
        rng.pointee = gsl_rng(type: type, state: block + header)
        precondition(type.pointee.size == 3 * MemoryLayout<UInt>.size && type.pointee.max == 0xFFFF_FFFF && type.pointee.min == 0,
                     "GSL's taus2 is not three words from 0 to 2^32 - 1")
        state = (block + header).bindMemory(to: UInt.self, capacity: 3)
        reseed(seed: seed, chunk: chunk, purpose: purpose)
    }

    /// Restarts the generator as `init(seed:chunk:purpose:)` would make it. O(1).
    public func reseed(seed: UInt64, chunk: UInt64, purpose: Purpose) {
        var h = SplitMix64(state: seed ^ 0x7061_6F64_6F6E_6721)
        _ = h.next()
        var mixed = h.next() ^ (chunk &* 0x9E37_79B9_7F4A_7C15)
        mixed ^= purpose.rawValue &* 0xC2B2_AE3D_27D4_EB4F
        var h2 = SplitMix64(state: mixed)
        let s = h2.next()
        // taus2 seeds from 32 bits; fold the 64-bit hash and avoid 0 (GSL maps 0 to its default seed).
        let folded = UInt((s >> 32) ^ (s & 0xFFFF_FFFF)) | 1
        gsl_rng_set(rng, folded)
    }

    deinit { block.deallocate() }

    @inline(__always) private var ptr: UnsafePointer<gsl_rng> { UnsafePointer(rng) }

    /// The next 32-bit output of GSL's taus2 generator, advanced here on GSL's own state (the
    /// three words of its `taus_state_t`), bit for bit `taus_get` of gsl/rng/taus.c: the day
    /// loop's tens of millions of uniforms a year save GSL's two indirect calls. GSL's own
    /// samplers (gamma, Poisson, lognormal) keep drawing from the same state. O(1).
    @inline(__always) private func next32() -> UInt {
        let s = state
        let mask: UInt = 0xFFFF_FFFF
        let s1 = (((s[0] & 4_294_967_294) << 12) & mask) ^ ((((s[0] << 13) & mask) ^ s[0]) >> 19)
        let s2 = (((s[1] & 4_294_967_288) << 4) & mask) ^ ((((s[1] << 2) & mask) ^ s[1]) >> 25)
        let s3 = (((s[2] & 4_294_967_280) << 17) & mask) ^ ((((s[2] << 3) & mask) ^ s[2]) >> 11)
        s[0] = s1; s[1] = s2; s[2] = s3
        return s1 ^ s2 ^ s3
    }

    /// A 64-bit key from two draws (the high and low 32 bits), to start a counter stream or key
    /// draws at this stream's position.
    public func key64() -> UInt64 { UInt64(uniform() * 0x1p32) << 32 | UInt64(uniform() * 0x1p32) }

    /// Uniform on [0, 1): `gsl_rng_uniform` of taus2, bit for bit.
    @inline(__always) public func uniform() -> Double { Double(next32()) / 4_294_967_296.0 }
    /// Uniform integer in 0..<n; n must be positive: `gsl_rng_uniform_int` of taus2, bit for bit.
    @inline(__always) public func uniformInt(_ n: Int) -> Int {
        precondition(n > 0 && UInt(n) <= 0xFFFF_FFFF, "uniformInt needs 0 < n < 2^32")
        let scale = 0xFFFF_FFFF / UInt(n)
        var k: UInt
        repeat { k = next32() / scale } while k >= UInt(n)
        return Int(k)
    }
    @inline(__always) public func bernoulli(_ p: Double) -> Bool { p > 0 && uniform() < p }
    /// GSL's own `gsl_rng_uniform` and `gsl_rng_uniform_int` (the references of `uniform` and `uniformInt`).
    public func gslUniform() -> Double { gsl_rng_uniform(ptr) }
    public func gslUniformInt(_ n: Int) -> Int { Int(gsl_rng_uniform_int(ptr, UInt(n))) }
    public func poisson(_ mu: Double) -> Int { mu > 0 ? Int(gsl_ran_poisson(ptr, mu)) : 0 }
    /// Gamma with the given shape and mean.
    public func gamma(shape: Double, mean: Double) -> Double { gsl_ran_gamma(ptr, shape, mean / shape) }
    /// Exponential with the given mean.
    public func exponential(mean: Double) -> Double { gsl_ran_exponential(ptr, mean) }
    /// Lognormal with the given mean and coefficient of variation.
    public func lognormal(_ p: LognormalParameters) -> Double { gsl_ran_lognormal(ptr, p.zeta, p.sigma) }
    /// Lognormal with the parameters of the underlying normal.
    @inline(__always) public func lognormal(zeta: Double, sigma: Double) -> Double { gsl_ran_lognormal(ptr, zeta, sigma) }
    /// Draws an index from a discrete table. O(1) (Walker's alias method).
    ///
    /// GSL's `gsl_ran_discrete` written out here (a uniform u, the cell ⌊u K⌋, the cell's own index
    /// if u is below its cut-off, else its alias) with the table's arrays held by the table, so that
    /// the day loop's tens of millions of draws a year save a call; `gslDiscrete` calls GSL, and a
    /// test checks the two agree on every draw.
    @inline(__always) public func discrete(_ table: DiscreteTable) -> Int {
        let u = uniform()
        let c = Int(u * table.cells)
        let f = table.cutoff[c]
        return f == 1.0 || u < f ? c : table.alias[c]
    }

    /// The same draw through GSL's own `gsl_ran_discrete` (the reference for `discrete`).
    public func gslDiscrete(_ table: DiscreteTable) -> Int { Int(gsl_ran_discrete(ptr, table.table)) }
}

/// Lognormal parameters from a mean and a coefficient of variation.
public struct LognormalParameters: Sendable, Equatable {
    public let zeta: Double
    public let sigma: Double
    public init(mean: Double, cv: Double) {
        let s2 = log1p(cv * cv)
        sigma = s2.squareRoot()
        zeta = log(mean) - s2 / 2
    }
}

/// A GSL alias table over non-negative weights; immutable once built and safe to share.
public final class DiscreteTable: @unchecked Sendable {
    let table: UnsafeMutablePointer<gsl_ran_discrete_t>
    public let count: Int
    /// GSL's cells (K, as a double), cut-offs (F) and aliases (A), read by `RandomStream.discrete`.
    let cells: Double
    let cutoff: UnsafePointer<Double>
    let alias: UnsafeMutablePointer<Int>

    /// Builds the table. O(n). At least one weight must be positive.
    public init(weights: [Double]) {
        precondition(weights.contains { $0 > 0 }, "DiscreteTable needs a positive weight")
        count = weights.count
        table = weights.withUnsafeBufferPointer { gsl_ran_discrete_preproc($0.count, $0.baseAddress)! }
        let k = table.pointee.K
        cells = Double(k)
        cutoff = UnsafePointer(table.pointee.F)
        alias = .allocate(capacity: k)
        for i in 0..<k { alias[i] = Int(table.pointee.A[i]) }
    }
    deinit {
        alias.deallocate()
        gsl_ran_discrete_free(table)
    }
}

/// SplitMix64 (Steele, Lea and Flood 2014): a counter advanced by the golden gamma and its
/// finaliser. It derives stream seeds, and serves the engine's counter streams and keyed draws
/// (the call centre's, a miniature's background visits) where GSL's per-draw call would dominate.
public struct SplitMix64: Sendable {
    public var state: UInt64
    @inlinable public init(state: UInt64) { self.state = state }

    /// The finaliser: 64 well-mixed bits of `x`. O(1).
    @inlinable public static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    @inlinable public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }
}

