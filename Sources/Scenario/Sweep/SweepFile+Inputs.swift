extension SweepFile {
    /// Each variant's inputs: its scenario file (the plan's, the base, or the bundled scenario)
    /// with its changes, the sweep's horizon and the compute switch. Every problem of every
    /// variant is reported at once, each change's at its place in the sweep file.
    public func inputs() throws(ScenarioErrors) -> [ScenarioInputs] {
        var problems = Set<ScenarioError>()
        var loaded: [ScenarioInputs] = []
        for variant in variants {
            do throws(ScenarioErrors) {
                let path = variant.scenario ?? base
                var inputs: ScenarioInputs
                if let path {
                    // Read at load; a path set since is read now.
                    var text = scenarioTexts[path]
                    if text == nil { text = try ScenarioLoader.text(path: path) }
                    inputs = try ScenarioLoader.inputs(
                        text: text ?? "", file: path, overrides: variant.overrides)
                } else {
                    inputs = try DefaultScenario.inputs(overrides: variant.overrides)
                }
                if let months { inputs = inputs.limited(to: months) }
                if skipsCompute { inputs = inputs.withoutCompute() }
                loaded.append(inputs)
            } catch {
                problems.formUnion(error.errors)
            }
        }
        if !problems.isEmpty { throw ScenarioErrors(Array(problems)) }
        return loaded
    }

    /// The seed of the runs: the sweep's, else the first variant's scenario's, else 1.
    public func seed(of inputs: [ScenarioInputs]) -> UInt64 {
        seed ?? inputs.first?.central.seed.map(UInt64.init) ?? 1
    }
}
