/// Writes CSV for spreadsheet programs: RFC 4180 quoting, CRLF line ends, an optional byte order mark, and text that
/// a spreadsheet would run as a formula (CSV injection) made inert, as OWASP recommends, by a leading apostrophe.
package enum CSVWriter {
    /// The first characters that make Excel, LibreOffice or Numbers read a cell as a formula: `=`, `+`, `-`, `@`, tab
    /// and carriage return (OWASP's list), line feed, and the full-width forms of the four signs, which spreadsheets
    /// in Chinese and Japanese locales also take as formula signs.
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠"]

    /// A whole file: the rows joined by commas and CRLF, after a byte order mark when `byteOrderMark` is set (so
    /// Excel reads the file as UTF-8).
    package static func document(_ rows: [[String]], byteOrderMark: Bool = true) -> String {
        (byteOrderMark ? "\u{FEFF}" : "") + rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// One field: a text that starts like a formula gets a leading apostrophe (a plain number such as `-5` or
    /// `-0.25` stays a number), and a field holding a separator (comma or semicolon), quote or line break is quoted.
    package static func field(_ text: String) -> String {
        var value = text
        if let first = value.first, formulaStarts.contains(first), !isPlainNumber(value) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\t" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Whether the text is an optionally signed decimal number in ASCII digits (`-5`, `+12`, `-0.25`).
    static func isPlainNumber(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        guard parts.count == 2 else { return true }
        return !parts[1].isEmpty && parts[1].allSatisfy { $0.isASCII && $0.isNumber }
    }
}
