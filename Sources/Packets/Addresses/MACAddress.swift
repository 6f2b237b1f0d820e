/// A 48-bit IEEE MAC address in the low bits of a UInt64.
public struct MACAddress: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    public var rawValue: UInt64
    public init(rawValue: UInt64) { self.rawValue = rawValue & 0xFFFF_FFFF_FFFF }

    /// Group (multicast or broadcast) addresses have the low bit of the first octet set.
    public var isGroup: Bool { rawValue >> 40 & 1 == 1 }

    public var description: String {
        (0..<6).map { index in
            let octet = UInt8(truncatingIfNeeded: rawValue >> (40 - 8 * index))
            return (octet < 16 ? "0" : "") + String(octet, radix: 16)
        }.joined(separator: ":")
    }
}
