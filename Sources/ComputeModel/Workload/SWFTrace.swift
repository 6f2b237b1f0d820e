import Foundation
import SimCore

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
    /// and listed in `problems`. A bad `MaxProcs` header always throws: the machine's size is not
    /// a line to skip.
    public init(text: String, file: String = "<trace>", strict: Bool = false) throws(SWFError) {
        jobs = []
        problems = []
        maximumProcessors = nil
        var lineNumber = 0
        var fields: [Substring.UTF8View.SubSequence] = []
        fields.reserveCapacity(18)
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            fields.removeAll(keepingCapacity: true)
            let trimmed = line.drop { $0 == 32 || $0 == 9 || $0 == 13 }
            if trimmed.isEmpty { continue }
            if trimmed.first == UInt8(ascii: ";") {
                try readHeader(Substring(trimmed), file: file, line: lineNumber)
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

    /// Reads the file at `path` and parses it (see `init(text:file:strict:)`). Bytes that are not
    /// UTF-8 (in comments, say) are replaced, not fatal; a number field holding them is a bad line.
    public init(contentsOf path: String, strict: Bool = false) throws(SWFError) {
        let bytes: [UInt8]
        do {
            bytes = try FileContents.bytes(path: path)
        } catch {
            throw SWFError(file: path, line: 0, kind: .unreadable(error.reason))
        }
        try self.init(text: String(decoding: bytes, as: UTF8.self), file: path, strict: strict)
    }

    /// The fields of a job line: their meaning and the values a job may hold there (−1, unknown,
    /// is allowed where `unknown` says so). Times are bounded by a century in seconds, counts by
    /// what a machine or an archive holds, so every job the reader accepts is one the schedulers
    /// run with finite numbers.
    public static let fields: [Field] = [
        Field("job number", 0...1e15, unknown: false),
        Field("submit time", 0...century, unknown: false),
        Field("wait time", 0...century),
        Field("run time", 0...century),
        Field("allocated processors", 0...maximumProcessorCount),
        Field("average CPU time used", 0...century),
        Field("used memory", 0...1e15),
        Field("requested processors", 0...maximumProcessorCount),
        Field("requested time", 0...century),
        Field("requested memory", 0...1e15),
        Field("status", 0...5),
        Field("user id", 0...1e15),
        Field("group id", 0...1e15),
        Field("executable number", 0...1e15),
        Field("queue number", 0...1e15),
        Field("partition number", 0...1e15),
        Field("preceding job number", 0...1e15),
        Field("think time", 0...century),
    ]

    /// A century in seconds: the longest time a trace field may hold.
    public static let century = 100 * 365.25 * 86_400
    /// The most processors a job or the machine (`MaxProcs`) may have.
    public static let maximumProcessorCount = 10_000_000.0

    /// One field of a job line.
    public struct Field: Sendable {
        /// Its name in the format's definition.
        public var name: String
        /// The values a job may hold there.
        public var range: ClosedRange<Double>
        /// Whether −1 (unknown) is allowed.
        public var unknown: Bool

        init(_ name: String, _ range: ClosedRange<Double>, unknown: Bool = true) {
            self.name = name
            self.range = range
            self.unknown = unknown
        }
    }

    /// `jobs` as SWF text: the fields this model knows, −1 for the rest, and a header naming the
    /// machine size when given.
    public static func text(of jobs: [Job], maximumProcessors: Int? = nil, comment: String? = nil) -> String {
        var text = ""
        if let comment { text += "; \(comment)\n" }
        if let maximumProcessors { text += "; MaxProcs: \(maximumProcessors)\n" }
        let number = SWFError.number
        for job in jobs {
            text += "\(job.id) \(number(job.submitTime)) -1 \(number(job.runTime)) \(job.processors) -1 -1 "
            text += "\(job.processors) \(number(job.requestedTime)) -1 1 \(job.user) -1 -1 -1 -1 -1 -1\n"
        }
        return text
    }

    private mutating func readHeader(_ line: Substring, file: String, line number: Int) throws(SWFError) {
        let body = line.drop { $0 == ";" || $0 == " " || $0 == "\t" }
        for key in ["MaxProcs:", "MaxNodes:"] where body.hasPrefix(key) && maximumProcessors == nil {
            let text = body.dropFirst(key.count).trimmingCharacters(in: .whitespaces)
            guard let value = Int(text), value >= 1, Double(value) <= Self.maximumProcessorCount else {
                throw SWFError(
                    file: file, line: number,
                    kind: .badHeader(key: String(key.dropLast()), text: String(text.prefix(40))))
            }
            maximumProcessors = value
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
                    kind: .notANumber(field: index + 1, text: String(String(Substring(field)).prefix(40))))
            }
            let rule = Self.fields[index]
            if !(rule.range.contains(value) || (rule.unknown && value == -1)) {
                throw SWFError(file: file, line: line, kind: .outOfRange(field: index + 1, value: value))
            }
            values[index] = value
        }
        let run = values[3]
        let allocated = values[4]
        let requestedProcessors = values[7]
        let requestedTime = values[8]
        if run == -1 { throw SWFError(file: file, line: line, kind: .unknown(field: 4)) }
        let processors = allocated > 0 ? allocated : requestedProcessors
        if processors <= 0 { throw SWFError(file: file, line: line, kind: .unknown(field: 5)) }
        return Job(
            id: Int(values[0]), submitTime: values[1], runTime: run, processors: Int(processors),
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
        /// A field holds a value outside its range (`SWFTrace.fields`).
        case outOfRange(field: Int, value: Double)
        /// A `MaxProcs` or `MaxNodes` header that is not a machine size.
        case badHeader(key: String, text: String)
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
        case .notANumber(let field, let text):
            return "\(place): field \(field) is not a number: '\(PrintableText.escape(text))'"
        case .outOfRange(let field, let value):
            let rule = SWFTrace.fields[field - 1]
            let unknown = rule.unknown ? " or -1 (unknown)" : ""
            return
                "\(place): field \(field) (\(rule.name)) must be from \(Self.number(rule.range.lowerBound)) "
                + "to \(Self.number(rule.range.upperBound))\(unknown), found \(Self.number(value))"
        case .badHeader(let key, let text):
            return
                "\(place): \(key) must be a whole number from 1 to \(Self.number(SWFTrace.maximumProcessorCount)), "
                + "found '\(PrintableText.escape(text))'"
        case .unknown(let field):
            let name = field == 4 ? "run time" : "processor count (fields 5 and 8)"
            return "\(place): the \(name) is unknown (-1), so the job cannot be simulated"
        case .unreadable(let reason): return "cannot read \(PrintableText.escape(file)): \(reason)"
        }
    }

    /// A number as a person writes it: whole numbers without ".0".
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
