import RealModule

/// The capacity step, at each month's start: what was ordered arrives; each rule forecasts its
/// load from the months measured so far and orders modules; surplus addresses are sold where the
/// scenario allows. Capacity keeps the network running with or without the plan, so it is
/// business-as-usual investment outside the programme's budget.
extension RolloutState {
    mutating func planCapacity() {
        deliverOrders()
        let rules = configuration.capacity
        let costs = configuration.costs
        if let rule = rules.cgnat {
            order(
                .cgnat, rule, history: loads.cgnatGbps[...], extra: poolShortfallLoad(rule.leadMonths),
                capacity: cgnatGbps, unitCost: costs.cgnatPerGbps, item: .cgnatCapacity)
        }
        if let rule = rules.uplinks {
            let growth = uplinkGrowth(month: month + rule.leadMonths)
            if let core = configuration.coreGbps {
                order(
                    .core, rule, history: loads.coreGbps[...], capacity: core * growth + addedCoreGbps,
                    unitCost: costs.uplinkPerGbps, item: .uplinkCapacity)
            }
            for index in districts.indices {
                let base = configuration.districts[index].uplinkGbps * growth
                order(
                    .uplink(district: index), rule, history: loads.uplinkGbps[index][...],
                    capacity: base + districts[index].addedUplinkGbps, unitCost: costs.uplinkPerGbps,
                    item: .uplinkCapacity)
            }
        }
        if let rule = rules.bngs {
            for index in districts.indices {
                guard let limit = configuration.districts[index].sessionsPerBNG else { continue }
                let history = loads.bngSessions[index].map { $0 / Double(limit) }
                // Lines that can be switched on are foreseen as the second session they would hold.
                let switchable = Swift.max(
                    0, loads.bngPotentialSessions[index] - (history.last ?? 0) * Double(limit))
                order(
                    .bngs(district: index), rule, history: history[...], extra: switchable / Double(limit),
                    capacity: Double(districts[index].bngs),
                    unitCost: costs.bngChassis, item: .bngCapacity)
            }
        }
        let price = configuration.ipv4Price.value(at: month)
        if let rule = rules.ipv4, price <= rules.ipv4MaximumPrice {
            order(
                .ipv4, rule, history: loads.ipv4Wanted[...], capacity: Double(pool.size), unitCost: price,
                item: .ipv4Purchases)
        }
        if configuration.sellSurplusIPv4 { sellSurplus(price: price) }
    }

    /// The CGN load, Gbit/s, of the subscribers the pool will not cover `lead` months ahead
    /// beyond those behind the CGN already (the wanted addresses' trend against the pool; each
    /// such subscriber's traffic all IPv4): a pool running out is foreseen, not only a load
    /// already growing.
    func poolShortfallLoad(_ lead: Int) -> Double {
        guard let rule = configuration.capacity.cgnat, let overflow = loads.natOverflow.last else { return 0 }
        let wanted = CapacityRule(moduleSize: 1, threshold: 1, leadMonths: rule.leadMonths).forecast(
            loads.ipv4Wanted[...])
        let more = Swift.max(0, wanted - Double(pool.size) - overflow)
        return more * configuration.demand.perSubscriberMbps(month: month + lead) / 1_000
    }

    /// The routine growth factor of uplink and core capacity in `month`.
    func uplinkGrowth(month: Int) -> Double {
        Double.pow(1 + configuration.uplinkYearlyGrowth, Double(month) / 12)
    }

    private mutating func deliverOrders() {
        let due = orders.filter { $0.arrival <= month }
        orders.removeAll { $0.arrival <= month }
        for order in due { add(order.amount, to: order.resource) }
    }

    private mutating func add(_ amount: Double, to resource: CapacityResource) {
        switch resource {
        case .cgnat: cgnatGbps += amount
        case .core: addedCoreGbps += amount
        case .uplink(let district): districts[district].addedUplinkGbps += amount
        case .bngs(let district):
            districts[district].bngs += Int(amount)
            districts[district].readyBNGs += Int(amount)
        case .ipv4: pool.buy(Int(amount), price: configuration.ipv4Price.value(at: month))
        }
    }

    /// Orders what `rule` asks for on `resource`, paying `unitCost` per unit of capacity.
    private mutating func order(
        _ resource: CapacityResource, _ rule: CapacityRule, history: ArraySlice<Double>, extra: Double = 0,
        capacity: Double, unitCost: Double, item: CostItem
    ) {
        let onOrder = orders.filter { $0.resource == resource }.reduce(0) { $0 + $1.amount }
        let wanted = rule.modulesToOrder(history: history, extra: extra, capacity: capacity + onOrder)
        guard wanted > 0 else { return }
        let amount = Double(wanted) * rule.moduleSize
        ledger.spend(amount * unitCost, on: item)
        if rule.leadMonths == 0 {
            add(amount, to: resource)
        } else {
            orders.append(CapacityOrder(arrival: month + rule.leadMonths, resource: resource, amount: amount))
        }
    }

    /// Sells whole blocks the network will not need: what is free beyond the wanted addresses'
    /// forecast, the IPv4 rule's lead and headroom (a year ahead without one).
    private mutating func sellSurplus(price: Double) {
        guard let wanted = loads.ipv4Wanted.last else { return }
        let rule =
            configuration.capacity.ipv4
            ?? CapacityRule(moduleSize: Double(IPv4Pool.blockSize), threshold: 1, leadMonths: 12)
        let need = (rule.forecast(loads.ipv4Wanted[...]) / rule.threshold).rounded(.up)
        let surplus = Swift.min(pool.free, pool.size - Int(Swift.max(need, wanted)))
        let blocks = surplus / IPv4Pool.blockSize
        guard blocks > 0 else { return }
        pool.sell(blocks * IPv4Pool.blockSize)
        ledger.spend(-Double(blocks * IPv4Pool.blockSize) * price, on: .ipv4Sales)
    }
}
