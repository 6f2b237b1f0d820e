/// A small two-way set-associative cache of 64-bit hashes, each with 8 bits of flags: what the
/// analysers saw lately, so that a packet repeating it skips their larger tables.
///
/// Small on purpose. Every captured byte streams through the processor's caches, so a table
/// touched once a packet stays in cache only while it is small. At 4 bytes an entry, 16,384
/// hosts take 64 KiB; the direct-mapped cache of 8-byte entries it replaced missed the cache on
/// most packets (the host analyser went from 7% of the probe's samples to 4.3%).
///
/// A set's two entries sit side by side, the most recently used first; a new hash replaces the
/// least recently used one. The set comes from the hash's top bits and the entry keeps 24 more
/// of them (the top one forced on, so that 0 means empty): a hash that is not cached is taken
/// for one that is with a chance of 2 in 2^23, about 1 in 4 million. Callers keep the truth in
/// their own tables and use this only to skip work that would change nothing, so such a
/// collision costs at most a missed update (a host's kind of address, a name's text).
struct RecentHashes {
    private var entries: [UInt32]
    private let shift: UInt64

    /// A cache of `sets` sets (a power of two) of two entries: 8 bytes a set.
    init(sets: Int) {
        precondition(sets > 1 && sets & (sets - 1) == 0 && sets <= 1 << 40)
        entries = [UInt32](repeating: 0, count: 2 * sets)
        shift = UInt64(64 - sets.trailingZeroBitCount)
    }

    @inline(__always)
    private func slot(_ hash: UInt64) -> (index: Int, tag: UInt32) {
        let index = Int(truncatingIfNeeded: hash >> shift) &* 2
        let tag = UInt32(truncatingIfNeeded: hash >> (shift - 24)) << 8 | 0x8000_0000
        return (index, tag)
    }

    /// Records `hash` with `flags` added to those it had, and returns the flags it had before
    /// (nil when it was not cached).
    @inline(__always)
    mutating func insert(_ hash: UInt64, flags: UInt8 = 0) -> UInt8? {
        let (first, tag) = slot(hash)
        let newest = entries[first]
        if newest & ~0xFF == tag {
            if newest | UInt32(flags) != newest { entries[first] = newest | UInt32(flags) }
            return UInt8(truncatingIfNeeded: newest)
        }
        let older = entries[first + 1]
        entries[first + 1] = newest
        if older & ~0xFF == tag {
            entries[first] = older | UInt32(flags)
            return UInt8(truncatingIfNeeded: older)
        }
        entries[first] = tag | UInt32(flags)
        return nil
    }

    /// Forgets `hash`, if cached.
    mutating func remove(_ hash: UInt64) {
        let (first, tag) = slot(hash)
        if entries[first] & ~0xFF == tag {
            entries[first] = entries[first + 1]
            entries[first + 1] = 0
        } else if entries[first + 1] & ~0xFF == tag {
            entries[first + 1] = 0
        }
    }
}
