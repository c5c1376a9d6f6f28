/// Escaping of text and attribute values, and the filter of URL attributes.
enum Escaping {
    /// Appends `text` escaped: `&`, `<` and `>` always, `"` and `'` too when `quotes` (attribute values). Control
    /// characters other than tab and line breaks are dropped, as XML (inline SVG) does not allow them.
    static func append(_ text: String, into output: inout String, quotes: Bool) {
        guard text.utf8.contains(where: { needsWork($0, quotes: quotes) }) else {
            output += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"" where quotes: output += "&quot;"
            case "'" where quotes: output += "&#39;"
            case "\t", "\n", "\r": output.unicodeScalars.append(scalar)
            default: if scalar.value >= 0x20 { output.unicodeScalars.append(scalar) }
            }
        }
    }

    private static func needsWork(_ byte: UInt8, quotes: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"): return true
        case UInt8(ascii: "\""), UInt8(ascii: "'"): return quotes
        default: return byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D
        }
    }

    /// The schemes a link or source may have; anything else (`javascript:`, `data:`, `vbscript:` …) becomes `#`.
    static let safeSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    /// `value` when it is relative (a path, `?query`, `#fragment`) or has a safe scheme, otherwise `#`. The scheme
    /// is read as a browser reads it: ignoring spaces and control characters anywhere, in any case.
    static func safeURL(_ value: String) -> String {
        let significant = String(String.UnicodeScalarView(value.unicodeScalars.filter { $0.value > 0x20 && $0.value != 0x7F }))
        guard let colon = significant.firstIndex(of: ":") else { return value }
        let scheme = significant[..<colon]
        if scheme.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return value }
        return safeSchemes.contains(scheme.lowercased()) ? value : "#"
    }
}
