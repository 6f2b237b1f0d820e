/// Text from an input file made safe for a terminal: control characters (escape sequences,
/// carriage returns, bells) are written as Swift escapes instead of being sent raw.
public enum PrintableText {
    /// `text` with every control character escaped (`\n`, `\r`, `\t`, `\u{1B}`, …).
    public static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where isControl(scalar):
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return scalar != "\u{200D}"
        default: return false
        }
    }
}
