/// The plan's step: the actions due this month (and earlier ones not finished) in priority order,
/// each as far as the year's capital and the month's crews allow.
extension RolloutState {
    mutating func executePlan() {
        let order = actions.indices.filter { actions[$0].action.month <= month && !actions[$0].isDone }
            .sorted { (actions[$0].action.priority, $0) < (actions[$1].action.priority, $1) }
        for index in order {
            let action = actions[index].action
            let targets = action.district.map { [$0] } ?? Array(districts.indices)
            let finished: Bool
            switch action.kind {
            case .enableMode, .switchOnIPv6:
                for target in targets {
                    districts[target].mode = action.mode
                    districts[target].optOut = districts[target].optOut || action.kind == .switchOnIPv6
                }
                actions[index].record(units: Double(targets.count), month: month)
                finished = true
            case .upgradeBNGs: finished = upgradeBNGs(index, targets)
            case .upgradeAccessNodes: finished = upgradeAccessNodes(index, targets)
            case .cpeCampaign: finished = runCampaign(index, targets)
            case .upgradeCPEFirmware: finished = pushFirmware(index, targets)
            case .addCGNAT: finished = addCGNAT(index)
            case .buyIPv4: finished = buyIPv4(index)
            }
            if finished { actions[index].doneMonth = month }
        }
    }

    /// Notes that action `index` got less than it wanted for `limit` (in `district`, or all).
    private mutating func slip(_ index: Int, _ limit: Budget.Limit?) {
        if actions[index].slip(limit, month: month) { slipped += 1 }
        if let limit {
            constraints.note(limit.rawValue, district: actions[index].action.district, month: month)
        }
    }

    private mutating func upgradeBNGs(_ index: Int, _ targets: [Int]) -> Bool {
        let cost = configuration.costs.bngUpgrade
        var wanted = targets.reduce(0) { $0 + districts[$1].bngs - districts[$1].readyBNGs }
        if let amount = actions[index].action.amount {
            wanted = Swift.min(wanted, Int(amount) - Int(actions[index].units))
        }
        let got = budget.afford(Swift.max(0, wanted), unitCost: cost)
        var left = got
        for target in targets where left > 0 {
            let step = Swift.min(left, districts[target].bngs - districts[target].readyBNGs)
            districts[target].readyBNGs += step
            left -= step
        }
        ledger.spend(Double(got) * cost, on: .bngUpgrades)
        actions[index].record(units: Double(got), month: month)
        if got < wanted { slip(index, budget.lastLimit) }
        return got >= wanted
    }

    private mutating func upgradeAccessNodes(_ index: Int, _ targets: [Int]) -> Bool {
        let costs = configuration.costs
        var limit = actions[index].action.amount.map { Int($0) - Int(actions[index].units) } ?? Int.max
        var short = false
        var done = 0
        for target in targets {
            for technology in AccessTechnology.allCases where limit > 0 {
                var plant = districts[target].access[technology]
                let upgrade = Swift.min(plant.needingUpgrade, limit)
                let upgraded = budget.afford(upgrade, unitCost: costs.accessNodeUpgrade)
                if upgraded < upgrade { slip(index, budget.lastLimit) }
                plant.ready += upgraded
                plant.upgradable -= upgraded
                limit -= upgraded
                let replace = Swift.min(plant.needingReplacement, limit)
                let replaced = budget.afford(replace, unitCost: costs.accessNodeReplacement, visitsPerUnit: 1)
                if replaced < replace { slip(index, budget.lastLimit) }
                plant.ready += replaced
                limit -= replaced
                done += upgraded + replaced
                ledger.spend(
                    Double(upgraded) * costs.accessNodeUpgrade + Double(replaced)
                        * costs.accessNodeReplacement,
                    on: .accessNodeUpgrades)
                if plant.needingUpgrade > 0 || plant.needingReplacement > 0 { short = true }
                districts[target].access[technology] = plant
            }
        }
        actions[index].record(units: Double(done), month: month)
        return !short || limit <= 0
    }

    private mutating func runCampaign(_ index: Int, _ targets: [Int]) -> Bool {
        let action = actions[index].action
        if let until = action.until, month > until { return true }
        let legacy = targets.reduce(0) { $0 + districts[$1].fleet.count - districts[$1].fleet.capable }
        var wanted = Swift.min(legacy, action.amount.map { Int($0) } ?? Int.max)
        if let total = action.total { wanted = Swift.min(wanted, total - Int(actions[index].units)) }
        let unitCost = configuration.costs.cpe + configuration.costs.truckRoll
        let got = budget.afford(wanted, unitCost: unitCost, visitsPerUnit: configuration.visitsPerCPE)
        var left = got
        for target in targets where left > 0 {
            let replaced = districts[target].fleet.replaceLegacy(upTo: left)
            districts[target].truckRolls += replaced * configuration.visitsPerCPE
            left -= replaced
        }
        ledger.spend(Double(got) * unitCost, on: .cpeCampaigns)
        actions[index].record(units: Double(got), month: month)
        if got < wanted { slip(index, budget.lastLimit) }
        let reachedTotal = action.total.map { Int(actions[index].units) >= $0 } ?? false
        return legacy - got == 0 || reachedTotal || action.until == month
    }

    private mutating func pushFirmware(_ index: Int, _ targets: [Int]) -> Bool {
        let share = configuration.cpes.firmwareUpgradableShare
        var finished = true
        for target in targets where !districts[target].firmwarePushed {
            let legacy = districts[target].fleet.count - districts[target].fleet.capable
            let cost = (Double(legacy) * share).rounded() * configuration.costs.cpeFirmware
            guard budget.afford(1, unitCost: cost) == 1 else {
                slip(index, budget.lastLimit)
                finished = false
                continue
            }
            let upgraded = districts[target].fleet.upgradeFirmware(share: share)
            districts[target].firmwarePushed = true
            ledger.spend(cost, on: .cpeFirmware)
            actions[index].record(units: Double(upgraded), month: month)
        }
        return finished
    }

    private mutating func addCGNAT(_ index: Int) -> Bool {
        let gbps = actions[index].action.amount ?? 0
        let cost = gbps * configuration.costs.cgnatPerGbps
        guard budget.afford(1, unitCost: cost) == 1 else {
            slip(index, budget.lastLimit)
            return false
        }
        cgnatGbps += gbps
        ledger.spend(cost, on: .cgnatCapacity)
        actions[index].record(units: gbps, month: month)
        return true
    }

    private mutating func buyIPv4(_ index: Int) -> Bool {
        let block = IPv4Pool.blockSize
        let wantedBlocks =
            (Int(actions[index].action.amount ?? 0) - Int(actions[index].units) + block - 1) / block
        let price = configuration.ipv4Price.value(at: month)
        let blocks = budget.afford(wantedBlocks, unitCost: Double(block) * price)
        pool.buy(blocks * block, price: price)
        ledger.spend(Double(blocks * block) * price, on: .ipv4Purchases)
        actions[index].record(units: Double(blocks * block), month: month)
        if blocks < wantedBlocks { slip(index, budget.lastLimit) }
        return blocks >= wantedBlocks
    }
}
