import RealModule
import SimCore

/// The Bass diffusion model: the share of a population that has adopted by time t, from
/// innovators (rate p) and imitators (rate q times the share that already adopted).
///
/// Bass, "A new product growth for model consumer durables", Management Science 15(5), 1969:
/// F(t) = (1 − e^−(p+q)t) / (1 + (q/p) e^−(p+q)t). Meta-analysis means: p ≈ 0.03, q ≈ 0.38 per
/// year (Sultan, Farley and Lehmann 1990).
public struct BassDiffusion: Sendable, Hashable, Codable {
    /// Coefficient of innovation (per time unit).
    public var p: Double
    /// Coefficient of imitation (per time unit).
    public var q: Double

    /// A Bass curve with p > 0 and q ≥ 0.
    public init(p: Double, q: Double) {
        precondition(p > 0 && q >= 0 && p.isFinite && q.isFinite, "Bass needs p > 0 and q ≥ 0")
        self.p = p
        self.q = q
    }

    /// The adopted share at time t ≥ 0 (closed form).
    public func share(at t: Double) -> Double {
        let decay = Double.exp(-(p + q) * t)
        return (1 - decay) / (1 + q / p * decay)
    }

    /// The time at which the adopted share reaches `share` (in [0, 1)), inverting the closed form.
    public func time(toReach share: Double) -> Double {
        precondition(share >= 0 && share < 1, "a share to reach is in [0, 1)")
        // From F = (1 − x)/(1 + (q/p)x) with x = e^−(p+q)t: x = (1 − F)/(1 + (q/p)F).
        let x = (1 - share) / (1 + q / p * share)
        return -Double.log(x) / (p + q)
    }

    /// Simulates the adoption of `population` individuals one by one on SimCore: each
    /// non-adopter adopts at rate p + q·(adopted share), so the next adoption comes after an
    /// exponential time with the total rate. Returns the adopted count at each of `times`
    /// (ascending). In a large population the share follows `share(at:)`.
    public func simulateAdoptions<G: RandomNumberGenerator>(
        population: Int, at times: [Double], using generator: inout G
    ) -> [Int] {
        precondition(population > 0, "a population needs someone in it")
        precondition(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 }, "times must ascend")
        var simulation = Simulation<LadderQueueCalendar<Int>>()
        var adopted = 0
        var counts: [Int] = []
        counts.reserveCapacity(times.count)
        func scheduleNext() {
            let remaining = population - adopted
            guard remaining > 0 else { return }
            let rate = Double(remaining) * (p + q * Double(adopted) / Double(population))
            simulation.schedule(adopted, after: Exponential(rate: rate).sample(using: &generator))
        }
        scheduleNext()
        for time in times {
            while simulation.nextEvent(until: SimTime(time)) != nil {
                adopted += 1
                scheduleNext()
            }
            counts.append(adopted)
        }
        return counts
    }
}
