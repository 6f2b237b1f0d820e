/// The operator's public IPv4 addresses: a finite pool that demand eats into, refilled only by
/// buying on the market.
public struct IPv4Pool: Sendable, Hashable, Codable {
    /// Addresses owned.
    public private(set) var size: Int
    /// Addresses in use.
    public private(set) var inUse: Int = 0
    /// Addresses bought so far.
    public private(set) var purchased: Int = 0
    /// Money spent on them so far.
    public private(set) var spent: Double = 0
    /// Addresses sold so far.
    public private(set) var sold: Int = 0

    /// The smallest block traded and routed: a /24.
    public static let blockSize = 256

    /// A pool of `size` addresses, none in use.
    public init(size: Int) {
        precondition(size >= 0, "a pool cannot be negative")
        self.size = size
    }

    /// Addresses not in use.
    public var free: Int { size - inUse }

    /// Sets the addresses in use to `demand`, as far as the pool allows; returns the shortfall
    /// (demand the pool cannot cover).
    @discardableResult
    public mutating func use(_ demand: Int) -> Int {
        precondition(demand >= 0, "demand cannot be negative")
        inUse = Swift.min(demand, size)
        return demand - inUse
    }

    /// Buys `count` addresses at `price` each.
    public mutating func buy(_ count: Int, price: Double) {
        precondition(count >= 0 && price >= 0, "a purchase needs a count and a price ≥ 0")
        size += count
        purchased += count
        spent += Double(count) * price
    }

    /// Sells `count` unused addresses.
    public mutating func sell(_ count: Int) {
        precondition(count >= 0 && count <= free, "only unused addresses can be sold")
        size -= count
        sold += count
    }

    /// The first month (0-based) in which demand `initial + growth × month` exceeds `size`, or
    /// nil when it never does (growth ≤ 0 and the pool covers the start).
    public static func exhaustionMonth(size: Int, initialDemand: Int, growthPerMonth: Int) -> Int? {
        if initialDemand > size { return 0 }
        guard growthPerMonth > 0 else { return nil }
        // Smallest m with initial + growth·m > size.
        return (size - initialDemand) / growthPerMonth + 1
    }
}
