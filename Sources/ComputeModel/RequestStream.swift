import RealModule
import SimCore

/// One service's VM requests in time order: a non-homogeneous Poisson process with the service's
/// growing, daily-cycling rate, drawn by thinning (Lewis and Shedler 1979) with a bound per
/// year. A candidate that would cross into the next year is replaced by a fresh draw from the
/// year's start at the next bound, which the exponential's lack of memory makes exact.
///
/// Requests are drawn one ahead, outside the event calendar, so rejected candidates cost no
/// calendar operations; each service has a random stream of its own.
struct RequestStream {
    let service: CloudService
    private var generator: Xoshiro256StarStar
    private var bounds: [Double] = []
    /// The next request's time (infinity when the rate is 0).
    private(set) var next = 0.0

    /// The stream of `service` drawing from `generator`, positioned at its first request.
    init(service: CloudService, generator: Xoshiro256StarStar) {
        self.service = service
        self.generator = generator
        advance()
    }

    /// The bound of the rate over year `year` (cached: one `pow` a year, not one a candidate).
    private mutating func bound(year: Int) -> Double {
        while bounds.count <= year {
            bounds.append(service.peakRate(inYearOf: Double(bounds.count) * CloudSimulation.secondsPerYear))
        }
        return bounds[year]
    }

    /// Moves `next` to the following request.
    mutating func advance() {
        var time = next
        while true {
            let year = Int(time / CloudSimulation.secondsPerYear)
            let peak = bound(year: year)
            guard peak > 0 else {
                next = .infinity
                return
            }
            let yearEnd = Double(year + 1) * CloudSimulation.secondsPerYear
            let candidate = time + Exponential(rate: peak).sample(using: &generator)
            if candidate >= yearEnd {
                time = yearEnd
                continue
            }
            time = candidate
            if generator.nextUnitInterval() * peak <= service.rate(at: time) {
                next = time
                return
            }
        }
    }
}
