import SimCore

/// The figures of one reporting period (a month, say) of a batch simulation.
public struct PeriodSummary: Sendable, Hashable, Codable {
    /// 0 for the period starting at the origin.
    public var index: Int
    /// The period's start, seconds on the trace's clock.
    public var start: Double
    /// Jobs submitted in the period that ran.
    public var jobs: Int
    /// Mean wait of those jobs, seconds (0 when none).
    public var meanWait: Double
    /// Their 95th-percentile wait (rank ⌈0.95 n⌉), seconds (0 when none).
    public var p95Wait: Double
    /// Processor-seconds busy in the period over those available in it.
    public var utilization: Double
}

extension ScheduleResult {
    /// Figures per period of `length` seconds from `origin` (default: the first submit) up to the
    /// last completion; jobs count in the period they were submitted in.
    public func periods(length: Double, origin: Double? = nil) -> [PeriodSummary] {
        precondition(length > 0, "a period has a positive length")
        let ran = scheduled
        guard let firstSubmit = ran.map({ jobs[$0].submitTime }).min(),
            let lastEnd = ran.map({ end(of: $0) }).max()
        else { return [] }
        let start = origin ?? firstSubmit
        let count = Swift.max(1, Int(((lastEnd - start) / length).rounded(.up)))
        var waits = [[Double]](repeating: [], count: count)
        var busy = [Double](repeating: 0, count: count)
        for index in ran {
            let submitPeriod = Swift.min(
                count - 1, Swift.max(0, Int((jobs[index].submitTime - start) / length)))
            waits[submitPeriod].append(starts[index] - jobs[index].submitTime)
            // Spread the job's area over the periods it runs in.
            let jobStart = starts[index]
            let jobEnd = end(of: index)
            var period = Swift.max(0, Int((jobStart - start) / length))
            while period < count {
                let periodStart = start + Double(period) * length
                let overlap = Swift.min(jobEnd, periodStart + length) - Swift.max(jobStart, periodStart)
                if overlap > 0 { busy[period] += overlap * Double(jobs[index].processors) }
                if jobEnd <= periodStart + length { break }
                period += 1
            }
        }
        return (0..<count).map { period in
            let periodStart = start + Double(period) * length
            let sorted = waits[period].sorted()
            let p95 =
                sorted.nearestRankQuantile(0.95) ?? 0
            let available = capacitySeconds(from: periodStart, to: periodStart + length)
            return PeriodSummary(
                index: period, start: periodStart, jobs: sorted.count,
                meanWait: sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count), p95Wait: p95,
                utilization: available > 0 ? busy[period] / available : 0)
        }
    }
}
