extension RandomNumberGenerator {
    /// A uniform `Double` in [0, 1) with 53 random bits.
    @inlinable @inline(__always)
    public mutating func nextUnitInterval() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform `Double` in (0, 1]: never zero, so safe under a logarithm.
    @inlinable @inline(__always)
    public mutating func nextOpenUnitInterval() -> Double {
        Double((next() >> 11) + 1) * 0x1.0p-53
    }
}
