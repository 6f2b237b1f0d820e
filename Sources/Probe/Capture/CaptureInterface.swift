import CPcap
import Packets

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An interface a live capture can open, with its addresses: what `metro6 probe
/// --list-interfaces` prints and what an unknown `--interface` is answered with.
public struct CaptureInterface: Sendable, Hashable, Codable {
    public var name: String
    /// The system's description, where it gives one.
    public var description: String?
    /// Addresses, IPv6 first (global before link-local), then IPv4.
    public var addresses: [String]
    public var isUp: Bool
    public var isRunning: Bool
    public var isLoopback: Bool

    /// Every interface libpcap can capture on, in the order it gives (most useful first). The
    /// corresponding C function is `pcap_findalldevs`; the list's pointers stay inside.
    public static func all() throws(CaptureError) -> [CaptureInterface] {
        var errorBuffer = [CChar](repeating: 0, count: Int(PCAP_ERRBUF_SIZE))
        var first: UnsafeMutablePointer<pcap_if_t>?
        guard unsafe pcap_findalldevs(&first, &errorBuffer) == 0 else {
            throw .cannotListInterfaces(
                reason: String(
                    decoding: errorBuffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        defer { unsafe pcap_freealldevs(first) }
        var interfaces: [CaptureInterface] = []
        var next = unsafe first
        while let device = unsafe next {
            let flags = unsafe device.pointee.flags
            var v6: [IPv6Address] = []
            var v4: [IPv4Address] = []
            var address = unsafe device.pointee.addresses
            while let entry = unsafe address {
                if let socket = unsafe entry.pointee.addr {
                    switch unsafe SocketAddress.ipAddress(socket) {
                    case .v6(let value)?: v6.append(value)
                    case .v4(let value)?: v4.append(value)
                    case nil: break
                    }
                }
                address = unsafe entry.pointee.next
            }
            // Global and ULA before link-local: the addresses an engineer looks for first.
            v6.sort { ($0.kind == .linkLocal ? 1 : 0, $0) < ($1.kind == .linkLocal ? 1 : 0, $1) }
            interfaces.append(
                CaptureInterface(
                    name: unsafe String(cString: device.pointee.name),
                    description: unsafe device.pointee.description.map { unsafe String(cString: $0) },
                    addresses: v6.map(\.description) + v4.sorted().map(\.description),
                    isUp: flags & UInt32(PCAP_IF_UP) != 0, isRunning: flags & UInt32(PCAP_IF_RUNNING) != 0,
                    isLoopback: flags & UInt32(PCAP_IF_LOOPBACK) != 0))
            next = unsafe device.pointee.next
        }
        return interfaces
    }
}
