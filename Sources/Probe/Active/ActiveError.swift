#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why an active check could not be prepared or sent.
public enum ActiveError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A socket call failed: the call and `errno`.
    case socket(String, Int32)
    /// A `--target` that is not `host:port`.
    case badTarget(String)
    /// A packet larger than the host lets out unfragmented (the link's MTU, the RA's, or one a
    /// Packet Too Big taught it).
    case tooBig

    public var description: String {
        switch self {
        case .socket(let call, let number):
            "active checks: \(call) failed: \(String(cString: strerror(number)))"
                + (number == EPERM || number == EACCES
                    ? " (raw sockets and port 546 need root or CAP_NET_RAW)" : "")
        case .tooBig:
            "not sent: larger than the path MTU the host knows (the link's, the RA's or an earlier Packet Too Big's)"
        case .badTarget(let text):
            "--target '\(text)': expected host:port, [IPv6]:port or IPv4:port, the port 1-65535"
        }
    }
}
