/// Confidence intervals for the mean of a correlated stream (successive waits in a queue) by
/// non-overlapping batch means.
///
/// Observations are grouped into batches of a fixed size; batch means are nearly independent
/// when batches are much longer than the correlation, so a t interval over them is valid.
/// See Law, "Simulation Modeling and Analysis", 5th ed., §9.5.3.
public struct BatchMeans: Sendable, Hashable {
    /// Observations per batch.
    public let batchSize: Int
    private var current = RunningMoments()
    /// Moments of the completed batches' means.
    public private(set) var batches = RunningMoments()
    /// Moments of every observation (completed batches and the open one).
    public private(set) var overall = RunningMoments()

    /// Batches of `batchSize` observations.
    public init(batchSize: Int) {
        precondition(batchSize > 0, "batches need at least one observation")
        self.batchSize = batchSize
    }

    /// Adds one observation.
    public mutating func add(_ x: Double) {
        current.add(x)
        overall.add(x)
        if current.count == batchSize {
            batches.add(current.mean)
            current = RunningMoments()
        }
    }

    /// The t interval over completed batch means; nil with fewer than two batches.
    public func confidenceInterval(level: Double) -> ConfidenceInterval? {
        batches.confidenceInterval(level: level)
    }
}
