/// xoshiro256**: the simulation's random number generator (period 2^256 − 1, 4 words of state).
///
/// Blackman and Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 47(4), 2021.
/// `jump()` and `longJump()` advance by 2^128 and 2^192 draws, which gives non-overlapping
/// streams for replications and for the parts of one model (see `RandomStreams`).
@frozen
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    @usableFromInline
    var s0: UInt64
    @usableFromInline
    var s1: UInt64
    @usableFromInline
    var s2: UInt64
    @usableFromInline
    var s3: UInt64

    /// A generator whose state is expanded from `seed` with SplitMix64, as its authors recommend.
    @inlinable
    public init(seed: UInt64) {
        var mixer = SplitMix64(seed: seed)
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
    }

    /// A generator with this exact state (not all zero), for tests against reference outputs.
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** state must not be all zero")
        (s0, s1, s2, s3) = state
    }

    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, by: 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, by: 45)
        return result
    }

    /// Advances the state by 2^128 draws: the start of the next sub-stream.
    public mutating func jump() {
        apply(
            polynomial: (
                0x180E_C6D3_3CFD_0ABA, 0xD5A6_1266_F0C9_392C, 0xA958_2618_E03F_C9AA, 0x39AB_DC45_29B1_661C
            ))
    }

    /// Advances the state by 2^192 draws: the start of the next replication's block of streams.
    public mutating func longJump() {
        apply(
            polynomial: (
                0x76E1_5D3E_FEFD_CBBF, 0xC500_4E44_1C52_2FB3, 0x7771_0069_854E_E241, 0x3910_9BB0_2ACB_E635
            ))
    }

    private mutating func apply(polynomial: (UInt64, UInt64, UInt64, UInt64)) {
        var t0: UInt64 = 0
        var t1: UInt64 = 0
        var t2: UInt64 = 0
        var t3: UInt64 = 0
        for word in [polynomial.0, polynomial.1, polynomial.2, polynomial.3] {
            for bit in 0..<UInt64(64) {
                if word & (1 << bit) != 0 {
                    t0 ^= s0
                    t1 ^= s1
                    t2 ^= s2
                    t3 ^= s3
                }
                _ = next()
            }
        }
        (s0, s1, s2, s3) = (t0, t1, t2, t3)
    }
}

@inlinable @inline(__always)
func rotateLeft(_ x: UInt64, by k: UInt64) -> UInt64 {
    (x << k) | (x >> (64 - k))
}
