/// Native string helpers for the importer's hot paths, avoiding Foundation's bridged implementations.
extension String {
    /// The string without leading and trailing spaces, tabs and ideographic spaces.
    var trimmedSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0 == "\u{00A0}" }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!
        return String(self[first...last])
    }

    /// The string without every occurrence of `word`.
    func removing(_ word: String) -> String {
        has(word) ? replacing(word, with: "") : self
    }
}

extension String {
    /// The string without leading and trailing characters from `characters`.
    func trimming(in characters: String) -> String {
        let set = Set(characters)
        guard let first = firstIndex(where: { !set.contains($0) }) else { return "" }
        let last = lastIndex(where: { !set.contains($0) })!
        return String(self[first...last])
    }

    /// Whether `word` occurs in the string, compared byte for byte in UTF-8 (exact, as the importer needs).
    func has(_ word: String) -> Bool {
        var haystack = self
        var needle = word
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern in
                guard !pattern.isEmpty else { return true }
                guard pattern.count <= text.count else { return false }
                let first = pattern[0]
                var index = 0
                let limit = text.count - pattern.count
                while index <= limit {
                    if text[index] == first {
                        var offset = 1
                        while offset < pattern.count && text[index + offset] == pattern[offset] { offset += 1 }
                        if offset == pattern.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
