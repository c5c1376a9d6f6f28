/// One non-empty line of a plan document, stripped of Markdown decoration.
struct DocumentLine: Sendable, Hashable {
    /// The line's text without heading marks, emphasis or trailing spaces.
    var text: String
    /// The heading level for Markdown headings (`#` is 1), nil otherwise.
    var headingLevel: Int?
    /// Line number in the source, from 1.
    var number: Int

    /// Splits a text into stripped, non-empty lines.
    static func lines(of text: String) -> [DocumentLine] {
        var result: [DocumentLine] = []
        var number = 0
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            number += 1
            if let line = DocumentLine(raw: raw, number: number) { result.append(line) }
        }
        return result
    }

    init(text: String, headingLevel: Int? = nil, number: Int) {
        self.text = text
        self.headingLevel = headingLevel
        self.number = number
    }

    private init?(raw: Substring, number: Int) {
        var text = String(raw)
        if text.first == "\u{FEFF}" { text.removeFirst() }
        text = text.trimmedSpaces
        var level: Int?
        if text.hasPrefix("#") {
            let hashes = text.prefix(while: { $0 == "#" }).count
            let rest = text.dropFirst(hashes)
            if hashes <= 6, rest.isEmpty || rest.first == " " {
                level = hashes
                text = String(rest)
            }
        }
        while text.hasPrefix(">") { text = String(text.dropFirst()).trimmedSpaces }
        text = text.removing("**").removing("__").trimmedSpaces
        guard !text.isEmpty else { return nil }
        self.text = text
        self.headingLevel = level
        self.number = number
    }
}
