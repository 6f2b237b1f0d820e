import Foundation
import Runner
import Scenario
import Testing

/// `metro6 calibrate`'s search: it recovers parameters that made the figures it is given.
@Suite("Calibration")
struct CalibrationTests {
    /// One large district (1M lines, little sampling noise), everything ready but the content,
    /// IPv6 switched on (opt-out) in 2013-01.
    static func city(contentP: String, contentQ: String, switchOn: String) -> String {
        """
        name: Calibration city
        start: 2011-01
        months: 60
        seed: 3
        districts:
          - name: D
            subscribers: {xdsl: 600000, xpon: 200000, lan: 200000}
            accessNodes:
              xdsl: {nodes: 1000, ready: 0, upgradable: 0, pppoe: true}
              xpon: {nodes: 100, ready: 100, upgradable: 0}
              lan: {nodes: 5000, ready: 0, upgradable: 0, pppoe: true}
            bngs: {count: 10, ready: 10}
            uplinkGbps: 100000
        cpe: {capableShare: 0.8, newCapableShare: 0.8, lifetimeShape: 2.5, lifetimeScaleMonths: 72, meanAgeMonths: 30}
        adoption: {p: 0.01, q: 0.1}
        content: {p: \(contentP), q: \(contentQ)}   # the content shift
        addressing: {publicIPv4: 2000000, ipv4Price: 11, portsPerSubscriber: 1000, cgnatGbps: 100}
        traffic: {busyHourMbps: 1.5, yearlyGrowth: 0.35}
        costs:
          bngUpgrade: 1
          accessNodeUpgrade: 1
          accessNodeReplacement: 1
          cpe: 1
          truckRoll: 1
          cgnatPerGbps: 1
          opexPerSubscriberMonth: 1
          cgnatOpexPerSubscriberYear: 1
        plan:
          - {month: \(switchOn), action: switchOnIPv6, mode: dualStack}
        """
    }

    @Test("synthetic figures from known p, q and switch-on month are fitted back within 10% and a month")
    func recovers() throws {
        let truth = try ScenarioLoader.load(
            text: Self.city(contentP: "0.02", contentQ: "0.4", switchOn: "2013-01"), file: "truth.yaml")
        let run = RunResult(scenario: truth, seed: 3, replications: 1).results[0].months
        var points: [Actuals.Point] = []
        // Traffic every six months; the enabled share monthly through 2012 and 2013.
        for month in stride(from: 5, to: 60, by: 6) {
            points.append(
                .init(
                    month: truth.start.adding(months: month), metric: .fixedIPv6TrafficShare,
                    value: run[month].ipv6TrafficShare, kind: .actual, source: "synthetic", tolerance: 0.005))
        }
        for month in 12..<36 {
            points.append(
                .init(
                    month: truth.start.adding(months: month), metric: .ipv6EnabledShare,
                    value: Double(run[month].ipv6EnabledSubscribers) / Double(run[month].subscribers),
                    kind: .actual, source: "synthetic", tolerance: 0.01))
        }
        let start = Self.city(contentP: "0.03", contentQ: "0.3", switchOn: "2013-05")
        let calibration = try Calibration(
            text: start, file: "city.yaml", actuals: Actuals(points: points), actualsFile: "synthetic",
            fit: ["content.p", "content.q", "plan[0].month"], seed: 3, replications: 1)
        let fitted = Dictionary(
            uniqueKeysWithValues: calibration.fitted.map { ($0.parameter.path, $0.after) })
        #expect(abs(fitted["content.p"]! / 0.02 - 1) < 0.1, "\(fitted)")
        #expect(abs(fitted["content.q"]! / 0.4 - 1) < 0.1, "\(fitted)")
        #expect(abs(fitted["plan[0].month"]! - 24) <= 1, "\(fitted)")
        #expect(calibration.errorAfter < calibration.errorBefore / 100)
        // The fitted file keeps its comments and loads with the fitted values.
        #expect(calibration.text.contains("# the content shift"))
        #expect(calibration.text.hasPrefix("# Calibrated by metro6 calibrate against synthetic"))
        let reloaded = try ScenarioLoader.load(text: calibration.text, file: "fitted.yaml")
        #expect(abs(reloaded.content.q - fitted["content.q"]!) < 1e-3 * fitted["content.q"]!)
    }

    @Test("a path that names no single number is an error naming the path")
    func badPath() {
        let text = Self.city(contentP: "0.02", contentQ: "0.4", switchOn: "2013-01")
        for path in ["content.r", "districts[3].uplinkGbps", "content", "plan[0].mode"] {
            #expect(throws: ScenarioErrors.self, "\(path)") {
                _ = try FitParameter.resolve(path, text: text, file: "city.yaml")
            }
        }
        let month = try? FitParameter.resolve("plan[0].month", text: text, file: "city.yaml")
        #expect(month?.value == 24 && month?.written(30) == "2013-07")
    }
}
