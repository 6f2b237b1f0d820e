import Packets
import Testing

/// DHCPv6 message types by name, as RFC 8415's message-type table (section 7.3) and the later
/// RFCs' additions number them.
@Suite("DHCPv6 message type names")
struct DHCPv6TypeNameTests {
    @Test("the registry's numbers give their names; others are 'type N'")
    func names() {
        let registry: [UInt8: String] = [
            1: "solicit", 2: "advertise", 3: "request", 4: "confirm", 5: "renew", 6: "rebind", 7: "reply",
            8: "release", 9: "decline", 10: "reconfigure", 11: "information-request", 12: "relay-forward",
            13: "relay-reply", 14: "leasequery", 20: "dhcpv4-query", 21: "dhcpv4-response",
        ]
        for (type, name) in registry { #expect(DHCPv6Message.typeName(type) == name) }
        #expect(DHCPv6Message.typeName(0) == "type 0" && DHCPv6Message.typeName(22) == "type 22")
        #expect(DHCPv6Message.typeName(DHCPv6Message.MessageType.relayReply) == "relay-reply")
    }
}
