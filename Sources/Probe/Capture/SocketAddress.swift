import Packets

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The C library's socket addresses and the project's addresses, each way: the one place the
/// probe reads or builds a `sockaddr` (interface lists, the active checks' sockets).
enum SocketAddress {
    /// Calls `body` with a socket address for `address`, `port` and `scope`.
    static func with<Result>(
        _ address: IPAddress, port: UInt16, scope: UInt32,
        _ body: (UnsafePointer<sockaddr>, socklen_t) -> Result
    ) -> Result {
        switch address {
        case .v6(let v6):
            var socketAddress = sockaddr_in6()
            socketAddress.sin6_family = sa_family_t(AF_INET6)
            socketAddress.sin6_port = port.bigEndian
            socketAddress.sin6_scope_id = scope
            unsafe withUnsafeMutableBytes(of: &socketAddress.sin6_addr) { bytes in
                for index in 0..<16 {
                    let word = index < 8 ? v6.high : v6.low
                    bytes[index] = UInt8(truncatingIfNeeded: word >> (56 - 8 * (index % 8)))
                }
            }
            return unsafe withUnsafePointer(to: &socketAddress) { pointer in
                unsafe pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    unsafe body($0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        case .v4(let v4):
            var socketAddress = sockaddr_in()
            socketAddress.sin_family = sa_family_t(AF_INET)
            socketAddress.sin_port = port.bigEndian
            socketAddress.sin_addr.s_addr = v4.rawValue.bigEndian
            return unsafe withUnsafePointer(to: &socketAddress) { pointer in
                unsafe pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    unsafe body($0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        }
    }

    /// The IPv4 or IPv6 address in a socket address; nil for other families (link layer).
    static func ipAddress(_ socket: UnsafePointer<sockaddr>) -> IPAddress? {
        switch Int32(unsafe socket.pointee.sa_family) {
        case AF_INET6:
            return unsafe socket.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { v6 in
                var bytes = unsafe v6.pointee.sin6_addr
                return unsafe withUnsafeBytes(of: &bytes) { raw in
                    let value = raw.reduce((UInt64(0), UInt64(0))) { partial, byte in
                        (partial.0 << 8 | partial.1 >> 56, partial.1 << 8 | UInt64(byte))
                    }
                    return .v6(IPv6Address(high: value.0, low: value.1))
                }
            }
        case AF_INET:
            return unsafe socket.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { v4 in
                .v4(IPv4Address(rawValue: UInt32(bigEndian: unsafe v4.pointee.sin_addr.s_addr)))
            }
        default:
            return nil
        }
    }
}
