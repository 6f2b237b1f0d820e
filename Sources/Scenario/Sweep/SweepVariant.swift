/// One plan of a sweep at one point of its grid: the scenario it starts from and the changes
/// made to it.
public struct SweepVariant: Sendable, Hashable {
    /// The plan's name in the sweep file.
    public var plan: String
    /// The plan's own scenario file; nil: the sweep's base.
    public var scenario: String?
    /// The changes, in the order they apply: the sweep's `set`, the plan's `set`, the grid point.
    public var overrides: [ScenarioOverride]
    /// The grid point alone (empty without a grid).
    public var point: [ScenarioOverride]

    /// The plan's name, and the grid point's values when there is a grid:
    /// `bng-first budget.yearlyCapex=6e7`.
    public var name: String {
        ([plan] + point.map(\.description)).joined(separator: " ")
    }
}
