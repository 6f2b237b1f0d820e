/// A DHCPv6 message (RFC 8415) with the options a readiness probe reads: identity associations
/// (IA_NA addresses, IA_PD delegated prefixes), DNS servers and domain list (RFC 3646), status
/// codes, and relayed messages. Decoded only for DHCPv6 packets, so it may allocate; decoding
/// into a kept message (`decode(_:)`) reuses its arrays' storage.
public struct DHCPv6Message: Sendable, Hashable {
    /// Message type: 1 Solicit, 2 Advertise, 3 Request, 5 Renew, 7 Reply, 11 Information-request,
    /// 12 Relay-forward, 13 Relay-reply, ...
    public var type: UInt8
    /// The 24-bit transaction id (0 in relay messages).
    public var transactionID: UInt32
    /// The client's DUID (option 1), when present.
    public var clientDUID: [UInt8]?
    public var nonTemporaryAddresses: [IdentityAssociation] = []
    public var delegatedPrefixes: [IdentityAssociation] = []
    public var dnsServers: [IPv6Address] = []
    public var domainList: [String] = []
    /// The top-level status code (0 Success, 2 NoAddrsAvail, 6 NoPrefixAvail, ...), when present.
    public var statusCode: UInt16?
    /// For relay messages: the peer address and the relayed message.
    public var peerAddress: IPv6Address?
    public var relayed: [DHCPv6Message] = []

    /// An IA_NA or IA_PD with the addresses or prefixes it carries.
    public struct IdentityAssociation: Sendable, Hashable {
        public var iaid: UInt32
        public var addresses: [IPv6Address] = []
        public var prefixes: [IPv6Prefix] = []
        /// Valid lifetimes of the addresses or prefixes, in seconds, in the same order.
        public var validLifetimes: [UInt32] = []
        public var statusCode: UInt16?
    }

    /// Message type numbers.
    public enum MessageType {
        public static let solicit: UInt8 = 1
        public static let advertise: UInt8 = 2
        public static let request: UInt8 = 3
        public static let renew: UInt8 = 5
        public static let rebind: UInt8 = 6
        public static let reply: UInt8 = 7
        public static let relayForward: UInt8 = 12
        public static let relayReply: UInt8 = 13
    }

    /// The name RFC 8415 (and the later RFCs that add types 14-21) gives message type
    /// `type`, in lower case: `solicit`, `information-request`, `relay-forward`; `type N` for
    /// one without a name.
    public static func typeName(_ type: UInt8) -> String {
        let names = [
            "solicit", "advertise", "request", "confirm", "renew", "rebind", "reply", "release", "decline",
            "reconfigure", "information-request", "relay-forward", "relay-reply", "leasequery",
            "leasequery-reply", "leasequery-done", "leasequery-data", "reconfigure-request",
            "reconfigure-reply", "dhcpv4-query", "dhcpv4-response",
        ]
        return (1...names.count).contains(Int(type)) ? names[Int(type) - 1] : "type \(type)"
    }

    /// The innermost message of a relay chain (the message itself when not relayed).
    public var innermost: DHCPv6Message { relayed.first?.innermost ?? self }

    /// The message type byte alone, for messages whose options do not decode.
    public static func messageType(_ bytes: RawSpan) -> UInt8? {
        try? bytes.uint8(at: 0, .dhcpv6)
    }

    /// An empty message (type 0), to `decode` into.
    public init() {
        type = 0
        transactionID = 0
    }

    /// Decodes the message in `bytes`.
    public init(_ bytes: RawSpan) throws(DecodeError) {
        self.init()
        try decode(bytes, depth: 0)
    }

    /// Decodes the message in `bytes` into this one, reusing the storage of its arrays: a
    /// reader of many messages that keeps one allocates nothing per message once the arrays
    /// have grown. After an error the message holds what was read before it.
    public mutating func decode(_ bytes: RawSpan) throws(DecodeError) {
        try decode(bytes, depth: 0)
    }

    private mutating func decode(_ bytes: RawSpan, depth: Int) throws(DecodeError) {
        // Emptied, not replaced, so that their storage is kept.
        clientDUID?.removeAll(keepingCapacity: true)
        var hasClientDUID = false
        var addressAssociations = 0
        var prefixAssociations = 0
        dnsServers.removeAll(keepingCapacity: true)
        domainList.removeAll(keepingCapacity: true)
        statusCode = nil
        peerAddress = nil
        relayed.removeAll(keepingCapacity: true)
        defer {
            if !hasClientDUID { clientDUID = nil }
            nonTemporaryAddresses.removeLast(nonTemporaryAddresses.count - addressAssociations)
            delegatedPrefixes.removeLast(delegatedPrefixes.count - prefixAssociations)
        }
        guard depth <= Limits.relayDepth else { throw .limitExceeded(.dhcpv6, .relayDepth) }
        type = try bytes.uint8(at: 0, .dhcpv6)
        let optionsStart: Int
        if type == MessageType.relayForward || type == MessageType.relayReply {
            try bytes.require(34, at: 0, .dhcpv6)
            transactionID = 0
            peerAddress = try bytes.ipv6Address(at: 18, .dhcpv6)
            optionsStart = 34
        } else {
            transactionID = try bytes.uint32(at: 0, .dhcpv6) & 0xFF_FFFF
            optionsStart = 4
        }
        var options = OptionCursor(offset: optionsStart, end: bytes.byteCount)
        while let (code, offset, length) = try options.next(bytes) {
            switch code {
            case 1:
                // RFC 8415 caps a DUID at 130 bytes.
                if clientDUID == nil { clientDUID = [] }
                clientDUID!.removeAll(keepingCapacity: true)
                hasClientDUID = true
                for index in 0..<Swift.min(length, 130) {
                    clientDUID!.append(try bytes.uint8(at: offset + index, .dhcpv6))
                }
            case 3, 25:
                guard length >= 12 else { throw .invalid(.dhcpv6, .optionLength) }
                let iaid = try bytes.uint32(at: offset, .dhcpv6)
                try bytes.require(12, at: offset, .dhcpv6)
                // The next association of its kind, reusing the one left from an earlier message.
                if code == 3 {
                    addressAssociations += 1
                    try Self.readAssociation(
                        bytes, iaid: iaid, from: offset + 12, to: offset + length,
                        into: &nonTemporaryAddresses,
                        at: addressAssociations - 1)
                } else {
                    prefixAssociations += 1
                    try Self.readAssociation(
                        bytes, iaid: iaid, from: offset + 12, to: offset + length, into: &delegatedPrefixes,
                        at: prefixAssociations - 1)
                }
            case 9:
                relayed.append(
                    try DHCPv6Message(bytes.extracting(offset..<(offset + length)), depth: depth + 1))
            case 13 where length >= 2: statusCode = try bytes.uint16(at: offset, .dhcpv6)
            case 23:
                var cursor = offset
                while cursor + 16 <= offset + length {
                    dnsServers.append(try bytes.ipv6Address(at: cursor, .dhcpv6))
                    cursor += 16
                }
            case 24:
                var cursor = offset
                var names = 0
                while cursor < offset + length {
                    names += 1
                    guard names <= Limits.options else { throw .limitExceeded(.dhcpv6, .options) }
                    let name = try DNSName.text(bytes, at: cursor)
                    if name != "." { domainList.append(name) }
                    cursor = try DNSName.skip(bytes, at: cursor)
                }
            default: break
            }
        }
    }

    private init(_ bytes: RawSpan, depth: Int) throws(DecodeError) {
        self.init()
        try decode(bytes, depth: depth)
    }

    /// Reads an IA's options into `associations[index]`, emptied first (appended when the
    /// array has no such element yet).
    private static func readAssociation(
        _ bytes: RawSpan, iaid: UInt32, from start: Int, to end: Int,
        into associations: inout [IdentityAssociation], at index: Int
    ) throws(DecodeError) {
        if index == associations.count {
            associations.append(IdentityAssociation(iaid: iaid))
        } else {
            associations[index].iaid = iaid
            associations[index].addresses.removeAll(keepingCapacity: true)
            associations[index].prefixes.removeAll(keepingCapacity: true)
            associations[index].validLifetimes.removeAll(keepingCapacity: true)
            associations[index].statusCode = nil
        }
        try readAssociation(bytes, from: start, to: end, into: &associations[index])
    }

    /// The IA Address (5), IA Prefix (26) and Status Code (13) options inside an IA.
    private static func readAssociation(
        _ bytes: RawSpan, from start: Int, to end: Int, into association: inout IdentityAssociation
    ) throws(DecodeError) {
        var options = OptionCursor(offset: start, end: end)
        while let (code, offset, length) = try options.next(bytes) {
            switch code {
            case 5:
                guard length >= 24 else { throw .invalid(.dhcpv6, .optionLength) }
                association.addresses.append(try bytes.ipv6Address(at: offset, .dhcpv6))
                association.validLifetimes.append(try bytes.uint32(at: offset + 20, .dhcpv6))
            case 26:
                guard length >= 25 else { throw .invalid(.dhcpv6, .optionLength) }
                let prefixLength = Int(try bytes.uint8(at: offset + 8, .dhcpv6))
                guard prefixLength <= 128 else { throw .invalid(.dhcpv6, .length) }
                association.prefixes.append(
                    IPv6Prefix(try bytes.ipv6Address(at: offset + 9, .dhcpv6), length: prefixLength))
                association.validLifetimes.append(try bytes.uint32(at: offset + 4, .dhcpv6))
            case 13 where length >= 2: association.statusCode = try bytes.uint16(at: offset, .dhcpv6)
            default: break
            }
        }
    }

    /// Steps through the options between `offset` and `end`: code, offset of the data, data
    /// length; at most `Limits.options` of them, each checked to fit.
    struct OptionCursor {
        var offset: Int
        let end: Int
        var count = 0

        mutating func next(_ bytes: RawSpan) throws(DecodeError) -> (UInt16, Int, Int)? {
            guard offset < end else { return nil }
            count += 1
            guard count <= Limits.options else { throw .limitExceeded(.dhcpv6, .options) }
            let code = try bytes.uint16(at: offset, .dhcpv6)
            let length = Int(try bytes.uint16(at: offset + 2, .dhcpv6))
            guard offset + 4 + length <= end else {
                throw .truncated(.dhcpv6, offset: offset, need: 4 + length, have: end - offset)
            }
            defer { offset += 4 + length }
            return (code, offset + 4, length)
        }
    }
}

extension DHCPv6Message {
    /// The client's DUID as lower-case hex, for reports.
    public var clientDUIDHex: String? {
        clientDUID.map { duid in duid.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() }
    }
}
