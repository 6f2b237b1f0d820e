/// Bounds on every repeated or nested structure the decoders walk, so that no packet, however
/// crafted, makes a decoder loop long or recurse deep. Exceeding one is a typed
/// `DecodeError.limitExceeded`, counted by the probe like any other malformed packet.
public enum Limits {
    /// IPv6 extension headers in one header chain. RFC 8200 expects at most a handful; Linux
    /// accepts any number but real traffic never has more than ~4.
    public static let extensionHeaders = 16
    /// Nested encapsulations in one frame (VLAN tags, tunnels, MPLS labels together).
    public static let encapsulations = 8
    /// Options in one ND message, DHCPv6 message or IPv6 option header.
    public static let options = 256
    /// DNS compression pointers followed while reading one name (a loop stops here).
    public static let compressionPointers = 16
    /// Labels in one DNS name (a 255-byte name has at most 127).
    public static let labels = 128
    /// Nested DHCPv6 relay messages (RFC 8415 HOP_COUNT_LIMIT is 8).
    public static let relayDepth = 8
    /// Resource records walked in one DNS message.
    public static let records = 512
}
