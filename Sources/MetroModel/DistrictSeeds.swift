/// The seeds of a run's random streams, three per district (CPE failures, installs, adoption),
/// drawn first from the run's generator. A plan and its baseline run from the same seeds, so
/// runs with equal seeds and equal networks share one baseline.
public struct DistrictSeeds: Sendable, Hashable {
    /// The seeds, district by district.
    public let values: [UInt64]

    /// Seeds `values`, three per district.
    public init(values: [UInt64]) {
        precondition(values.count % 3 == 0, "three seeds per district")
        self.values = values
    }
}
