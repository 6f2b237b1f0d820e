/// Why a capture could not be opened or read, with libpcap's own message where it gave one.
public enum CaptureError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file could not be opened as a pcap or pcapng capture, or the interface for a live
    /// capture could not be opened for another reason than those below.
    case cannotOpen(path: String, reason: String)
    /// The BPF filter expression did not compile.
    case badFilter(expression: String, reason: String)
    /// The capture's link type is not one the dissector decodes.
    case unsupportedLinkType(path: String, linkType: Int)
    /// Reading a packet failed (a truncated or damaged file, usually).
    case readFailed(path: String, packet: Int, reason: String)
    /// No interface has this name; `available` lists those that do.
    case noSuchInterface(name: String, available: [String])
    /// Capturing needs privileges the process lacks.
    case permissionDenied(interface: String, reason: String)
    /// The interface exists but is administratively down.
    case interfaceDown(name: String)
    /// The interfaces could not be listed.
    case cannotListInterfaces(reason: String)
    /// Giving up root after opening the capture failed (`user` unknown, or the switch refused).
    case cannotDropPrivileges(user: String, reason: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): "\(path): cannot open the capture: \(reason)"
        case .badFilter(let expression, let reason): "bad BPF filter '\(expression)': \(reason)"
        case .unsupportedLinkType(let path, let linkType):
            "\(path): link type \(linkType) is not supported (supported: Ethernet, Linux SLL and SLL2, raw IP, "
                + "BSD loopback, PPP, SLIP, NFLOG)"
        case .readFailed(let path, let packet, let reason):
            "\(path): reading packet \(packet) failed: \(reason)"
        case .noSuchInterface(let name, let available):
            "no interface named '\(name)'"
                + (available.isEmpty
                    ? "; no interface can be captured on here"
                    : " (interfaces: \(available.joined(separator: ", ")); metro6 probe --list-interfaces shows their addresses)")
        case .permissionDenied(let interface, let reason):
            "\(interface): no permission to capture (\(reason)); run as root or give the binary CAP_NET_RAW "
                + "(setcap cap_net_raw,cap_net_admin=eip $(command -v metro6))"
        case .interfaceDown(let name):
            "\(name): the interface is down; bring it up first (ip link set \(name) up)"
        case .cannotListInterfaces(let reason): "cannot list the capture interfaces: \(reason)"
        case .cannotDropPrivileges(let user, let reason):
            "cannot switch to user '\(user)' after opening the capture: \(reason) (choose another with --user)"
        }
    }
}
