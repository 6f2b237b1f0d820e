import Report

/// A figure of the compute centre as reports show it, declared once for `metro6 run` (over
/// replications) and `metro6 compute` (one schedule): its label, unit and format. Seconds of
/// waiting read as hours; energy in kWh reads as GWh or MWh.
public enum ComputeFigure: Sendable, CaseIterable {
    case jobs, utilization, meanWait, p95Wait, boundedSlowdown, energy
    case cloudRejections, cloudUtilization, gpuUtilization, gpuP95Wait

    /// What a reader calls it.
    public var label: String {
        switch self {
        case .jobs: "jobs"
        case .utilization: "utilisation"
        case .meanWait: "wait, mean"
        case .p95Wait: "wait, P95"
        case .boundedSlowdown: "bounded slowdown (10 s bound)"
        case .energy: "energy"
        case .cloudRejections: "cloud rejections"
        case .cloudUtilization: "cloud utilisation"
        case .gpuUtilization: "GPU utilisation"
        case .gpuP95Wait: "GPU wait, P95"
        }
    }

    /// Its unit for a reader.
    public var unit: String? {
        switch self {
        case .meanWait, .p95Wait, .gpuP95Wait: "h"
        case .energy: "MWh"
        case .cloudRejections: "%"
        default: nil
        }
    }

    /// How its values read (the value itself is in the model's units: seconds, kWh, shares).
    public var format: NumberFormat {
        switch self {
        case .jobs: .count
        case .utilization, .cloudUtilization, .gpuUtilization: .decimals(3)
        case .meanWait, .p95Wait, .gpuP95Wait: NumberFormat(scale: 1.0 / 3_600, decimals: 2)
        case .boundedSlowdown: .decimals(3)
        case .energy: NumberFormat(scale: 1e-3, decimals: 1, grouped: true)
        case .cloudRejections: NumberFormat(scale: 100, decimals: 2)
        }
    }

    /// The facts of the figures `value` gives (nil: the figure does not apply), in this order.
    public static func facts(_ value: (ComputeFigure) -> Value?) -> [Fact] {
        allCases.compactMap { figure in value(figure).map { Fact(figure.label, $0, unit: figure.unit) } }
    }
}
