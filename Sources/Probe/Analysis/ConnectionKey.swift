import Packets

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
