/// The three ways subscribers are connected in a broadband metro network.
public enum AccessTechnology: String, Sendable, Hashable, Codable, CaseIterable {
    /// Copper: ADSL2+ / VDSL2 lines on DSLAM ports.
    case xdsl
    /// Fibre: GPON / EPON lines on OLT PON ports.
    case xpon
    /// FTTB + LAN: Ethernet from building switches.
    case lan
}

/// One value per access technology.
public struct PerTechnology<Value: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    /// Copper: ADSL2+ and VDSL2 lines on DSLAMs.
    public var xdsl: Value
    /// Fibre: GPON/EPON lines on OLT PON ports.
    public var xpon: Value
    /// FTTB + LAN: Ethernet from building switches.
    public var lan: Value

    /// Values for the three technologies.
    public init(xdsl: Value, xpon: Value, lan: Value) {
        self.xdsl = xdsl
        self.xpon = xpon
        self.lan = lan
    }

    /// The value for `technology`.
    public subscript(technology: AccessTechnology) -> Value {
        get {
            switch technology {
            case .xdsl: xdsl
            case .xpon: xpon
            case .lan: lan
            }
        }
        set {
            switch technology {
            case .xdsl: xdsl = newValue
            case .xpon: xpon = newValue
            case .lan: lan = newValue
            }
        }
    }

    /// The three values transformed by `transform`.
    public func map<T>(_ transform: (Value) -> T) -> PerTechnology<T> {
        PerTechnology<T>(xdsl: transform(xdsl), xpon: transform(xpon), lan: transform(lan))
    }
}

extension PerTechnology where Value: AdditiveArithmetic {
    /// The sum over the technologies.
    public var total: Value { xdsl + xpon + lan }
}
