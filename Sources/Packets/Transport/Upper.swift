extension Dissection {
    /// Well-known ports that select an application decoder or a UDP tunnel.
    enum Port {
        static let dns: UInt16 = 53
        static let mdns: UInt16 = 5353
        static let llmnr: UInt16 = 5355
        static let dhcpv6Client: UInt16 = 546
        static let dhcpv6Server: UInt16 = 547
        static let teredo: UInt16 = 3544
        static let vxlan: UInt16 = 4789
        static let geneve: UInt16 = 6081
        static let gtpU: UInt16 = 2152
        static let ayiya: UInt16 = 5072
    }

    /// The payload of an IP header: a transport, ICMPv6, or another IP header (a tunnel).
    /// `outerV4` holds the enclosing IPv4 addresses, to tell 6to4 and 6rd from 6in4.
    mutating func upper(
        _ bytes: RawSpan, _ proto: IPProtocol, at offset: Int, end: Int,
        outerV4: (IPv4Address, IPv4Address)?
    ) throws(DecodeError) {
        switch proto {
        case .tcp:
            let (header, length) = try TCPHeader.decode(bytes, at: offset, end: end)
            packet.transport = .tcp(header)
            let payload = offset + length
            if header.sourcePort == Port.dns || header.destinationPort == Port.dns, end - payload >= 14 {
                let messageLength = Int(try bytes.uint16(at: payload, .dns))
                packet.application = .dns(
                    offset: payload + 2, length: Swift.min(messageLength, end - payload - 2))
            }
        case .udp:
            guard end - offset >= 8 else {
                throw .truncated(.udp, offset: offset, need: 8, have: Swift.max(0, end - offset))
            }
            let header = try UDPHeader.decode(bytes, at: offset)
            packet.transport = .udp(header)
            // A first fragment's UDP length counts the whole datagram, beyond this fragment.
            var payloadEnd = end
            if header.length != 0 {
                if offset + header.length <= end {
                    payloadEnd = offset + header.length
                } else if !snapped && packet.fragment?.moreFragments != true {
                    note(.invalid(.udp, .length))
                }
            }
            let declaredEnd = header.length == 0 ? payloadEnd : offset + header.length
            try udpPayload(bytes, header, at: offset + 8, end: payloadEnd, declaredEnd: declaredEnd)
        case .icmpv6:
            let header = try ICMPv6Header.decode(bytes, at: offset, end: end)
            packet.transport = .icmpv6(header)
            // A neighbour discovery message shorter than its fixed part, captured whole.
            if !snapped, let minimum = header.type.minimumLength, header.length < minimum {
                note(.invalid(.icmpv6, .length))
            }
        case .icmp:
            packet.transport = .icmpv4(
                type: try bytes.uint8(at: offset, .icmpv4), code: try bytes.uint8(at: offset + 1, .icmpv4))
        case .ipv6:
            if let (source4, destination4) = outerV4 {
                try ipv6(bytes, at: offset, end: end)
                packet.tunnels.insert(sixInFourKind(bytes, at: offset, source4, destination4))
            } else {
                packet.tunnels.insert(.ipv6InIPv6)
                try ipv6(bytes, at: offset, end: end)
            }
        case .ipv4:
            packet.tunnels.insert(outerV4 == nil ? .ipv4InIPv6 : .ipv4InIPv4)
            try ipv4(bytes, at: offset, end: end)
        case .gre:
            packet.tunnels.insert(.gre)
            try gre(bytes, at: offset, end: end)
        case .ethernet:
            try ethernet(bytes, at: offset, end: end)
        default:
            packet.transport = .other(proto)
        }
    }

    /// A UDP payload: DHCPv6, DNS, or a UDP tunnel (by port, or Teredo by shape).
    /// `declaredEnd` is where the UDP length says the payload ends (past `end` in a cut frame).
    private mutating func udpPayload(
        _ bytes: RawSpan, _ header: UDPHeader, at offset: Int, end: Int, declaredEnd: Int
    ) throws(DecodeError) {
        let length = end - offset
        if header.uses(Port.dhcpv6Client) || header.uses(Port.dhcpv6Server) {
            packet.application = .dhcpv6(offset: offset, length: length)
        } else if header.uses(Port.dns) || header.uses(Port.mdns) || header.uses(Port.llmnr) {
            packet.application = .dns(offset: offset, length: length)
        } else if header.uses(Port.vxlan) {
            try vxlan(bytes, at: offset, end: end)
        } else if header.uses(Port.geneve) {
            try geneve(bytes, at: offset, end: end)
        } else if header.uses(Port.gtpU) {
            try gtpU(bytes, at: offset, end: end)
        } else if header.uses(Port.ayiya) {
            try ayiya(bytes, at: offset, end: end)
        } else {
            try teredo(
                bytes, at: offset, end: end, declaredEnd: declaredEnd, onTeredoPort: header.uses(Port.teredo))
        }
    }
}
