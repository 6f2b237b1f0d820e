/// Why a packet could not be decoded further. Cheap by design (small integers and enums, no
/// strings): a probe may meet millions of malformed packets, and text is rendered only in the
/// report.
public enum DecodeError: Error, Hashable, Sendable {
    /// A header or field needs `need` bytes at `offset` (from the start of the frame or of the
    /// message being decoded) but only `have` were captured.
    case truncated(Layer, offset: Int, need: Int, have: Int)
    /// A field holds a value the protocol forbids (a length that lies, a wrong version).
    case invalid(Layer, Field)
    /// A repeated or nested structure exceeded one of the limits in `Limits`.
    case limitExceeded(Layer, Limit)

    /// The layer the error is about.
    public var layer: Layer {
        switch self {
        case .truncated(let layer, _, _, _), .invalid(let layer, _), .limitExceeded(let layer, _): layer
        }
    }

    /// A short name for counting: "truncated ipv6", "invalid ipv4 version", ...
    public var name: String {
        switch self {
        case .truncated(let layer, _, _, _): "truncated \(layer)"
        case .invalid(let layer, let field): "invalid \(layer) \(field)"
        case .limitExceeded(let layer, let limit): "\(layer) \(limit) limit exceeded"
        }
    }
}

/// A protocol layer, for errors and anomaly counts.
public enum Layer: String, Hashable, Sendable, CaseIterable {
    case ethernet, vlan, linuxSLL, linuxSLL2, null, slip, nflog, ppp, pppoe, mpls
    case ipv4, ipv6, ipv6Extension, icmpv4, icmpv6, ndOption, udp, tcp
    case dhcpv6, dns, teredo, gre, vxlan, geneve, gtpU, ayiya
}

/// A header field named in an `invalid` error.
public enum Field: String, Hashable, Sendable {
    case version, headerLength, totalLength, payloadLength, optionLength, fragmentOffset
    case dataOffset, length, pointer, label, messageType, count
}

/// Which limit of `Limits` was exceeded.
public enum Limit: String, Hashable, Sendable {
    case extensionHeaders, encapsulations, options, compressionPointers, labels, relayDepth, records
}
