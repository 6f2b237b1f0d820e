/// The bundled default scenario, Shenzhen from May 2011 (`Scenarios/shenzhen-2011.yaml`),
/// embedded in the binary so `metro6 run` works from any directory.
public enum DefaultScenario {
    /// The name messages use for the embedded file.
    public static let fileName = "shenzhen-2011.yaml (bundled)"

    /// The scenario's text.
    public static var text: String { String(decoding: PackageResources.shenzhen_2011_yaml, as: UTF8.self) }

    /// The scenario, loaded (distributions at their central values).
    public static func load() throws(ScenarioErrors) -> ScenarioFile {
        try ScenarioLoader.load(text: text, file: fileName)
    }

    /// The scenario in `file`, or this one when `file` is nil (the commands' default), with its
    /// distributions and `overrides`.
    public static func inputs(orFile file: String?, overrides: [ScenarioOverride] = []) throws(ScenarioErrors)
        -> ScenarioInputs
    {
        guard let file else { return try inputs(overrides: overrides) }
        return try ScenarioLoader.inputs(path: file, overrides: overrides)
    }

    /// The scenario with its distributions, to draw from per replication, with `overrides`.
    public static func inputs(overrides: [ScenarioOverride] = []) throws(ScenarioErrors) -> ScenarioInputs {
        try ScenarioLoader.inputs(text: text, file: fileName, overrides: overrides)
    }
}
