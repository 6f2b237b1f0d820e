import RealModule
import SimCore

/// A public service that asks the cloud for virtual machines (government, transport, health).
public struct CloudService: Sendable, Hashable, Codable {
    /// The service's name, as reports show it.
    public var name: String
    /// Mean VM requests per hour at time 0 (averaged over the day).
    public var requestsPerHour: Double
    /// Yearly growth of the request rate: 0.3 means +30% a year, compounded continuously.
    public var yearlyGrowth: Double
    /// Relative amplitude of the daily cycle, in [0, 1): the rate peaks at 1 + amplitude times
    /// the mean in the day's first half (sine-shaped, 6 h after midnight).
    public var dailyAmplitude: Double
    /// VM sizes in cores; each request picks one uniformly.
    public var vmCores: [Int]
    /// Mean VM lifetime in hours (exponential).
    public var meanLifetimeHours: Double

    /// A service; see the properties for units.
    public init(
        name: String, requestsPerHour: Double, yearlyGrowth: Double = 0, dailyAmplitude: Double = 0,
        vmCores: [Int], meanLifetimeHours: Double
    ) {
        self.name = name
        self.requestsPerHour = requestsPerHour
        self.yearlyGrowth = yearlyGrowth
        self.dailyAmplitude = dailyAmplitude
        self.vmCores = vmCores
        self.meanLifetimeHours = meanLifetimeHours
    }

    /// The problems that make this service unsimulatable, as sentences; empty when valid.
    public var problems: [String] {
        var found: [String] = []
        if !(requestsPerHour >= 0) || !requestsPerHour.isFinite {
            found.append("\(name): requests per hour must be ≥ 0")
        }
        if !(yearlyGrowth > -1) || !yearlyGrowth.isFinite {
            found.append("\(name): yearly growth must be > -1")
        }
        if !(0..<1).contains(dailyAmplitude) {
            found.append("\(name): the daily amplitude must be in [0, 1)")
        }
        if vmCores.isEmpty || vmCores.contains(where: { $0 < 1 }) {
            found.append("\(name): VM sizes must be ≥ 1 core")
        }
        if !(meanLifetimeHours > 0) || !meanLifetimeHours.isFinite {
            found.append("\(name): the mean lifetime must be > 0")
        }
        return found
    }

    /// The expected number of requests before `horizon` (seconds).
    public func expectedRequests(horizon: Double) -> Double {
        requestsPerHour / 3_600 * SyntheticWorkload.integratedGrowth(yearlyGrowth, over: horizon)
    }

    /// The request rate per second at time `t` seconds.
    func rate(at t: Double) -> Double {
        let growth = Double.exp(t * Double.log(onePlus: yearlyGrowth) / CloudSimulation.secondsPerYear)
        return requestsPerHour / 3_600 * growth
            * (1 + dailyAmplitude * Double.sin(2 * Double.pi * t / 86_400))
    }

    /// An upper bound of `rate` over the year (from 0) that contains `t`.
    func peakRate(inYearOf t: Double) -> Double {
        let year = (t / CloudSimulation.secondsPerYear).rounded(.down)
        let growth = Swift.max(Double.pow(1 + yearlyGrowth, year), Double.pow(1 + yearlyGrowth, year + 1))
        return requestsPerHour / 3_600 * growth * (1 + dailyAmplitude)
    }
}

/// What happens to a VM request that finds no node with room.
public enum CloudAdmission: String, Sendable, Hashable, Codable, CaseIterable {
    /// It is refused and counted.
    case reject
    /// It waits in first-come first-served order (the head blocks those behind it).
    case wait
}

/// The cloud partition serving the services' VM requests, placed first-fit on nodes.
public struct CloudSimulation: Sendable, Hashable {
    /// Seconds in a year of 365.25 days.
    public static let secondsPerYear = 365.25 * 86_400

    /// Nodes in the partition.
    public var nodes: Int
    /// Cores per node.
    public var coresPerNode: Int
    /// The services asking for VMs.
    public var services: [CloudService]
    /// What a request that does not fit does.
    public var admission: CloudAdmission
    /// Nodes added at given times (seconds), like the HPC partition's expansions.
    public var expansions: [Expansion]
    /// The length of a reporting year, seconds (the yearly figures).
    public var yearLength: Double

    /// A partition of `nodes` × `coresPerNode` cores serving `services`, growing by
    /// `expansions` (`processors` counts nodes here).
    public init(
        nodes: Int, coresPerNode: Int, services: [CloudService], admission: CloudAdmission,
        expansions: [Expansion] = [], yearLength: Double = Self.secondsPerYear
    ) {
        self.nodes = nodes
        self.coresPerNode = coresPerNode
        self.services = services
        self.admission = admission
        self.expansions = expansions.sorted { $0.time < $1.time }
        self.yearLength = yearLength
    }

    /// The problems that make this partition unsimulatable, as sentences; empty when valid.
    public var problems: [String] {
        var found = services.flatMap(\.problems)
        if nodes < 1 || coresPerNode < 1 { found.append("the cloud needs at least one node of one core") }
        for service in services where service.vmCores.contains(where: { $0 > coresPerNode }) {
            found.append("\(service.name): a VM is larger than a node (\(coresPerNode) cores)")
        }
        return found
    }

    enum Event {
        case departure(node: Int, cores: Int)
        case expansion(nodes: Int)
    }

    /// Simulates `horizon` seconds from replication `replication` of `seed`.
    public func run(horizon: Double, seed: UInt64, replication: Int = 0) -> CloudResult {
        precondition(problems.isEmpty, problems.joined(separator: "; "))
        let streams = RandomStreams(seed: seed)
        var shapes = streams.generator(replication: replication, stream: 1)
        var requests = services.indices.map {
            RequestStream(
                service: services[$0], generator: streams.generator(replication: replication, stream: 2 + $0))
        }
        var simulation = Simulation<LadderQueueCalendar<Event>>()
        var free = FirstFitNodes(count: nodes, cores: coresPerNode)
        var waiting: [(service: Int, cores: Int, lifetime: Double, since: Double)] = []
        var waitingHead = 0
        var perService = [CloudServiceResult](repeating: CloudServiceResult(), count: services.count)
        var busy = TimeWeightedAverage(value: 0, at: 0)
        var busyCores = 0
        var waits = RunningMoments()
        var years = [CloudYear](
            repeating: CloudYear(), count: Swift.max(1, Int((horizon / yearLength).rounded(.up))))
        func year(of t: Double) -> Int { Swift.min(years.count - 1, Int(t / yearLength)) }
        for expansion in expansions where expansion.time < horizon {
            simulation.schedule(.expansion(nodes: expansion.processors), at: SimTime(expansion.time))
        }
        var capacity = TimeWeightedAverage(value: Double(nodes * coresPerNode), at: 0)
        var cores = nodes * coresPerNode
        func place(_ cores: Int) -> Int? {
            free.first(fitting: cores)
        }
        func start(service: Int, cores: Int, lifetime: Double, node: Int, now: SimTime) {
            free.adjust(node, by: -cores)
            busyCores += cores
            busy.record(Double(busyCores), at: now.value)
            simulation.schedule(.departure(node: node, cores: cores), at: now + lifetime)
            perService[service].accepted += 1
        }
        func startWaiting(now: SimTime) {
            while waitingHead < waiting.count, let node = place(waiting[waitingHead].cores) {
                let request = waiting[waitingHead]
                waitingHead += 1
                waits.add(now.value - request.since)
                start(
                    service: request.service, cores: request.cores, lifetime: request.lifetime, node: node,
                    now: now)
            }
            if waitingHead > 4_096 && waitingHead * 2 > waiting.count {
                waiting.removeFirst(waitingHead)
                waitingHead = 0
            }
        }
        func request(_ index: Int, at now: SimTime) {
            let service = services[index]
            perService[index].requests += 1
            years[year(of: now.value)].requests += 1
            let size = service.vmCores[Int(shapes.next(upperBound: UInt64(service.vmCores.count)))]
            let lifetime = Exponential(mean: service.meanLifetimeHours * 3_600).sample(using: &shapes)
            if waitingHead == waiting.count, let node = place(size) {
                waits.add(0)
                start(service: index, cores: size, lifetime: lifetime, node: node, now: now)
            } else if admission == .wait {
                waiting.append((index, size, lifetime, now.value))
            } else {
                perService[index].rejected += 1
                years[year(of: now.value)].rejected += 1
            }
        }
        while true {
            // The next request (the earliest of the services'), unless an event comes first.
            var first = 0
            for index in requests.indices where requests[index].next < requests[first].next { first = index }
            let arrival = requests.isEmpty ? Double.infinity : requests[first].next
            let eventTime = simulation.nextEventTime()?.value ?? .infinity
            if arrival < eventTime {
                guard arrival < horizon else { break }
                simulation.advance(to: SimTime(arrival))
                requests[first].advance()
                request(first, at: SimTime(arrival))
                continue
            }
            guard let (now, event) = simulation.nextEvent(until: SimTime(horizon)) else { break }
            switch event {
            case .expansion(let added):
                free.grow(by: added, cores: coresPerNode)
                cores += added * coresPerNode
                capacity.record(Double(cores), at: now.value)
                busy.record(Double(busyCores), at: now.value)
                startWaiting(now: now)
            case .departure(let node, let cores):
                free.adjust(node, by: cores)
                busyCores -= cores
                busy.record(Double(busyCores), at: now.value)
                startWaiting(now: now)
            }
        }
        for index in perService.indices { perService[index].name = services[index].name }
        return CloudResult(
            services: perService, stillWaiting: waiting.count - waitingHead,
            utilization: busy.average(until: horizon) / capacity.average(until: horizon),
            meanWait: waits.mean,
            startedRequests: waits.count, years: years, finalNodes: free.count)
    }
}

/// One service's requests in a cloud simulation.
public struct CloudServiceResult: Sendable, Hashable, Codable {
    /// The service's name.
    public var name = ""
    /// Requests made.
    public var requests = 0
    /// Requests that got a VM.
    public var accepted = 0
    /// Requests refused (admission `reject`).
    public var rejected = 0
}

/// The outcome of a cloud simulation.
public struct CloudResult: Sendable, Hashable, Codable {
    /// Per service, in the order given.
    public var services: [CloudServiceResult]
    /// Requests still waiting at the horizon (admission `wait`).
    public var stillWaiting: Int
    /// Time-averaged busy cores over all cores.
    public var utilization: Double
    /// Mean wait of the requests that started, seconds (0 under `reject`).
    public var meanWait: Double
    /// Requests that started.
    public var startedRequests: Int
    /// Requests and rejections per reporting year.
    public var years: [CloudYear]
    /// Nodes at the horizon (after expansions).
    public var finalNodes: Int

    /// Rejected over requested, all services together.
    public var rejectionRate: Double {
        let requests = services.reduce(0) { $0 + $1.requests }
        return requests > 0 ? Double(services.reduce(0) { $0 + $1.rejected }) / Double(requests) : 0
    }
}

/// A year of cloud requests.
public struct CloudYear: Sendable, Hashable, Codable {
    /// Requests made in the year.
    public var requests = 0
    /// Requests refused in it.
    public var rejected = 0

    /// Rejected over requested (0 without requests).
    public var rejectionRate: Double { requests > 0 ? Double(rejected) / Double(requests) : 0 }
}
