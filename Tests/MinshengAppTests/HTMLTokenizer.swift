import Foundation

/// A strict reader of the HTML the server writes: tags with quoted or unquoted attributes, text, comments, the
/// doctype, and the raw-text elements (`script`, `style`) and escapable raw-text elements (`textarea`, `title`).
/// It throws on anything a browser would have to guess about (a stray `<`, an unterminated tag or quote, an end tag
/// that closes nothing open), so a page it reads has exactly the structure the tokens show.
struct HTMLTokenizer {
    struct Attribute: Equatable {
        var name: String
        /// Decoded; nil for a bare boolean attribute.
        var value: String?
        var quoted: Bool
    }

    struct Tag {
        var name: String
        var attributes: [Attribute]
        var isEnd = false
        var selfClosing = false
    }

    enum Token {
        case tag(Tag)
        case text(String)
        case comment(String)
        case doctype(String)
    }

    struct Failure: Error, CustomStringConvertible {
        var message: String
        var offset: Int
        var description: String { "\(message) at character \(offset)" }
    }

    static let voidElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]
    static let rawTextElements: Set<String> = ["script", "style", "textarea", "title"]

    private let chars: [Character]
    private var index = 0
    private(set) var tokens: [Token] = []

    /// The tokens of a whole page, checked for balanced elements.
    static func tokens(of html: String) throws -> [Token] {
        var reader = HTMLTokenizer(chars: Array(html))
        try reader.run()
        try reader.checkNesting()
        return reader.tokens
    }

    private init(chars: [Character]) {
        self.chars = chars
    }

    private func fail(_ message: String) -> Failure {
        Failure(message: message + ": …" + String(chars[max(0, index - 40)..<min(chars.count, index + 20)]) + "…", offset: index)
    }
    private var current: Character? { index < chars.count ? chars[index] : nil }
    private func starts(with text: String, caseInsensitive: Bool = false) -> Bool {
        let candidate = String(chars[index..<min(chars.count, index + text.count)])
        return caseInsensitive ? candidate.lowercased() == text.lowercased() : candidate == text
    }

    private mutating func run() throws {
        while let char = current {
            if char != "<" {
                var text = ""
                while let c = current, c != "<" {
                    text.append(c)
                    index += 1
                }
                tokens.append(.text(try Self.decode(text)))
            } else if starts(with: "<!--") {
                index += 4
                let start = index
                while index < chars.count, !starts(with: "-->") { index += 1 }
                guard index < chars.count else { throw fail("unterminated comment") }
                tokens.append(.comment(String(chars[start..<index])))
                index += 3
            } else if starts(with: "<!DOCTYPE", caseInsensitive: true) {
                let start = index
                while let c = current, c != ">" { index += 1 }
                guard current == ">" else { throw fail("unterminated doctype") }
                index += 1
                tokens.append(.doctype(String(chars[start..<index])))
            } else {
                let tag = try readTag()
                tokens.append(.tag(tag))
                if !tag.isEnd, !tag.selfClosing, Self.rawTextElements.contains(tag.name) { try readRawText(until: tag.name) }
            }
        }
    }

    private mutating func readName() -> String {
        var name = ""
        while let c = current, c.isLetter || c.isNumber || c == "-" || c == ":" || c == "_" {
            name.append(c)
            index += 1
        }
        return name
    }

    private mutating func skipSpace() {
        while let c = current, c == " " || c == "\n" || c == "\t" || c == "\r" { index += 1 }
    }

    private mutating func readTag() throws -> Tag {
        index += 1
        let isEnd = current == "/"
        if isEnd { index += 1 }
        guard let first = current, first.isASCII, first.isLetter else { throw fail("a '<' that starts no tag") }
        var tag = Tag(name: readName().lowercased(), attributes: [], isEnd: isEnd)
        while true {
            let hadSpace = current.map { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" } ?? false
            skipSpace()
            switch current {
            case nil: throw fail("unterminated tag <\(tag.name)")
            case ">":
                index += 1
                return tag
            case "/" where chars.count > index + 1 && chars[index + 1] == ">":
                index += 2
                tag.selfClosing = true
                return tag
            default:
                guard hadSpace, !isEnd else { throw fail("attributes run together in <\(tag.name)") }
                tag.attributes.append(try readAttribute(in: tag.name))
            }
        }
    }

    private mutating func readAttribute(in tag: String) throws -> Attribute {
        var name = ""
        while let c = current, !" \n\t\r/>=\"'<".contains(c) {
            name.append(c)
            index += 1
        }
        guard !name.isEmpty else { throw fail("a stray character in <\(tag)>") }
        let end = index
        skipSpace()
        guard current == "=" else {
            index = end
            return Attribute(name: name.lowercased(), value: nil, quoted: false)
        }
        index += 1
        skipSpace()
        if let quote = current, quote == "\"" || quote == "'" {
            index += 1
            var value = ""
            while let c = current, c != quote {
                value.append(c)
                index += 1
            }
            guard current == quote else { throw fail("unterminated attribute value") }
            index += 1
            return Attribute(name: name.lowercased(), value: try Self.decode(value), quoted: true)
        }
        var value = ""
        while let c = current, !" \n\t\r>".contains(c) {
            value.append(c)
            index += 1
        }
        return Attribute(name: name.lowercased(), value: try Self.decode(value), quoted: false)
    }

    private mutating func readRawText(until name: String) throws {
        let start = index
        while index < chars.count, !starts(with: "</\(name)", caseInsensitive: true) { index += 1 }
        guard index < chars.count else { throw fail("unterminated <\(name)>") }
        let text = String(chars[start..<index])
        tokens.append(.text(name == "script" || name == "style" ? text : try Self.decode(text)))
    }

    private func checkNesting() throws {
        var open: [String] = []
        for token in tokens {
            guard case .tag(let tag) = token else { continue }
            if tag.isEnd {
                guard open.last == tag.name else { throw Failure(message: "</\(tag.name)> closes \(open.last ?? "nothing")", offset: 0) }
                open.removeLast()
            } else if !tag.selfClosing, !Self.voidElements.contains(tag.name) {
                open.append(tag.name)
            }
        }
        guard open.isEmpty else { throw Failure(message: "unclosed \(open)", offset: 0) }
    }

    /// Text with its character references replaced; throws on an `&` that starts no reference.
    static func decode(_ text: String) throws -> String {
        guard text.contains("&") else { return text }
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}"]
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            guard let semicolon = after.firstIndex(of: ";"), after.distance(from: after.startIndex, to: semicolon) <= 10 else {
                throw Failure(message: "a bare '&'", offset: 0)
            }
            let name = String(after[..<semicolon])
            if let value = named[name] {
                result += value
            } else if name.hasPrefix("#x") || name.hasPrefix("#X"), let code = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code)
            {
                result.unicodeScalars.append(scalar)
            } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
                result.unicodeScalars.append(scalar)
            } else {
                throw Failure(message: "an unknown reference &\(name);", offset: 0)
            }
            rest = after[after.index(after: semicolon)...]
        }
        return result + rest
    }
}
