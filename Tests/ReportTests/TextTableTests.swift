import Report
import Testing

@Suite("Text tables")
struct TextTableTests {
    @Test("columns as wide as their widest cell, numbers right, named columns left, no trailing blanks")
    func layout() {
        let text = TextTable.render(
            header: ["rank", "plan", "value", "mark"],
            rows: [["1", "a long name", "12", "*"], ["10", "b", "3", ""]],
            leftAligned: [1, 3])
        #expect(
            text == """
                rank  plan         value  mark
                   1  a long name     12  *
                  10  b                3

                """)
    }
}
