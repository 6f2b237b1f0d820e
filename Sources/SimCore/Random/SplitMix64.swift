/// SplitMix64: a tiny 64-bit generator used to expand one seed into a full generator state.
///
/// Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014; the
/// seeding procedure recommended by the xoshiro authors.
@frozen
public struct SplitMix64: RandomNumberGenerator, Sendable {
    @usableFromInline
    var state: UInt64

    /// A generator started from `seed`.
    @inlinable
    public init(seed: UInt64) {
        state = seed
    }

    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
