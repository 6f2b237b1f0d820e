/// A tiny seeded random generator for tests that replay operations against a model: Marsaglia's
/// xorshift64 (13, 7, 17), reproducible from its seed on every machine.
public struct XorShift {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed` (any value, 0 included).
    public init(seed: UInt64) {
        state = seed &* 0x9E37_79B9_7F4A_7C15 | 1
    }

    /// The next number in 0..<bound (bound > 0).
    public mutating func next(_ bound: UInt64) -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state % bound
    }
}
