import Foundation
import MetroModel
import SimCore
import Testing

@Suite("Bass diffusion")
struct BassDiffusionTests {
    let bass = BassDiffusion(p: 0.03, q: 0.38)

    @Test("the closed form's known points: F(0) = 0, the inflection, the inverse")
    func closedForm() {
        #expect(bass.share(at: 0) == 0)
        // The adoption rate peaks at t* = ln(q/p)/(p+q), where F = (q − p)/(2q).
        let peak = log(0.38 / 0.03) / 0.41
        #expect(abs(bass.share(at: peak) - (0.38 - 0.03) / (2 * 0.38)) < 1e-12)
        #expect(abs(bass.share(at: bass.time(toReach: 0.5)) - 0.5) < 1e-12)
        #expect(abs(bass.share(at: 200) - 1) < 1e-12)
    }

    @Test("adopter by adopter on SimCore, 200,000 people follow the closed form")
    func simulation() {
        var generator = Xoshiro256StarStar(seed: 2_011)
        let population = 200_000
        let years = (1...20).map(Double.init)
        let counts = bass.simulateAdoptions(population: population, at: years, using: &generator)
        for (year, count) in zip(years, counts) {
            let expected = bass.share(at: year)
            let share = Double(count) / Double(population)
            // Binomial error at this size is ≤ 0.0012; fluctuations early on are amplified by
            // imitation, so allow 0.006.
            #expect(abs(share - expected) < 0.006, "year \(year): \(share) vs \(expected)")
        }
    }
}

@Suite("CPE fleet")
struct CPEFleetTests {
    @Test("the monthly failure probability is Weibull's conditional probability")
    func conditional() {
        let fleet = CPEFleet(lifetimeShape: 2, lifetimeScaleMonths: 60, capableByAge: [1], legacyByAge: [])
        let weibull = Weibull(shape: 2, scale: 60)
        for age in [0, 12, 59, 120] {
            let a = Double(age)
            let expected = (weibull.cdf(a + 1) - weibull.cdf(a)) / (1 - weibull.cdf(a))
            #expect(abs(fleet.monthlyFailureProbability(age: age) - expected) < 1e-12)
        }
    }

    @Test("after 12 months, the first cohort's survivors are N(1 − F(12)) within binomial error")
    func survival() {
        var generator = Xoshiro256StarStar(seed: 12)
        let n = 100_000
        var fleet = CPEFleet(lifetimeShape: 2, lifetimeScaleMonths: 60, capableByAge: [], legacyByAge: [n])
        var failures = 0
        for _ in 0..<12 { failures += fleet.advanceMonth(replacementCapableShare: 1, using: &generator) }
        let survive = 1 - Weibull(shape: 2, scale: 60).cdf(12)
        let survivors = fleet.legacyByAge[12]
        let sd = (Double(n) * survive * (1 - survive)).squareRoot()
        #expect(
            abs(Double(survivors) - Double(n) * survive) < 5 * sd, "\(survivors) vs \(Double(n) * survive)")
        // Every failure was replaced by a capable CPE: the fleet keeps its size.
        #expect(fleet.count == n)
        #expect(fleet.capable == n - survivors)
        #expect(failures >= n - survivors)
    }

    @Test("installing and removing keeps the counts; removal takes the oldest first")
    func installRemove() {
        var generator = Xoshiro256StarStar(seed: 1)
        var fleet = CPEFleet(
            lifetimeShape: 2, lifetimeScaleMonths: 60, capableByAge: [0, 0, 30], legacyByAge: [0, 0, 10])
        fleet.install(1_000, capableShare: 0.25, using: &generator)
        #expect(fleet.count == 1_040)
        #expect(abs(Double(fleet.capableByAge[0]) - 250) < 5 * (1_000 * 0.25 * 0.75).squareRoot())
        fleet.remove(20)
        // The 40 CPEs aged 2 go first, three capable to one legacy: 15 and 5.
        #expect(fleet.capableByAge[2] == 15 && fleet.legacyByAge[2] == 5)
        fleet.remove(2_000)
        #expect(fleet.count == 0)
    }

    @Test("a campaign replaces the oldest legacy CPEs first")
    func campaign() {
        var fleet = CPEFleet(
            lifetimeShape: 2, lifetimeScaleMonths: 60, capableByAge: [5], legacyByAge: [10, 0, 7])
        #expect(fleet.replaceLegacy(upTo: 9) == 9)
        #expect(fleet.legacyByAge == [8, 0, 0])
        #expect(fleet.capableByAge[0] == 14)
        #expect(fleet.replaceLegacy(upTo: 100) == 8)
        #expect(fleet.capable == fleet.count)
    }
}
