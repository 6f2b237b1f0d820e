import Foundation

/// How a number is shown to a reader: scaled (a share as a percentage, money in millions), with a
/// fixed number of decimals, thousands grouped. Machine formats (CSV, JSON) keep the raw value.
public struct NumberFormat: Sendable, Hashable {
    /// The factor the value is multiplied by before it is shown (100 for a percentage).
    public var scale: Double
    /// Decimals shown.
    public var decimals: Int
    /// Whether thousands are separated by commas.
    public var grouped: Bool

    /// A format; see the properties.
    public init(scale: Double = 1, decimals: Int = 0, grouped: Bool = false) {
        self.scale = scale
        self.decimals = decimals
        self.grouped = grouped
    }

    /// Whole numbers, thousands grouped (subscribers, addresses).
    public static let count = NumberFormat(grouped: true)
    /// Whole numbers as they are (months, years).
    public static let integer = NumberFormat()
    /// A share as a percentage with one decimal (0.253 -> 25.3).
    public static let percent = NumberFormat(scale: 100, decimals: 1)
    /// A ratio with two decimals (utilisation: 1.00 is full).
    public static let ratio = NumberFormat(decimals: 2)
    /// Money in millions with one decimal.
    public static let millions = NumberFormat(scale: 1e-6, decimals: 1)

    /// A format with `decimals` decimals and no scaling.
    public static func decimals(_ decimals: Int) -> NumberFormat { NumberFormat(decimals: decimals) }

    /// `value` as a reader sees it.
    public func string(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "-" : (value > 0 ? "inf" : "-inf") }
        var text = String(format: "%.\(decimals)f", value * scale)
        if text.hasPrefix("-") && Double(text) == 0 { text.removeFirst() }
        return grouped ? Self.group(text) : text
    }

    /// `text` (a formatted number) with commas between thousands of its whole part.
    static func group(_ text: String) -> String {
        let sign = text.hasPrefix("-") ? "-" : ""
        let body = text.dropFirst(sign.count)
        let whole = body.prefix { $0 != "." }
        var digits = ""
        for (index, digit) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { digits.append(",") }
            digits.append(digit)
        }
        return sign + digits + body.dropFirst(whole.count)
    }

    /// A value at full precision for machines: integers without a decimal point, others as
    /// Swift prints them (shortest text that reads back to the same number).
    public static func exact(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : value.description
    }
}
