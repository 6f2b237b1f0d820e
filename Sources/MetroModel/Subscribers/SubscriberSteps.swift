import SimCore

/// The subscriber steps of a month: lines join, leave or move technology; CPEs age and fail;
/// subscribers opt in to IPv6.
extension RolloutState {
    /// Net additions per technology. Lines a technology loses while another in the district gains
    /// move there (xDSL to PON) and get a new CPE of the month's capable share, as do new lines;
    /// lines that leave take the oldest CPEs and their share of opted-in subscribers. Growth the
    /// ports cannot hold gets new, IPv6-ready nodes (business as usual).
    mutating func growSubscribers() {
        let newCapable = configuration.cpes.newCapableShare.value(at: month)
        for index in districts.indices {
            let before = districts[index].total
            var losses = 0
            var gains = 0
            let adds = configuration.districts[index].netAdds(month: month)
            for technology in AccessTechnology.allCases {
                let change = adds[technology]
                let old = districts[index].subscribers[technology]
                let new = Swift.max(0, old + change)
                districts[index].subscribers[technology] = new
                if new < old { losses += old - new } else { gains += new - old }
                addNodesForGrowth(district: index, technology: technology)
            }
            let moved = Swift.min(losses, gains)
            let left = losses - moved
            if left > 0, before > 0 {
                let share = Double(left) / Double(before)
                districts[index].adopted -= Int((Double(districts[index].adopted) * share).rounded())
            }
            var district = districts[index]
            district.fleet.remove(losses)
            district.fleet.install(gains, capableShare: newCapable, using: &district.streams.installs)
            districts[index] = district
        }
    }

    private mutating func addNodesForGrowth(district index: Int, technology: AccessTechnology) {
        var plant = districts[index].access[technology]
        guard let perNode = plant.portsPerNode, perNode > 0 else { return }
        let perNodeSubscribers = perNode * plant.subscribersPerPort
        let excess = districts[index].subscribers[technology] - plant.nodes * perNodeSubscribers
        guard excess > 0 else { return }
        let added = (excess + perNodeSubscribers - 1) / perNodeSubscribers
        plant.nodes += added
        plant.ready += added
        districts[index].access[technology] = plant
        ledger.spend(Double(added) * configuration.costs.accessNodeReplacement, on: .growthNodes)
    }

    /// CPEs age a month; failures are replaced by new CPEs of the month's capable share, each a
    /// home visit (business as usual).
    mutating func ageCPEs() {
        let newCapable = configuration.cpes.newCapableShare.value(at: month)
        let unitCost = configuration.costs.cpe + configuration.costs.truckRoll
        for index in districts.indices {
            var district = districts[index]
            let failures = district.fleet.advanceMonth(
                replacementCapableShare: newCapable, using: &district.streams.cpeFailures)
            district.truckRolls += failures
            districts[index] = district
            ledger.spend(Double(failures) * unitCost, on: .cpeFailures)
        }
    }

    /// This month's opt-in adopters, one binomial cohort per district.
    mutating func adopt() {
        for index in districts.indices {
            let n = districts[index].total
            let waiting = n - districts[index].adopted
            guard waiting > 0 else { continue }
            let share = Double(districts[index].adopted) / Double(n)
            let probability = configuration.adoption.monthlyProbability(month: month, share: share)
            var stream = districts[index].streams.adoption
            districts[index].adopted += Binomial(trials: waiting, p: probability).sample(using: &stream)
            districts[index].streams.adoption = stream
        }
    }
}
