/// What `metro6 compute` reports: the run's summary, and when asked, its energy and its wait SLA.
public struct ComputeReport: Sendable, Encodable {
    /// The run's figures.
    public var summary: ScheduleSummary
    /// Facility energy over the makespan, kWh (when a power model was given).
    public var energyKWh: Double?
    /// The wait objective checked (when one was given).
    public var sla: WaitSLA?
    /// Its assessment.
    public var slaAssessment: SLAAssessment?

    /// A report of `summary` with the optional parts.
    public init(
        summary: ScheduleSummary, energyKWh: Double? = nil, sla: WaitSLA? = nil,
        slaAssessment: SLAAssessment? = nil
    ) {
        self.summary = summary
        self.energyKWh = energyKWh
        self.sla = sla
        self.slaAssessment = slaAssessment
    }

    enum CodingKeys: String, CodingKey {
        case energyKWh, sla
    }

    enum SLAKeys: String, CodingKey {
        case maximumP95Wait, periodSeconds, firstBreachPeriod, periodsBreached, processorsToAdd, largestTried
    }

    /// The summary's keys at the top level, then `energyKWh` and `sla` when present.
    public func encode(to encoder: any Encoder) throws {
        try summary.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(energyKWh, forKey: .energyKWh)
        if let sla, let slaAssessment {
            var nested = container.nestedContainer(keyedBy: SLAKeys.self, forKey: .sla)
            try nested.encode(sla.maximumP95Wait, forKey: .maximumP95Wait)
            try nested.encode(sla.period, forKey: .periodSeconds)
            try nested.encode(slaAssessment.firstBreach, forKey: .firstBreachPeriod)
            try nested.encode(slaAssessment.periodsBreached, forKey: .periodsBreached)
            try nested.encode(slaAssessment.processorsToAdd, forKey: .processorsToAdd)
            try nested.encode(slaAssessment.largestTried, forKey: .largestTried)
        }
    }
}
