/// Reads comma-, semicolon- or tab-separated text (RFC 4180 quoting) into rows of fields.
enum CSVReader {
    static func rows(_ text: String) -> [[String]] {
        let delimiter = detectDelimiter(text)
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.makeIterator()
        var pending: Character?
        while let c = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if c == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" {
                            field.append("\"")
                        } else {
                            quoted = false
                            pending = next
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" && field.isEmpty {
                quoted = true
            } else if c == delimiter {
                row.append(field)
                field = ""
            } else if c == "\n" || c == "\r\n" || c == "\r" {
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else {
                field.append(c)
            }
        }
        if !field.isEmpty || !row.isEmpty {
            row.append(field)
            rows.append(row)
        }
        return rows.map { $0.map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    /// The delimiter used most on the first line outside quotes.
    private static func detectDelimiter(_ text: String) -> Character {
        var counts: [Character: Int] = [",": 0, "\t": 0, ";": 0, "，": 0]
        var quoted = false
        for c in text {
            if c == "\n" || c == "\r\n" { break }
            if c == "\"" { quoted.toggle() }
            if !quoted, counts[c] != nil { counts[c]! += 1 }
        }
        return counts.max { $0.value < $1.value }.flatMap { $0.value > 0 ? $0.key : nil } ?? ","
    }
}
