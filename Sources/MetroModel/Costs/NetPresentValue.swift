import RealModule

/// Discounting of monthly cash flows to a net present value.
///
/// A flow in month m (0 = the first month) is worth flow / (1 + r)^(m/12) today, with r the
/// yearly discount rate; flows are taken at the start of their month.
public struct NetPresentValue: Sendable, Hashable, Codable {
    /// The yearly discount rate (0.08 = 8%).
    public var yearlyRate: Double

    /// Discounting at `yearlyRate` (> −1).
    public init(yearlyRate: Double) {
        precondition(yearlyRate > -1 && yearlyRate.isFinite, "a discount rate is > -1")
        self.yearlyRate = yearlyRate
    }

    /// The factor a flow in `month` is multiplied by.
    public func factor(month: Int) -> Double {
        Double.pow(1 + yearlyRate, -Double(month) / 12)
    }

    /// The present value of `flows` (index = month).
    public func value(of flows: [Double]) -> Double {
        var total = 0.0
        for (month, flow) in flows.enumerated() { total += flow * factor(month: month) }
        return total
    }
}
