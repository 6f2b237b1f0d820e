extension ReadinessReport {
    /// A LINKTYPE_ number's name for people ("Ethernet").
    public static func linkTypeName(_ linkType: Int) -> String {
        switch linkType {
        case 0: "BSD loopback"
        case 1: "Ethernet"
        case 8: "SLIP"
        case 9, 50: "PPP"
        case 101: "raw IP"
        case 108: "OpenBSD loopback"
        case 113: "Linux SLL"
        case 228: "raw IPv4"
        case 229: "raw IPv6"
        case 239: "NFLOG"
        case 276: "Linux SLL2"
        default: "link type \(linkType)"
        }
    }
}
