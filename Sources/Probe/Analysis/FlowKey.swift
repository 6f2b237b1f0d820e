import Packets

/// A transport conversation, the same in both directions: protocol, and the two endpoints
/// (address, port) in a canonical order. Addresses are stored as raw words so hashing is cheap.
struct FlowKey: Hashable, TableKey {
    var lowHigh: UInt64
    var lowLow: UInt64
    var highHigh: UInt64
    var highLow: UInt64
    var ports: UInt32
    var proto: UInt8
    var isIPv6: Bool

    /// The flow of `network`'s header with the given ports.
    init(_ network: IPHeaderInfo, sourcePort: UInt16, destinationPort: UInt16) {
        let source = Self.words(network.source)
        let destination = Self.words(network.destination)
        let sourceFirst = (source.0, source.1, sourcePort) <= (destination.0, destination.1, destinationPort)
        let (low, high) = sourceFirst ? (source, destination) : (destination, source)
        (lowHigh, lowLow, highHigh, highLow) = (low.0, low.1, high.0, high.1)
        ports =
            sourceFirst
            ? UInt32(sourcePort) << 16 | UInt32(destinationPort)
            : UInt32(destinationPort) << 16 | UInt32(sourcePort)
        proto = network.upperProtocol.rawValue
        isIPv6 = network.isIPv6
    }

    var tableHash: UInt64 {
        mixHash(mixHash(lowHigh, lowLow) ^ highHigh, highLow ^ UInt64(ports) << 9 ^ UInt64(proto) << 1)
    }

    static func words(_ address: IPAddress) -> (UInt64, UInt64) {
        switch address {
        case .v4(let v4): (0, UInt64(v4.rawValue))
        case .v6(let v6): (v6.high, v6.low)
        }
    }
}

/// One direction of a TCP connection attempt: client address and port to server address and port.
struct ConnectionKey: Hashable, TableKey {
    var client: IPAddress
    var server: IPAddress
    var clientPort: UInt16
    var serverPort: UInt16

    var tableHash: UInt64 {
        mixHash(client.tableHash ^ UInt64(clientPort) << 16 | UInt64(serverPort), server.tableHash)
    }
}
