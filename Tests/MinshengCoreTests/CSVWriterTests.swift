import Testing

@testable import MinshengCore

/// CSV fields that a spreadsheet would run as formulas are made inert; numbers and quoting stay as RFC 4180 has them.
@Suite struct CSVWriterTests {
    @Test func formulaStartsGetALeadingApostrophe() {
        #expect(CSVWriter.field("=1+1") == "'=1+1")
        #expect(CSVWriter.field("@SUM(1)") == "'@SUM(1)")
        #expect(CSVWriter.field("+86 379 1234") == "'+86 379 1234")
        #expect(CSVWriter.field("-2+3") == "'-2+3")
        #expect(CSVWriter.field("\t=1") == "\"'\t=1\"")
        #expect(CSVWriter.field("\r=1") == "\"'\r=1\"")
        #expect(CSVWriter.field("＝1+1") == "'＝1+1")
        #expect(CSVWriter.field(#"=HYPERLINK("http://x","y")"#) == #""'=HYPERLINK(""http://x"",""y"")""#)
    }

    @Test func plainNumbersAndOrdinaryTextStayAsTheyAre() {
        for number in ["-5", "-0.25", "+12", "0", "98600", "3.5"] { #expect(CSVWriter.field(number) == number) }
        for text in ["新建幼儿园5所", "市教育局", "2019-09-30", "a=b", ""] { #expect(CSVWriter.field(text) == text) }
        #expect(CSVWriter.field("-") == "'-")
        #expect(CSVWriter.field("-5.") == "'-5.")
        #expect(CSVWriter.field("-1e5") == "'-1e5")
    }

    @Test func separatorsQuotesAndLineBreaksAreQuoted() {
        #expect(CSVWriter.field("a,b") == "\"a,b\"")
        #expect(CSVWriter.field("a;=1+1") == "\"a;=1+1\"")
        #expect(CSVWriter.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.field("two\nlines") == "\"two\nlines\"")
        #expect(CSVWriter.document([["a", "=b"], ["1", "-2"]]) == "\u{FEFF}a,'=b\r\n1,-2\r\n")
        #expect(CSVWriter.document([["x"]], byteOrderMark: false) == "x\r\n")
    }
}
