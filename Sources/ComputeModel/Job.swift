/// One batch job as the schedulers see it: when it was submitted, how many processors it holds,
/// how long it runs and how long its user asked for.
public struct Job: Sendable, Hashable, Codable {
    /// The job number (SWF field 1).
    public var id: Int
    /// Submit time in seconds (SWF field 2).
    public var submitTime: Double
    /// How long the job runs when given its processors, in seconds (SWF field 4).
    public var runTime: Double
    /// Processors it holds while running (SWF field 5, or field 8 when 5 is unknown).
    public var processors: Int
    /// The run time its user requested (SWF field 9, or the run time when 9 is unknown); the
    /// scheduler plans with it and kills the job when it is reached.
    public var requestedTime: Double
    /// The submitting user (SWF field 12; −1 when unknown).
    public var user: Int

    /// A job; `requestedTime` defaults to the run time (a perfect estimate).
    public init(
        id: Int, submitTime: Double, runTime: Double, processors: Int, requestedTime: Double? = nil,
        user: Int = -1
    ) {
        self.id = id
        self.submitTime = submitTime
        self.runTime = runTime
        self.processors = processors
        self.requestedTime = requestedTime ?? runTime
        self.user = user
    }

    /// How long the job actually holds its processors: min(run time, requested time).
    @inlinable
    public var duration: Double { Swift.min(runTime, requestedTime) }
}
