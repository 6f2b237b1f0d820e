import RealModule
import SimCore

/// The home gateways (CPEs) of a population: their ages, which fail and are replaced, and how
/// many can do IPv6.
///
/// Lifetimes are Weibull (wear-out: shape > 1). A CPE of age a fails within the next Δ with the
/// conditional probability 1 − exp((a/λ)^k − ((a+Δ)/λ)^k); a failed CPE is replaced by a new one
/// (age 0), IPv6-capable when the replacement stock is.
public struct CPEFleet: Sendable, Hashable, Codable {
    /// Lifetime distribution parameters: Weibull shape k and scale λ (months).
    public var lifetimeShape: Double
    public var lifetimeScaleMonths: Double
    /// CPEs by age in whole months (index = age), split by IPv6 capability.
    public private(set) var capableByAge: [Int]
    public private(set) var legacyByAge: [Int]

    /// A fleet with `capable` and `legacy` CPEs of the given ages (index = age in months).
    public init(lifetimeShape: Double, lifetimeScaleMonths: Double, capableByAge: [Int], legacyByAge: [Int]) {
        precondition(lifetimeShape > 0 && lifetimeScaleMonths > 0, "Weibull needs shape and scale > 0")
        precondition((capableByAge + legacyByAge).allSatisfy { $0 >= 0 }, "counts cannot be negative")
        self.lifetimeShape = lifetimeShape
        self.lifetimeScaleMonths = lifetimeScaleMonths
        let ages = Swift.max(capableByAge.count, legacyByAge.count)
        self.capableByAge = capableByAge + Array(repeating: 0, count: ages - capableByAge.count)
        self.legacyByAge = legacyByAge + Array(repeating: 0, count: ages - legacyByAge.count)
    }

    /// All CPEs.
    public var count: Int { capableByAge.reduce(0, +) + legacyByAge.reduce(0, +) }
    /// IPv6-capable CPEs.
    public var capable: Int { capableByAge.reduce(0, +) }

    /// The probability that a CPE of age `age` months fails within the next month.
    public func monthlyFailureProbability(age: Int) -> Double {
        let k = lifetimeShape
        let scale = lifetimeScaleMonths
        let now = Double.pow(Double(age) / scale, k)
        let next = Double.pow(Double(age + 1) / scale, k)
        return -Double.expMinusOne(now - next)
    }

    /// Ages the fleet by one month: failures (binomial per age cohort) are replaced by new CPEs,
    /// each IPv6-capable with probability `replacementCapableShare`. Returns the number of
    /// failures (truck rolls).
    @discardableResult
    public mutating func advanceMonth<G: RandomNumberGenerator>(
        replacementCapableShare: Double, using generator: inout G
    ) -> Int {
        var failures = 0
        var newCapable = [0]
        var newLegacy = [0]
        newCapable.reserveCapacity(capableByAge.count + 1)
        newLegacy.reserveCapacity(capableByAge.count + 1)
        for age in capableByAge.indices {
            let probability = monthlyFailureProbability(age: age)
            let failedCapable = Binomial(trials: capableByAge[age], p: probability).sample(using: &generator)
            let failedLegacy = Binomial(trials: legacyByAge[age], p: probability).sample(using: &generator)
            failures += failedCapable + failedLegacy
            newCapable.append(capableByAge[age] - failedCapable)
            newLegacy.append(legacyByAge[age] - failedLegacy)
        }
        let capableReplacements = Binomial(trials: failures, p: replacementCapableShare).sample(
            using: &generator)
        newCapable[0] += capableReplacements
        newLegacy[0] += failures - capableReplacements
        capableByAge = newCapable
        legacyByAge = newLegacy
        return failures
    }

    /// Adds `count` new CPEs (age 0), each IPv6-capable with probability `capableShare`.
    public mutating func install<G: RandomNumberGenerator>(
        _ count: Int, capableShare: Double, using generator: inout G
    ) {
        precondition(count >= 0, "cannot install a negative number of CPEs")
        let capable = Binomial(trials: count, p: capableShare).sample(using: &generator)
        capableByAge[0] += capable
        legacyByAge[0] += count - capable
    }

    /// Removes `count` CPEs of leaving subscribers, oldest first, capable and legacy in
    /// proportion within each age.
    public mutating func remove(_ count: Int) {
        var left = Swift.min(count, self.count)
        for age in capableByAge.indices.reversed() where left > 0 {
            let cohort = capableByAge[age] + legacyByAge[age]
            guard cohort > 0 else { continue }
            let taken = Swift.min(left, cohort)
            let proportional = Int((Double(taken) * Double(capableByAge[age]) / Double(cohort)).rounded())
            let legacyTaken = Swift.min(legacyByAge[age], taken - Swift.min(proportional, capableByAge[age]))
            capableByAge[age] -= taken - legacyTaken
            legacyByAge[age] -= legacyTaken
            left -= taken
        }
    }

    /// Replaces up to `count` legacy CPEs, oldest first, with new capable ones (a campaign);
    /// returns how many were replaced.
    @discardableResult
    public mutating func replaceLegacy(upTo count: Int) -> Int {
        var left = count
        for age in legacyByAge.indices.reversed() where left > 0 {
            let taken = Swift.min(left, legacyByAge[age])
            legacyByAge[age] -= taken
            capableByAge[0] += taken
            left -= taken
        }
        return count - left
    }

    /// Makes `share` of the legacy CPEs of every age IPv6-capable in place (a firmware push to
    /// the managed ones); returns how many changed.
    @discardableResult
    public mutating func upgradeFirmware(share: Double) -> Int {
        precondition((0...1).contains(share), "a share is in [0, 1]")
        var upgraded = 0
        for age in legacyByAge.indices {
            let count = Int((Double(legacyByAge[age]) * share).rounded())
            legacyByAge[age] -= count
            capableByAge[age] += count
            upgraded += count
        }
        return upgraded
    }
}
