/// The batch scheduling policies.
public enum SchedulerKind: String, CaseIterable, Sendable, Hashable, Codable {
    /// First come, first served: queued jobs start strictly in submit order while the head fits.
    case fcfs
    /// EASY backfilling (Lifka 1995; Mu'alem and Feitelson 2001): the head of the queue gets a
    /// reservation, and later jobs may start first when they do not delay it.
    case easy
}
