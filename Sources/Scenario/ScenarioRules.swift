import MetroModel
import SimCore
import Yams

/// The checks a schema cannot express: names that must be unique or must exist, dates inside
/// the horizon, fields an action needs.
enum ScenarioRules {
    static func check(_ scenario: ScenarioFile, in root: Node, file: String) -> [ScenarioError] {
        var problems: [ScenarioError] = []
        let report: ([PathStep], String, String) -> Void = { path, expected, found in
            problems.append(
                ScenarioError(
                    location: location(of: path, in: root, file: file), path: render(path),
                    expected: expected,
                    found: found))
        }
        func fail(_ path: [PathStep], _ expected: String, found: String) { report(path, expected, found) }
        var names = Set<String>()
        for (index, district) in scenario.districts.enumerated() {
            let here: [PathStep] = [.key("districts"), .index(index)]
            if !names.insert(district.name).inserted {
                fail(here + [.key("name")], "a district name used once", found: "'\(district.name)' again")
            }
            for technology in AccessTechnology.allCases {
                let plant = district.accessNodes[technology]
                if plant.ready + plant.upgradable > plant.nodes {
                    fail(
                        here + [.key("accessNodes"), .key(technology.rawValue)],
                        "ready + upgradable ≤ nodes (\(plant.nodes))",
                        found: "\(plant.ready) + \(plant.upgradable)")
                }
            }
            if district.bngs.ready > district.bngs.count {
                fail(
                    here + [.key("bngs"), .key("ready")], "at most the \(district.bngs.count) BNGs there are",
                    found: "\(district.bngs.ready)")
            }
        }
        for (index, action) in (scenario.plan ?? []).enumerated() {
            let here: [PathStep] = [.key("plan"), .index(index)]
            if action.month < scenario.start || action.month >= scenario.end {
                fail(
                    here + [.key("month")],
                    "a month from \(scenario.start) to \(scenario.end.adding(months: -1)) (the horizon)",
                    found: "\(action.month)")
            }
            if let district = action.district, !names.contains(district) {
                var listed = Set<String>()
                let names = scenario.districts.map(\.name).filter { listed.insert($0).inserted }
                let shown = names.prefix(12).map(PrintableText.escape).joined(separator: ", ")
                let more = names.count > 12 ? " and \(names.count - 12) more" : ""
                fail(
                    here + [.key("district")], "one of the districts \(shown)\(more)",
                    found: "'\(PrintableText.escape(district))'")
            }
            let takesMode: Set<PlanAction.Kind> = [.network(.enableMode), .network(.switchOnIPv6)]
            if takesMode.contains(action.action) && action.mode == nil {
                fail(here, "a 'mode' for \(action.action.rawValue)", found: "none")
            }
            if !takesMode.contains(action.action), let mode = action.mode {
                fail(
                    here + [.key("mode")], "no mode (only enableMode and switchOnIPv6 take one)",
                    found: "'\(mode.rawValue)'")
            }
            checkCampaign(action, at: here, scenario: scenario, fail: report)
            if action.action == .network(.buyIPv4), let amount = action.amount,
                amount.truncatingRemainder(dividingBy: Double(IPv4Pool.blockSize)) != 0
            {
                fail(
                    here + [.key("amount")],
                    "whole /24 blocks: a multiple of \(IPv4Pool.blockSize) addresses",
                    found: Schema.format(amount))
            }
            if action.action == .network(.addCGNAT), let amount = action.amount {
                checkPurchase(
                    amount * scenario.costs.cgnatPerGbps, at: here + [.key("amount")], scenario, report)
            }
            if action.action == .compute(.expandCompute) && scenario.compute == nil {
                fail(here, "a 'compute' section for expandCompute to grow", found: "none")
            }
            if action.action == .compute(.expandCloud) && scenario.compute?.cloud == nil {
                fail(here, "a 'compute.cloud' section for expandCloud to grow", found: "none")
            }
            if action.action == .compute(.expandGPUs) && scenario.compute?.gpu == nil {
                fail(here, "a 'compute.gpu' section for expandGPUs to grow", found: "none")
            }
            let needsAmount: Set<PlanAction.Kind> = [
                .network(.addCGNAT), .network(.buyIPv4), .compute(.expandCompute), .compute(.expandCloud),
                .compute(.expandGPUs),
            ]
            if needsAmount.contains(action.action) && action.amount == nil {
                fail(here, "an 'amount' for \(action.action.rawValue)", found: "none")
            }
        }
        checkCapacity(scenario, fail: report)
        WorkLimits.check(scenario, fail: report)
        problems += checkExpectations(scenario, in: root, file: file)
        if let compute = scenario.compute {
            let here: [PathStep] = [.key("compute")]
            if compute.workload.maxWidth > compute.cores {
                fail(
                    here + [.key("workload"), .key("maxWidth")], "at most the \(compute.cores) cores",
                    found: "\(compute.workload.maxWidth)")
            }
            if let gpu = compute.gpu, gpu.workload.maxWidth > gpu.gpus {
                fail(
                    here + [.key("gpu"), .key("workload"), .key("maxWidth")], "at most the \(gpu.gpus) GPUs",
                    found: "\(gpu.workload.maxWidth)")
            }
            if let power = compute.power, power.busyWattsPerNode < power.idleWattsPerNode {
                fail(
                    here + [.key("power"), .key("busyWattsPerNode")],
                    "at least the idle \(Schema.format(power.idleWattsPerNode)) W",
                    found: Schema.format(power.busyWattsPerNode))
            }
            for (index, service) in (compute.cloud?.services ?? []).enumerated() {
                let largest = service.vmCores.max() ?? 0
                if let cloud = compute.cloud, largest > cloud.coresPerNode {
                    fail(
                        here + [.key("cloud"), .key("services"), .index(index), .key("vmCores")],
                        "VMs no larger than a node's \(cloud.coresPerNode) cores", found: "\(largest)")
                }
            }
        }
        return problems
    }

    /// A campaign needs an end or a total; only campaigns take them.
    static func checkCampaign(
        _ action: PlanAction, at here: [PathStep], scenario: ScenarioFile,
        fail: ([PathStep], String, _ found: String) -> Void
    ) {
        if action.action == .network(.cpeCampaign) {
            if action.until == nil && action.total == nil {
                fail(here, "an 'until' month or a 'total' for cpeCampaign (a campaign ends)", "none")
            }
            if let until = action.until, until < action.month {
                fail(
                    here + [.key("until")], "a month from the campaign's start \(action.month) on", "\(until)"
                )
            }
            return
        }
        if action.until != nil {
            fail(here + [.key("until")], "no 'until' (only cpeCampaign takes one)", "a month")
        }
        if let total = action.total {
            fail(here + [.key("total")], "no 'total' (only cpeCampaign takes one)", "\(total)")
        }
    }

    /// A single purchase (a CGN block) must fit in a year's budget, or it
    /// would slip for ever.
    static func checkPurchase(
        _ cost: Double, at path: [PathStep], _ scenario: ScenarioFile,
        _ fail: ([PathStep], String, _ found: String) -> Void
    ) {
        guard let yearly = scenario.budget?.yearlyCapex, cost > yearly else { return }
        fail(
            path,
            "a purchase no dearer than a year's budget (\(Schema.format(yearly))): split it or raise budget.yearlyCapex",
            "one costing \(Schema.approximate(cost))")
    }

    /// Address modules are whole /24 blocks; BNG modules whole BNGs.
    static func checkCapacity(_ scenario: ScenarioFile, fail: ([PathStep], String, _ found: String) -> Void) {
        guard let capacity = scenario.capacity else { return }
        for (name, rule) in [("bngs", capacity.bngs), ("ipv4", capacity.ipv4)] {
            guard let rule else { continue }
            let here: [PathStep] = [.key("capacity"), .key(name), .key("module")]
            if name == "ipv4", rule.module.truncatingRemainder(dividingBy: Double(IPv4Pool.blockSize)) != 0 {
                fail(
                    here, "whole /24 blocks: a multiple of \(IPv4Pool.blockSize) addresses",
                    Schema.format(rule.module))
            }
            if name == "bngs", rule.module != rule.module.rounded() {
                fail(here, "a whole number of BNGs", Schema.format(rule.module))
            }
        }
    }

    /// Each expectation parses; a problem is placed at its column inside the file.
    static func checkExpectations(_ scenario: ScenarioFile, in root: Node, file: String) -> [ScenarioError] {
        var problems: [ScenarioError] = []
        for (index, text) in (scenario.expect ?? []).enumerated() {
            do {
                _ = try Expectation(text)
            } catch {
                let path: [PathStep] = [.key("expect"), .index(index)]
                var location = location(of: path, in: root, file: file)
                if case .scalar(let scalar)? = root[Node("expect")]?[index],
                    scalar.style == .singleQuoted || scalar.style == .doubleQuoted
                {
                    location.column += 1
                }
                location.column += error.column - 1
                problems.append(
                    ScenarioError(
                        location: location, path: render(path), expected: error.expected,
                        found: "'\(PrintableText.escape(text))'"))
            }
        }
        return problems
    }

    enum PathStep {
        case key(String)
        case index(Int)
    }

    static func render(_ path: [PathStep]) -> String {
        var text = ""
        for step in path {
            switch step {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// The line and column of the node at `path`, or of its nearest ancestor that exists.
    static func location(of path: [PathStep], in root: Node, file: String) -> SourceLocation {
        var node = root
        var best = root.mark
        for step in path {
            switch (step, node) {
            case (.key(let key), .mapping(let mapping)):
                guard let pair = mapping.first(where: { $0.key.string == key }) else { break }
                node = pair.value
            case (.index(let index), .sequence(let sequence)) where index < sequence.count:
                node = sequence[index]
            default:
                break
            }
            if let mark = node.mark { best = mark }
        }
        return SourceLocation(file: file, line: best?.line ?? 1, column: best?.column ?? 1)
    }
}
