import Foundation
import Scenario
import Testing

/// Sweep files: plans × grid points × replications, every problem at its line and column.
@Suite("Sweep files")
struct SweepLoaderTests {
    /// A sweep file's place beside the tiny scenarios, so `base: two-districts.yaml` resolves.
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Scenarios/tiny/test-sweep.yaml").path

    static let valid = """
        name: budgets
        base: two-districts.yaml
        seed: 11
        replications: 3
        set:
          months: 12
        plans:
          - name: dslite
          - name: dual-stack
            set:
              plan[2].mode: dualStackCGNAT
        grid:
          budget.yearlyCapex: [50000, 100000, 200000]
          budget.visitsPerMonth: [100, 400]
        """

    /// The one message loading `text` (then its variants' scenarios) gives.
    func problem(_ text: String) -> String {
        do {
            _ = try SweepLoader.load(text: text, file: Self.file).inputs()
            return "no problem"
        } catch {
            return error.description
        }
    }

    @Test("variants are plans × grid points, the first grid key slowest; runs are replication-major")
    func variants() throws {
        let sweep = try SweepLoader.load(text: Self.valid, file: Self.file)
        #expect(sweep.name == "budgets" && sweep.seed == 11 && sweep.replications == 3)
        #expect(sweep.variants.count == 2 * 3 * 2 && sweep.runs == 36)
        #expect(
            sweep.variants.prefix(3).map(\.name) == [
                "dslite budget.yearlyCapex=50000 budget.visitsPerMonth=100",
                "dslite budget.yearlyCapex=50000 budget.visitsPerMonth=400",
                "dslite budget.yearlyCapex=100000 budget.visitsPerMonth=100",
            ])
        #expect(sweep.variants[6].plan == "dual-stack")
        // The sweep's changes first, then the plan's, then the grid point's.
        #expect(
            sweep.variants[6].overrides.map(\.description) == [
                "months=12", "plan[2].mode=dualStackCGNAT", "budget.yearlyCapex=50000",
                "budget.visitsPerMonth=100",
            ])
        #expect(sweep.position(of: 13) == (variant: 1, replication: 1))
        #expect(sweep.run(variant: 1, replication: 1) == 13)
        #expect(
            sweep.base == Self.file.replacingOccurrences(of: "test-sweep.yaml", with: "two-districts.yaml"))

        let inputs = try sweep.inputs()
        #expect(inputs.count == 12)
        #expect(inputs[6].central.months == 12)
        #expect(inputs[6].central.plan?[2].mode?.rawValue == "dualStackCGNAT")
        #expect(inputs[0].central.plan?[2].mode?.rawValue == "dsLite")
        #expect(
            inputs[3].central.budget?.yearlyCapex == 100_000
                && inputs[3].central.budget?.visitsPerMonth == 400)
        #expect(sweep.seed(of: inputs) == 11)
    }

    @Test("without plans the base is the one plan; without a seed the scenario's; the name from the file")
    func defaults() throws {
        let sweep = try SweepLoader.load(text: "base: two-districts.yaml\nreplications: 2\n", file: Self.file)
        #expect(sweep.name == "test-sweep" && sweep.variants.map(\.name) == ["base"])
        #expect(sweep.seed(of: try sweep.inputs()) == 7)
    }

    @Test("the identity changes with the sweep file and with a scenario it reads, not otherwise")
    func identity() throws {
        let one = try SweepLoader.load(text: Self.valid, file: Self.file).identity
        #expect(one == (try SweepLoader.load(text: Self.valid, file: Self.file).identity))
        #expect(one.count == 16)
        let edited = Self.valid.replacingOccurrences(of: "replications: 3", with: "replications: 4")
        #expect(one != (try SweepLoader.load(text: edited, file: Self.file).identity))
        let otherBase = Self.valid.replacingOccurrences(of: "two-districts.yaml", with: "every-section.yaml")
        #expect(one != (try SweepLoader.load(text: otherBase, file: Self.file).identity))
    }

    @Test("problems name the sweep file's line and column and what was expected")
    func problems() {
        let at = Self.file
        #expect(
            problem("replications: 2\nplanz: []\n")
                == "\(at):2:1: expected one of the keys name, base, seed, replications, months, skip, set, plans, grid, found 'planz'"
        )
        #expect(
            problem("base: two-districts.yaml\n")
                == "\(at):1:1: replications: expected a whole number of replications")
        #expect(
            problem("base: two-districts.yaml\nreplications: 0\n")
                == "\(at):2:15: replications: expected a whole number from 1 to 100000, found 0")
        #expect(
            problem("base: two-districts.yaml\nreplications: 2\ngrid:\n  budget.yearlyCapex: 5\n")
                == "\(at):4:23: grid.budget.yearlyCapex: expected a list of at least one value, found '5'")
        #expect(
            problem("base: two-districts.yaml\nreplications: 2\nplans:\n  - name: a\n  - name: a\n")
                == "\(at):5:11: plans[1].name: expected a name no other plan has, found 'a' again")
        // A path that is not one: the column inside the key, once however many values it has.
        #expect(
            problem("base: two-districts.yaml\nreplications: 2\ngrid:\n  budget..yearlyCapex: [1, 2, 3]\n")
                == "\(at):4:10: expected a key (letters, digits, '_' or '-'), found '.'")
    }

    @Test("a value the scenario refuses is reported at the value in the sweep file, once")
    func scenarioProblems() {
        let text = """
            base: two-districts.yaml
            replications: 2
            plans:
              - name: a
              - name: b
            grid:
              budget.yearlyCapex: [100, -5]
            """
        #expect(
            problem(text)
                == "\(Self.file):7:29: budget.yearlyCapex: expected a number from 0 to 1000000000000000 (currency), found -5"
        )
        #expect(
            problem("base: two-districts.yaml\nreplications: 2\nset:\n  plan[9].month: 2012-01\n")
                .hasPrefix(
                    "\(Self.file):4:3: expected an index of plan (it has 4 entries, 0 to 3), found [9]"))
    }

    @Test("every example sweep in Scenarios/ loads with every variant's scenario")
    func examples() throws {
        let folder = URL(fileURLWithPath: Self.file).deletingLastPathComponent().deletingLastPathComponent()
        let sweeps = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
            $0.contains("sweep") && $0.hasSuffix(".yaml")
        }
        #expect(sweeps.count >= 2)
        for name in sweeps {
            let sweep = try SweepLoader.load(path: folder.appendingPathComponent(name).path)
            #expect(try sweep.inputs().count == sweep.variants.count)
        }
    }

    @Test("a base that does not exist is named with the path resolved from the sweep file")
    func missingBase() {
        let message = problem("base: nowhere.yaml\nreplications: 2\n")
        #expect(
            message.hasPrefix(Self.file.replacingOccurrences(of: "test-sweep.yaml", with: "nowhere.yaml:1:1"))
        )
    }
}
