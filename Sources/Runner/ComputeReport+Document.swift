import ComputeModel
import Report

/// `metro6 compute`'s schedule as a report document: the compute centre's figures as `metro6 run`
/// shows them (`ComputeFigure`), the schedule's own (waits, queue, makespan, speed), and the SLA.
extension ComputeReport {
    /// The report of a schedule by `scheduler` on `processors`; `skippedLines` bad trace lines,
    /// `maximumQueueLength` the longest queue, `nodeCores` the cores an SLA fix adds per node.
    public func document(
        scheduler: String, processors: Int, skippedLines: Int, maximumQueueLength: Int, pue: Double?,
        nodeCores: Int
    ) -> ReportDocument {
        let hours = ComputeFigure.meanWait.format
        var facts = ComputeFigure.facts { figure in
            switch figure {
            case .jobs: .number(Double(summary.jobs), figure.format)
            case .utilization: .number(summary.utilization, figure.format)
            case .meanWait: .number(summary.meanWait, figure.format)
            case .p95Wait: .number(summary.p95Wait, figure.format)
            case .boundedSlowdown: .number(summary.meanBoundedSlowdown, figure.format)
            case .energy: energyKWh.map { .number($0, figure.format) }
            default: nil
            }
        }
        facts += [
            Fact("jobs wider than the machine", .number(Double(summary.skippedJobs), .count)),
            Fact("bad trace lines", .number(Double(skippedLines), .count)),
            Fact("wait, P50", .number(summary.p50Wait, hours), unit: "h"),
            Fact("wait, max", .number(summary.maxWait, hours), unit: "h"),
            Fact("queue length, mean", .number(summary.meanQueueLength, .decimals(1))),
            Fact("queue length, max", .number(Double(maximumQueueLength), .count)),
            Fact("makespan", .number(summary.makespan, hours), unit: "h"),
            Fact("simulation speed", .number(summary.simulatedEventsPerSecond, .count), unit: "events/s"),
        ]
        if energyKWh != nil, let pue { facts.append(Fact("PUE", .number(pue, .ratio))) }
        var blocks: [Block] = [.facts(facts)]
        if let sla, let slaAssessment {
            blocks.append(.paragraph(Self.slaSentence(sla, slaAssessment, nodeCores: nodeCores)))
        }
        return ReportDocument(
            title: "\(scheduler.uppercased()) on \(processors) processors",
            sections: [Section(id: "schedule", title: "Schedule", blocks: blocks)])
    }

    /// Whether the SLA held, and when it first broke, what capacity keeps it.
    static func slaSentence(_ sla: WaitSLA, _ assessment: SLAAssessment, nodeCores: Int) -> String {
        let bound = ComputeFigure.p95Wait.format.string(sla.maximumP95Wait)
        guard let first = assessment.firstBreach else {
            return "The SLA (P95 wait ≤ \(bound) h) held every month."
        }
        let fix =
            assessment.processorsToAdd.map {
                "adding \($0) cores (\($0 / nodeCores) nodes) at its start keeps it"
            }
            ?? "even \(assessment.largestTried) more cores do not keep it"
        return "The SLA (P95 wait ≤ \(bound) h) first broke in month \(first + 1) "
            + "(\(assessment.periodsBreached) months in breach); \(fix)."
    }
}
