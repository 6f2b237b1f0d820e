import Foundation

/// A job trace in the Standard Workload Format of the Parallel Workloads Archive: one job per
/// line, 18 whitespace-separated numeric fields, header and comment lines starting with `;`,
/// −1 for unknown values.
///
/// See Feitelson, Tsafrir and Krakov, "Experience with using the Parallel Workloads Archive",
/// JPDC 74(10), 2014, and the archive's format definition.
public struct SWFTrace: Sendable {
    /// The jobs that can be simulated, in trace order.
    public var jobs: [Job]
    /// Lines that were skipped, with why.
    public var problems: [SWFError]
    /// `MaxProcs` (or `MaxNodes`) from the header, when given.
    public var maximumProcessors: Int?

    /// Parses SWF text. With `strict`, the first bad line throws; otherwise bad lines are skipped
    /// and listed in `problems`.
    public init(text: String, file: String = "<trace>", strict: Bool = false) throws(SWFError) {
        jobs = []
        problems = []
        maximumProcessors = nil
        var lineNumber = 0
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            var fields: [Substring.UTF8View.SubSequence] = []
            fields.reserveCapacity(18)
            let trimmed = line.drop { $0 == 32 || $0 == 9 || $0 == 13 }
            if trimmed.isEmpty { continue }
            if trimmed.first == UInt8(ascii: ";") {
                readHeader(Substring(trimmed))
                continue
            }
            for field in trimmed.split(whereSeparator: { $0 == 32 || $0 == 9 || $0 == 13 }) {
                fields.append(field)
            }
            do {
                if let job = try Self.job(from: fields, file: file, line: lineNumber) { jobs.append(job) }
            } catch {
                if strict { throw error }
                problems.append(error)
            }
        }
    }

    /// Reads the file at `path` and parses it (see `init(text:file:strict:)`).
    public init(contentsOf path: String, strict: Bool = false) throws(SWFError) {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SWFError(file: path, line: 0, kind: .unreadable(String(describing: error)))
        }
        try self.init(text: text, file: path, strict: strict)
    }

    /// `jobs` as SWF text: the fields this model knows, −1 for the rest, and a header naming the
    /// machine size when given.
    public static func text(of jobs: [Job], maximumProcessors: Int? = nil, comment: String? = nil) -> String {
        var text = ""
        if let comment { text += "; \(comment)\n" }
        if let maximumProcessors { text += "; MaxProcs: \(maximumProcessors)\n" }
        func number(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }
        for job in jobs {
            text += "\(job.id) \(number(job.submitTime)) -1 \(number(job.runTime)) \(job.processors) -1 -1 "
            text += "\(job.processors) \(number(job.requestedTime)) -1 1 \(job.user) -1 -1 -1 -1 -1 -1\n"
        }
        return text
    }

    private mutating func readHeader(_ line: Substring) {
        let body = line.drop { $0 == ";" || $0 == " " }
        for key in ["MaxProcs:", "MaxNodes:"] where body.hasPrefix(key) && maximumProcessors == nil {
            maximumProcessors = Int(body.dropFirst(key.count).trimmingCharacters(in: .whitespaces))
        }
    }

    private static func job(
        from fields: [Substring.UTF8View.SubSequence], file: String, line: Int
    ) throws(SWFError) -> Job? {
        guard fields.count == 18 else {
            throw SWFError(file: file, line: line, kind: .fieldCount(fields.count))
        }
        var values = [Double](repeating: 0, count: 18)
        for (index, field) in fields.enumerated() {
            guard let value = Double(Substring(field)), value.isFinite else {
                throw SWFError(
                    file: file, line: line,
                    kind: .notANumber(field: index + 1, text: String(Substring(field))))
            }
            values[index] = value
        }
        let submit = values[1]
        let run = values[3]
        let allocated = values[4]
        let requestedProcessors = values[7]
        let requestedTime = values[8]
        if submit < 0 { throw SWFError(file: file, line: line, kind: .negative(field: 2, value: submit)) }
        if run < 0 && run != -1 {
            throw SWFError(file: file, line: line, kind: .negative(field: 4, value: run))
        }
        if run == -1 { throw SWFError(file: file, line: line, kind: .unknown(field: 4)) }
        let processors = allocated > 0 ? allocated : requestedProcessors
        if processors <= 0 { throw SWFError(file: file, line: line, kind: .unknown(field: 5)) }
        if requestedTime < 0 && requestedTime != -1 {
            throw SWFError(file: file, line: line, kind: .negative(field: 9, value: requestedTime))
        }
        return Job(
            id: Int(values[0]), submitTime: submit, runTime: run, processors: Int(processors),
            requestedTime: requestedTime >= 0 ? requestedTime : run, user: Int(values[11]))
    }
}

/// A line of an SWF trace that cannot be simulated.
public struct SWFError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong with the line.
    public enum Kind: Sendable, Hashable {
        /// The line does not have 18 fields.
        case fieldCount(Int)
        /// A field is not a number.
        case notANumber(field: Int, text: String)
        /// A time that must be ≥ 0 (or −1 for unknown) is negative.
        case negative(field: Int, value: Double)
        /// A field the simulation needs is −1 (unknown).
        case unknown(field: Int)
        /// The file could not be read.
        case unreadable(String)
    }

    /// The trace file.
    public var file: String
    /// The 1-based line number (0 for the whole file).
    public var line: Int
    /// What is wrong.
    public var kind: Kind

    /// The problem `kind` at `line` of `file`.
    public init(file: String, line: Int, kind: Kind) {
        self.file = file
        self.line = line
        self.kind = kind
    }

    public var description: String {
        let place = line > 0 ? "\(file):\(line)" : file
        switch kind {
        case .fieldCount(let count): return "\(place): expected 18 fields, found \(count)"
        case .notANumber(let field, let text): return "\(place): field \(field) is not a number: '\(text)'"
        case .negative(let field, let value):
            return "\(place): field \(field) is negative (\(value)); use -1 for unknown"
        case .unknown(let field):
            let name = field == 4 ? "run time" : "processor count (fields 5 and 8)"
            return "\(place): the \(name) is unknown (-1), so the job cannot be simulated"
        case .unreadable(let reason): return "\(place): cannot read the trace: \(reason)"
        }
    }
}
