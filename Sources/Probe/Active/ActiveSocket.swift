import Packets

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A socket the active checks send and receive through: the only type in the probe that calls
/// the socket API, so socket addresses and raw buffers stay inside it. Non-copyable: the
/// descriptor is closed exactly once, in `deinit`.
struct ActiveSocket: ~Copyable {
    private let descriptor: Int32

    private init(_ descriptor: Int32) { self.descriptor = descriptor }

    deinit { close(descriptor) }

    /// A raw ICMPv6 socket on `interface`, sending with hop limit 255 (what Neighbor Discovery
    /// requires) and receiving every ICMPv6 message that reaches the host on that interface.
    static func icmpv6(interface: String) throws(ActiveError) -> ActiveSocket {
        let socket = try open(AF_INET6, Int32(SOCK_RAW.rawValue), Int32(IPPROTO_ICMPV6), interface: interface)
        try socket.set(Int32(IPPROTO_IPV6), IPV6_MULTICAST_HOPS, 255, "IPV6_MULTICAST_HOPS")
        try socket.set(Int32(IPPROTO_IPV6), IPV6_UNICAST_HOPS, 255, "IPV6_UNICAST_HOPS")
        return socket
    }

    /// Makes IPv6 packets too big for the path fail instead of being fragmented by the host
    /// (a path MTU check must see the router's Packet Too Big, or the local limit).
    func forbidFragmentation() throws(ActiveError) {
        try set(Int32(IPPROTO_IPV6), IPV6_DONTFRAG, 1, "IPV6_DONTFRAG")
    }

    /// A UDP socket on `interface` (IPv6 or IPv4), bound to `port` when given (DHCPv6 clients
    /// send from 546, which needs root).
    static func udp(ipv6: Bool, interface: String, port: UInt16? = nil) throws(ActiveError) -> ActiveSocket {
        let socket = try open(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_DGRAM.rawValue), 0, interface: interface)
        if let port {
            try socket.set(SOL_SOCKET, SO_REUSEADDR, 1, "SO_REUSEADDR")
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            let bound = unsafe withUnsafePointer(to: &address) { pointer in
                unsafe pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    unsafe bind(socket.descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
            guard bound == 0 else { throw .socket("bind to port \(port)", errno) }
        }
        return socket
    }

    private static func open(_ family: Int32, _ type: Int32, _ proto: Int32, interface: String)
        throws(ActiveError)
        -> ActiveSocket
    {
        let descriptor = socket(family, type | Int32(SOCK_CLOEXEC.rawValue), proto)
        guard descriptor >= 0 else { throw .socket("socket", errno) }
        let socket = ActiveSocket(descriptor)
        // Only on the named interface: nothing the checks send leaves by another.
        let bound = interface.withCString { name in
            unsafe setsockopt(descriptor, SOL_SOCKET, SO_BINDTODEVICE, name, socklen_t(strlen(name) + 1))
        }
        guard bound == 0 else { throw .socket("SO_BINDTODEVICE \(interface)", errno) }
        if family == AF_INET6 && type & 0xF != Int32(SOCK_STREAM.rawValue) {
            try socket.set(
                Int32(IPPROTO_IPV6), IPV6_MULTICAST_IF, Int32(if_nametoindex(interface)), "IPV6_MULTICAST_IF")
        }
        return socket
    }

    private func set(_ level: Int32, _ option: Int32, _ value: Int32, _ name: String) throws(ActiveError) {
        var value = value
        guard unsafe setsockopt(descriptor, level, option, &value, socklen_t(MemoryLayout<Int32>.size)) == 0
        else {
            throw .socket(name, errno)
        }
    }

    /// Sends `bytes` to `address` (`port` for UDP; `scope`, the interface index, for link-local
    /// and multicast IPv6 destinations).
    func send(_ bytes: [UInt8], to address: IPAddress, port: UInt16 = 0, scope: UInt32 = 0)
        throws(ActiveError)
    {
        let sent = unsafe SocketAddress.with(address, port: port, scope: scope) { pointer, length in
            unsafe bytes.withUnsafeBytes {
                unsafe sendto(descriptor, $0.baseAddress, $0.count, 0, pointer, length)
            }
        }
        guard sent == bytes.count else {
            throw errno == EMSGSIZE ? .tooBig : .socket("send to \(address)", errno)
        }
    }

    /// The next datagram within `timeout` seconds and its sender, or nil.
    func receive(timeout: Double) -> (bytes: [UInt8], from: IPAddress)? {
        var waiting = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&waiting, 1, Int32(max(0, timeout) * 1000)) == 1 else { return nil }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let count = unsafe buffer.withUnsafeMutableBytes { bytes in
            unsafe withUnsafeMutablePointer(to: &storage) { pointer in
                unsafe pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    unsafe recvfrom(descriptor, bytes.baseAddress, bytes.count, 0, $0, &length)
                }
            }
        }
        let from = unsafe withUnsafePointer(to: &storage) { pointer in
            unsafe pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                unsafe SocketAddress.ipAddress($0)
            }
        }
        guard count >= 0, let from else { return nil }
        return (Array(buffer.prefix(count)), from)
    }

    /// How a TCP connection attempt ended.
    enum Connection {
        case connected(seconds: Double)
        case failed(reason: String, seconds: Double)
    }

    /// Opens a TCP connection to `address`:`port` from `interface` and closes it at once;
    /// gives up after `timeout` seconds.
    static func connect(to address: IPAddress, port: UInt16, interface: String, timeout: Double) -> Connection
    {
        let start = PcapHandle.now
        var ipv6 = false
        if case .v6 = address { ipv6 = true }
        do {
            let socket = try open(
                ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0,
                interface: interface)
            return socket.connect(to: address, port: port, timeout: timeout, start: start)
        } catch {
            return .failed(reason: error.description, seconds: 0)
        }
    }

    private func connect(to address: IPAddress, port: UInt16, timeout: Double, start: Double) -> Connection {
        let status = unsafe SocketAddress.with(address, port: port, scope: 0) { pointer, length in
            unsafe Glibc.connect(descriptor, pointer, length)
        }
        if status != 0 && errno != EINPROGRESS {
            return .failed(reason: String(cString: strerror(errno)), seconds: PcapHandle.now - start)
        }
        var waiting = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        guard poll(&waiting, 1, Int32(timeout * 1000)) == 1 else {
            return .failed(reason: "no answer in \(Int(timeout)) s", seconds: PcapHandle.now - start)
        }
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        _ = unsafe getsockopt(descriptor, SOL_SOCKET, SO_ERROR, &error, &length)
        let seconds = PcapHandle.now - start
        return error == 0
            ? .connected(seconds: seconds)
            : .failed(reason: String(cString: strerror(error)), seconds: seconds)
    }
}
