/// Capacities of the probe's tables. Each evicts its oldest entry when full and counts it, so a
/// capture of any length runs in bounded memory (a few tens of MB at these sizes).
public enum ProbeLimits {
    /// Hosts (by MAC address, or by IP address on links without one).
    public static let hosts = 65_536
    /// IPv4 destinations whose traffic is summed for the busiest IPv4-only destinations.
    public static let destinations = 65_536
    /// Pending IPv6 and IPv4 TCP connection attempts, and answered IPv4 attempts (each a table).
    public static let connections = 131_072
    /// IPv6 SYN-ACKs recorded before their SYN, waiting for it.
    public static let earlyAnswers = 4_096
    /// Pending DNS queries, and addresses learnt from DNS answers.
    public static let dnsEntries = 131_072
    /// DNS names kept (as text for evidence, and whether they had an AAAA answer): a multiple
    /// of 4.
    public static let names = 65_536
    /// Bytes of the ring the names' texts are kept in (a power of two): 32 bytes a name.
    public static let nameTextBytes = 1 << 21
    /// The last A and the last AAAA answer of each name, kept to find NAT64 prefixes from the
    /// pairs DNS64 makes (each a table).
    public static let nat64Answers = 16_384
    /// IPv4 servers reached through NAT64, whose traffic is summed.
    public static let nat64Destinations = 16_384
    /// Distinct router advertisements, DHCPv6 exchanges and delegated prefixes listed in the report.
    public static let listed = 256
}
