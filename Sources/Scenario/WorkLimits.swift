import ComputeModel
import Foundation

/// The limits on what a scenario asks the model to compute, checked before it runs: numbers
/// that grow over the horizon must stay finite, and the work (jobs, VM requests) stays within
/// what runs in seconds to minutes and fits in memory. Each problem names the input to change.
enum WorkLimits {
    /// The largest busy-hour demand per subscriber the horizon may reach (Mbit/s): 1 Tbit/s.
    static let busyHourMbpsAtHorizon = 1_000_000.0
    /// The largest uplink or core capacity the routine growth may reach (Gbit/s).
    static let gigabitsAtHorizon = 1e12

    /// The most modules the demand at its peak may call for: orders stay exact whole numbers.
    static let modulesAtPeak = 1e15

    /// The most lines a district can reach over the horizon: its lines now plus the largest net
    /// additions of each technology every month.
    static func peakLines(_ district: District, months: Int) -> Double {
        let adds =
            [district.netAddsPerMonth.map { [$0.xdsl, $0.xpon, $0.lan] } ?? [0, 0, 0]]
            + (district.netAddsFrom ?? []).map { [$0.xdsl, $0.xpon, $0.lan] }
        let largest = (0..<3).map { technology in Double(max(0, adds.map { $0[technology] }.max() ?? 0)) }
        let now = [district.subscribers.xdsl, district.subscribers.xpon, district.subscribers.lan]
        return zip(now, largest).map { Double($0) + $1 * Double(months) }.reduce(0, +)
    }

    /// Capacity modules small against the demand would make orders too large to count.
    static func checkModules(
        _ scenario: ScenarioFile, demandMbps: Double,
        fail: ([ScenarioRules.PathStep], String, _ found: String) -> Void
    ) {
        guard let capacity = scenario.capacity else { return }
        let lines = scenario.districts.map { peakLines($0, months: scenario.months) }.reduce(0, +)
        let gigabits = lines * demandMbps / 1_000
        for (name, rule) in [("cgnat", capacity.cgnat), ("uplinks", capacity.uplinks)] {
            guard let rule, gigabits / rule.module > modulesAtPeak else { continue }
            fail(
                [.key("capacity"), .key(name), .key("module")],
                "a module of at least \(Schema.approximate(gigabits / modulesAtPeak)) Gbit/s "
                    + "(the demand may reach \(Schema.approximate(gigabits)) Gbit/s)",
                Schema.format(rule.module))
        }
    }

    static func check(
        _ scenario: ScenarioFile, fail: ([ScenarioRules.PathStep], String, _ found: String) -> Void
    ) {
        let years = Double(scenario.months) / 12
        let traffic = scenario.traffic
        let demand = traffic.busyHourMbps * Foundation.pow(1 + traffic.yearlyGrowth, years)
        if demand > busyHourMbpsAtHorizon {
            fail(
                [.key("traffic"), .key("yearlyGrowth")],
                "a growth that keeps the busy hour per subscriber under \(Schema.format(busyHourMbpsAtHorizon)) "
                    + "Mbit/s over \(scenario.months) months",
                "one that reaches \(Schema.approximate(demand)) Mbit/s")
        }
        let uplinkGrowth = Foundation.pow(1 + (traffic.uplinkYearlyGrowth ?? 0), years)
        let largestLink = max(
            scenario.districts.map(\.uplinkGbps).max() ?? 0, traffic.coreGbps ?? 0)
        if largestLink * uplinkGrowth > gigabitsAtHorizon {
            fail(
                [.key("traffic"), .key("uplinkYearlyGrowth")],
                "a growth that keeps links under \(Schema.format(gigabitsAtHorizon)) Gbit/s over \(scenario.months) months",
                "one that reaches \(Schema.approximate(largestLink * uplinkGrowth)) Gbit/s")
        }
        checkModules(scenario, demandMbps: max(demand, traffic.busyHourMbps), fail: fail)
        // The model's inputs are not built here: they check preconditions other rules report.
        guard let compute = scenario.compute else { return }
        let horizon = Double(scenario.months) * ScenarioFile.secondsPerMonth
        let partitions: [([ScenarioRules.PathStep], SyntheticWorkload)] =
            [
                (
                    [.key("compute"), .key("workload")],
                    ScenarioFile.synthetic(compute.workload, processors: compute.cores)
                )
            ]
            + (compute.gpu.map {
                [
                    (
                        [.key("compute"), .key("gpu"), .key("workload")],
                        ScenarioFile.synthetic($0.workload, processors: $0.gpus)
                    )
                ]
            } ?? [])
        for (path, workload) in partitions {
            let jobs = workload.expectedJobs(horizon: horizon)
            if jobs > InputRanges.expectedJobs {
                fail(
                    path,
                    "a job stream of at most \(Schema.format(InputRanges.expectedJobs)) jobs over the horizon "
                        + "(raise medianRunTimeSeconds, lower load or yearlyGrowth, or shorten months)",
                    "one of about \(Schema.approximate(jobs)) jobs")
            }
        }
        if let services = compute.cloud?.services {
            let requests = services.map { ScenarioFile.service($0).expectedRequests(horizon: horizon) }
                .reduce(0, +)
            if requests > InputRanges.expectedRequests {
                fail(
                    [.key("compute"), .key("cloud"), .key("services")],
                    "at most \(Schema.format(InputRanges.expectedRequests)) VM requests over the horizon "
                        + "(lower requestsPerHour or yearlyGrowth, or shorten months)",
                    "about \(Schema.approximate(requests)) from \(services.count) services")
            }
        }
    }
}
