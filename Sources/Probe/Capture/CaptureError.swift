/// Why a capture could not be opened or read, with libpcap's own message where it gave one.
public enum CaptureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be opened as a pcap or pcapng capture.
    case cannotOpen(path: String, reason: String)
    /// The BPF filter expression did not compile.
    case badFilter(expression: String, reason: String)
    /// The capture's link type is not one the dissector decodes.
    case unsupportedLinkType(path: String, linkType: Int)
    /// Reading a packet failed (a truncated or damaged file, usually).
    case readFailed(path: String, packet: Int, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "\(path): cannot open the capture: \(reason)"
        case .badFilter(let expression, let reason): "bad BPF filter '\(expression)': \(reason)"
        case .unsupportedLinkType(let path, let linkType):
            "\(path): link type \(linkType) is not supported (supported: Ethernet, Linux SLL and SLL2, raw IP, "
                + "BSD loopback, PPP, SLIP, NFLOG)"
        case .readFailed(let path, let packet, let reason):
            "\(path): reading packet \(packet) failed: \(reason)"
        }
    }
}
