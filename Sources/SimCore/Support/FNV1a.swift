/// The 64-bit FNV-1a hash: a fingerprint of bytes, the same on every machine and run (unlike
/// `Hasher`, which is seeded per process). Checksums and content identities use it.
public struct FNV1a: Sendable, Hashable {
    /// The hash of what was added so far.
    public private(set) var value: UInt64 = 0xCBF2_9CE4_8422_2325

    /// The hash of nothing.
    public init() {}

    /// Adds `bytes`.
    public mutating func add<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01B3
        }
    }

    /// Adds `word`'s eight bytes, least significant first.
    public mutating func add(word: UInt64) {
        for byte in 0..<8 { add(CollectionOfOne(UInt8(truncatingIfNeeded: word >> UInt64(byte * 8)))) }
    }

    /// Adds `text`'s UTF-8 bytes and a 0 byte, so that ("ab", "c") and ("a", "bc") differ.
    public mutating func add(text: String) {
        add(text.utf8)
        add(CollectionOfOne(0))
    }
}
