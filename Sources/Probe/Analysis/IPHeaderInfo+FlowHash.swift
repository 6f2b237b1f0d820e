import Packets

extension IPHeaderInfo {
    /// The hash of this header's transport conversation, the same in both directions: protocol
    /// and the two endpoints (address, port) in a canonical order, for the flow counters.
    @inline(__always)
    func flowHash(sourcePort: UInt16, destinationPort: UInt16) -> UInt64 {
        let from = Self.words(source)
        let to = Self.words(destination)
        let (low, high) =
            (from.0, from.1, sourcePort) <= (to.0, to.1, destinationPort)
            ? ((from.0, from.1, sourcePort), (to.0, to.1, destinationPort))
            : ((to.0, to.1, destinationPort), (from.0, from.1, sourcePort))
        let ports = UInt64(low.2) << 25 ^ UInt64(high.2) << 9 ^ UInt64(upperProtocol.rawValue) << 1
        return mixHash(mixHash(low.0, low.1) ^ high.0, high.1 ^ ports)
    }

    /// An address as two words (IPv4 in the low one).
    @inline(__always)
    private static func words(_ address: IPAddress) -> (UInt64, UInt64) {
        switch address {
        case .v4(let v4): (0, UInt64(v4.rawValue))
        case .v6(let v6): (v6.high, v6.low)
        }
    }
}
