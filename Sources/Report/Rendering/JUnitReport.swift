/// A test report in the JUnit XML format that GitLab, Jenkins and GitHub's test reporters read:
/// one suite, a test case per expectation or readiness check, failures with their message and
/// evidence, skipped cases with their reason.
public struct JUnitReport: Sendable, Hashable {
    /// One test case.
    public struct Case: Sendable, Hashable {
        /// How it ended.
        public enum Verdict: Sendable, Hashable {
            case passed
            /// Failed: a one-line message and the evidence.
            case failed(message: String, details: String)
            /// Not judged or waived, with why.
            case skipped(reason: String)
        }

        /// The case's name (an expression, a check's id).
        public var name: String
        /// Its class name, grouping cases in a reporter (`metro6.run`, `metro6.probe`).
        public var className: String
        /// How it ended.
        public var verdict: Verdict
        /// What the case printed, kept as the case's system-out.
        public var output: String?

        /// A case; see the properties.
        public init(name: String, className: String, verdict: Verdict, output: String? = nil) {
            self.name = name
            self.className = className
            self.verdict = verdict
            self.output = output
        }
    }

    /// The suite's name (the command and its input).
    public var name: String
    /// The cases, in order.
    public var cases: [Case]

    /// A suite named `name` of `cases`.
    public init(name: String, cases: [Case]) {
        self.name = name
        self.cases = cases
    }

    /// The XML document.
    public var xml: String { Self.document([self]) }

    /// One XML document holding `suites` (several scenarios' gates, say).
    public static func document(_ suites: [JUnitReport]) -> String {
        let tests = suites.map(\.cases.count).reduce(0, +)
        let failures = suites.map(\.failures).reduce(0, +)
        let skipped = suites.map(\.skipped).reduce(0, +)
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<testsuites tests=\"\(tests)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">\n"
            + suites.map(\.suiteElement).joined() + "</testsuites>\n"
    }

    private var failures: Int { cases.filter { if case .failed = $0.verdict { true } else { false } }.count }
    private var skipped: Int { cases.filter { if case .skipped = $0.verdict { true } else { false } }.count }

    /// The `<testsuite>` element.
    private var suiteElement: String {
        var text =
            "  <testsuite name=\"\(Markup.escape(name))\" tests=\"\(cases.count)\" failures=\"\(failures)\" "
            + "errors=\"0\" skipped=\"\(skipped)\">\n"
        for item in cases {
            text +=
                "    <testcase name=\"\(Markup.escape(item.name))\" classname=\"\(Markup.escape(item.className))\""
            let output = item.output.map { "      <system-out>\(Markup.escape($0))</system-out>\n" } ?? ""
            switch item.verdict {
            case .passed where output.isEmpty:
                text += "/>\n"
                continue
            case .passed:
                text += ">\n"
            case .failed(let message, let details):
                text +=
                    ">\n      <failure message=\"\(Markup.escape(message))\">\(Markup.escape(details))</failure>\n"
            case .skipped(let reason):
                text += ">\n      <skipped message=\"\(Markup.escape(reason))\"/>\n"
            }
            text += output + "    </testcase>\n"
        }
        return text + "  </testsuite>\n"
    }
}
