import RealModule
import SimCore

/// A synthetic HPC job stream with the features real traces show: Poisson arrivals with a daily
/// cycle, widths favouring powers of two, lognormal run times, and user estimates that
/// overestimate.
///
/// After Lublin and Feitelson, "The workload on parallel supercomputers: modeling the
/// characteristics of rigid jobs", JPDC 63(11), 2003, simplified: the arrival rate is set so the
/// offered load (processor-seconds asked per second, over the machine's cores) hits a target.
public struct SyntheticWorkload: Sendable, Hashable, Codable {
    /// Jobs to generate.
    public var jobs: Int
    /// Cores of the machine the load is computed for.
    public var processors: Int
    /// Offered load: mean demanded processor-seconds per second over `processors`.
    public var load: Double
    /// The widest job (a power of two is usual).
    public var maximumWidth: Int
    /// Probability that a job's width is a power of two (else uniform in 1...maximumWidth).
    public var powerOfTwoShare: Double
    /// Median run time in seconds (the lognormal's e^mu).
    public var medianRunTime: Double
    /// The lognormal's sigma for run times.
    public var runTimeSigma: Double
    /// Relative amplitude of the daily cycle of arrivals, in [0, 1).
    public var dailyAmplitude: Double
    /// Requested time = run time × U(1, this), rounded up to a minute: users overestimate.
    public var maximumOverestimate: Double
    /// Yearly growth of the arrival rate (0.2 = +20% a year, compounded continuously): demand
    /// that grows over the horizon while widths and run times keep their shape.
    public var yearlyGrowth: Double

    /// A workload; the defaults describe a mid-size centre's mix.
    public init(
        jobs: Int, processors: Int, load: Double, maximumWidth: Int = 64, powerOfTwoShare: Double = 0.8,
        medianRunTime: Double = 1_800, runTimeSigma: Double = 1.5, dailyAmplitude: Double = 0.5,
        maximumOverestimate: Double = 5, yearlyGrowth: Double = 0
    ) {
        self.yearlyGrowth = yearlyGrowth
        self.jobs = jobs
        self.processors = processors
        self.load = load
        self.maximumWidth = maximumWidth
        self.powerOfTwoShare = powerOfTwoShare
        self.medianRunTime = medianRunTime
        self.runTimeSigma = runTimeSigma
        self.dailyAmplitude = dailyAmplitude
        self.maximumOverestimate = maximumOverestimate
    }

    /// The problems that make this workload ungeneratable, as sentences; empty when valid.
    public var problems: [String] {
        var found: [String] = []
        if jobs < 0 { found.append("the number of jobs must not be negative") }
        if processors < 1 { found.append("the machine needs at least one processor") }
        if !(load > 0) || !load.isFinite { found.append("the load must be a number > 0") }
        if maximumWidth < 1 || maximumWidth > processors {
            found.append("the widest job must be between 1 and the machine's \(processors) processors")
        }
        if !(0...1).contains(powerOfTwoShare) { found.append("the power-of-two share must be in [0, 1]") }
        if !(medianRunTime > 0) || !(runTimeSigma > 0) {
            found.append("run time median and sigma must be > 0")
        }
        if !(0..<1).contains(dailyAmplitude) { found.append("the daily amplitude must be in [0, 1)") }
        if !(maximumOverestimate >= 1) { found.append("the overestimate factor must be ≥ 1") }
        if !(yearlyGrowth > -1) || !yearlyGrowth.isFinite { found.append("the yearly growth must be > -1") }
        return found
    }

    /// The powers of two up to the widest job.
    var powersOfTwo: [Int] {
        var powers: [Int] = []
        var power = 1
        while power <= maximumWidth {
            powers.append(power)
            power *= 2
        }
        return powers
    }

    /// The expected width E[w] of a job.
    var meanWidth: Double {
        let powers = powersOfTwo
        let powerMean = Double(powers.reduce(0, +)) / Double(powers.count)
        let uniformMean = Double(1 + maximumWidth) / 2
        return powerOfTwoShare * powerMean + (1 - powerOfTwoShare) * uniformMean
    }

    /// Jobs per second at the start, averaged over the day.
    var meanRate: Double {
        let runTimes = Lognormal(mu: Double.log(medianRunTime), sigma: runTimeSigma)
        // Width and run time are independent, so demand per job is E[w] E[run].
        return load * Double(processors) / (meanWidth * runTimes.mean)
    }

    /// The expected number of jobs submitted before `horizon` (seconds): what time and memory
    /// of a run grow with.
    public func expectedJobs(horizon: Double) -> Double {
        meanRate * Self.integratedGrowth(yearlyGrowth, over: horizon)
    }

    /// ∫₀ᴴ (1 + g)^(t / year) dt: the seconds of a horizon weighted by continuous growth.
    static func integratedGrowth(_ yearlyGrowth: Double, over horizon: Double) -> Double {
        let rate = Double.log(onePlus: yearlyGrowth) / CloudSimulation.secondsPerYear
        return rate == 0 ? horizon : Double.expMinusOne(rate * horizon) / rate
    }

    /// Generates the jobs from replication `replication` of `seed`: `jobs` of them, or, with
    /// `horizon`, those submitted before it (seconds), whatever `jobs` says.
    public func generate(seed: UInt64, replication: Int = 0, horizon: Double? = nil) -> [Job] {
        precondition(problems.isEmpty, problems.joined(separator: "; "))
        let streams = RandomStreams(seed: seed)
        var arrivals = streams.generator(replication: replication, stream: 0)
        var shapes = streams.generator(replication: replication, stream: 1)
        let runTimes = Lognormal(mu: Double.log(medianRunTime), sigma: runTimeSigma)
        let meanRate = meanRate
        let year = CloudSimulation.secondsPerYear
        let growthRate = Double.log(onePlus: yearlyGrowth) / year
        // The thinning bound holds for a year at a time: the growth factor at the year's larger end.
        func bound(inYearOf t: Double) -> Double {
            let start = (t / year).rounded(.down) * year
            return meanRate * (1 + dailyAmplitude)
                * Double.exp(Swift.max(start * growthRate, (start + year) * growthRate))
        }
        var peakRate = bound(inYearOf: 0)
        var yearEnd = year
        let powers = powersOfTwo
        var result: [Job] = []
        result.reserveCapacity(jobs)
        var time = 0.0
        let limit = horizon == nil ? jobs : Int.max
        while result.count < limit {
            // Thinning (Lewis and Shedler 1979): keep a candidate with probability rate(t) / peak.
            // With growth, a candidate past the year's end is replaced by a fresh draw from it at
            // the next year's bound (exact, as the exponential has no memory).
            let candidate = time + Exponential(rate: peakRate).sample(using: &arrivals)
            if growthRate != 0 && candidate >= yearEnd {
                time = yearEnd
                yearEnd += year
                peakRate = bound(inYearOf: time)
                if let horizon, time >= horizon { break }
                continue
            }
            time = candidate
            if let horizon, time >= horizon { break }
            let rate =
                meanRate * Double.exp(time * growthRate)
                * (1 + dailyAmplitude * Double.sin(2 * Double.pi * time / 86_400))
            if arrivals.nextUnitInterval() * peakRate > rate { continue }
            let width: Int
            if shapes.nextUnitInterval() < powerOfTwoShare {
                width = powers[Int(shapes.next(upperBound: UInt64(powers.count)))]
            } else {
                width = 1 + Int(shapes.next(upperBound: UInt64(maximumWidth)))
            }
            let run = Swift.max(1, runTimes.sample(using: &shapes).rounded())
            let factor = 1 + shapes.nextUnitInterval() * (maximumOverestimate - 1)
            let requested = Swift.max(run, (run * factor / 60).rounded(.up) * 60)
            result.append(
                Job(
                    id: result.count + 1, submitTime: time.rounded(), runTime: run, processors: width,
                    requestedTime: requested))
        }
        return result
    }
}
