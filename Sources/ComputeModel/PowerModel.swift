/// The centre's electricity: nodes draw idle power, plus a share of the busy-idle difference for
/// each busy core, and the building multiplies it by its PUE.
public struct PowerModel: Sendable, Hashable, Codable {
    /// Cores per node.
    public var coresPerNode: Int
    /// Watts a node draws when idle.
    public var idleWattsPerNode: Double
    /// Watts a node draws with every core busy.
    public var busyWattsPerNode: Double
    /// Power usage effectiveness: facility power over IT power (≥ 1).
    public var pue: Double

    /// A power model; busy ≥ idle ≥ 0 and PUE ≥ 1.
    public init(coresPerNode: Int, idleWattsPerNode: Double, busyWattsPerNode: Double, pue: Double) {
        precondition(coresPerNode > 0, "a node has at least one core")
        precondition(
            idleWattsPerNode >= 0 && busyWattsPerNode >= idleWattsPerNode, "need busy ≥ idle ≥ 0 watts")
        precondition(pue >= 1, "PUE is at least 1")
        self.coresPerNode = coresPerNode
        self.idleWattsPerNode = idleWattsPerNode
        self.busyWattsPerNode = busyWattsPerNode
        self.pue = pue
    }

    /// Facility energy in kWh over the run's makespan:
    /// PUE × (idle × node-seconds + (busy − idle) × busy core-seconds / cores per node) / 3.6 MJ.
    public func energy(of result: ScheduleResult) -> Double {
        let ran = result.scheduled
        guard let firstSubmit = ran.map({ result.jobs[$0].submitTime }).min(),
            let lastEnd = ran.map({ result.end(of: $0) }).max()
        else { return 0 }
        let coreSeconds = result.capacitySeconds(from: firstSubmit, to: lastEnd)
        let busyCoreSeconds = ran.reduce(0.0) {
            $0 + Double(result.jobs[$1].processors) * result.jobs[$1].duration
        }
        let perNode = Double(coresPerNode)
        let joules =
            pue
            * (idleWattsPerNode * coreSeconds / perNode + (busyWattsPerNode - idleWattsPerNode)
                * busyCoreSeconds / perNode)
        return joules / 3.6e6
    }
}
