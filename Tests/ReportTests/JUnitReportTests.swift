import Foundation
import Report
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Reads back what an XML parser sees: elements with their attributes and text, in order.
final class XMLReader: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text = ""
    }

    var elements: [Element] = []
    var open: [Int] = []

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append(Element(name: name, attributes: attributes))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let last = open.last { elements[last].text += string }
    }

    func parser(
        _ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?
    ) {
        open.removeLast()
    }

    static func read(_ xml: String) -> [Element]? {
        let reader = XMLReader()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = reader
        return parser.parse() ? reader.elements : nil
    }
}

@Suite("JUnit XML")
struct JUnitReportTests {
    @Test("an XML parser reads back the suite, its counts, and every case's verdict and text")
    func readsBack() throws {
        let report = JUnitReport(
            name: "metro6 run: city <a & b>",
            cases: [
                JUnitReport.Case(name: "month50 <= 2019-12", className: "metro6.run", verdict: .passed),
                JUnitReport.Case(
                    name: "incrementalNPV > 0", className: "metro6.run",
                    verdict: .failed(message: "P50 -3e+06 \"not\" > 0", details: "line one\nline\u{1B} two"),
                    output: "printed"),
                JUnitReport.Case(
                    name: "ra", className: "metro6.probe", verdict: .skipped(reason: "waived: known")),
            ])
        let elements = try #require(XMLReader.read(report.xml))
        #expect(
            elements.map(\.name) == [
                "testsuites", "testsuite", "testcase", "testcase", "failure", "system-out", "testcase",
                "skipped",
            ])
        let suite = elements[1]
        #expect(suite.attributes["name"] == "metro6 run: city <a & b>")
        #expect(suite.attributes["tests"] == "3")
        #expect(suite.attributes["failures"] == "1")
        #expect(suite.attributes["skipped"] == "1")
        #expect(elements[2].attributes["name"] == "month50 <= 2019-12")
        #expect(elements[3].attributes["classname"] == "metro6.run")
        #expect(elements[4].attributes["message"] == "P50 -3e+06 \"not\" > 0")
        // The escape character cannot be in XML 1.0: it is written out, the rest is intact.
        #expect(elements[4].text == "line one\nline\\u{1B} two")
        #expect(elements[5].text == "printed")
        #expect(elements[7].attributes["message"] == "waived: known")
    }
}
