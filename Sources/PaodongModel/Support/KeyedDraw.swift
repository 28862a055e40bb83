/// Draws that depend on (seed, id, purpose) alone, never on how many draws came before.
///
/// The catalog's per-item attributes and every reform's per-item selection key come from here, so
/// that adding a reform, an item attribute or an item leaves every other item's draws unchanged:
/// a result from one version can be compared with the next without a reshuffle of the catalog
/// hiding the model change (docs/model.md, "Time, randomness, determinism"). A purpose is a
/// stable name (`"reform.kiosks"`, `"item.audience"`), hashed with FNV-1a; ids are item ids.
public enum KeyedDraw {
    /// The 64-bit stream id of (id, purpose): FNV-1a over the id's bytes, a separator, the purpose's bytes.
    @inlinable public static func streamID(id: String, purpose: String) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for b in id.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        h = (h ^ 0x1F) &* 0x0000_0100_0000_01B3
        for b in purpose.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
        return h
    }

    /// A uniform in [0, 1) for (seed, id, purpose): SplitMix64 of the seed mixed with the stream
    /// id, 53 bits. O(length of id and purpose).
    public static func uniform(seed: UInt64, id: String, purpose: String) -> Double {
        var h = SplitMix64(state: seed ^ 0x6B65_7965_6420_6472)
        let mixed = h.next() ^ streamID(id: id, purpose: purpose)
        var g = SplitMix64(state: mixed)
        _ = g.next()
        return Double(g.next() >> 11) * 0x1p-53
    }
}

extension RandomStream {
    /// A full generator for (seed, id, purpose), for draws that need more than one uniform
    /// (discrete tables, Poisson, lognormal). O(1) after hashing the strings.
    public convenience init(seed: UInt64, id: String, purpose: String) {
        self.init(seed: seed, chunk: KeyedDraw.streamID(id: id, purpose: purpose), purpose: .keyed)
    }

    /// Restarts this generator as the one `init(seed:id:purpose:)` would make: the generator
    /// makes a catalog's tens of thousands of keyed streams without an allocation each.
    public func reseed(seed: UInt64, id: String, purpose: String) {
        reseed(seed: seed, chunk: KeyedDraw.streamID(id: id, purpose: purpose), purpose: .keyed)
    }
}
