/// An element: its literal name, how it closes, and its attributes and children.
struct Element: Sendable {
    /// How an element is written.
    enum Mode: Sendable {
        /// `<p …>…</p>`.
        case standard
        /// An HTML void element, `<input …/>`, which takes attributes only.
        case void
        /// An SVG element: `<rect …/>` when empty, so that the SVG stays well-formed XML.
        case svg
        /// `<script>` and `<style>`: their content can only be literal (``Node/trusted(_:)``).
        case rawText
    }

    let name: String
    let mode: Mode
    let nodes: [Node]

    init(name: StaticString, mode: Mode, nodes: [Node]) {
        let text = name.description
        precondition(Names.isValid(text), "Not an element name: \(text)")
        self.name = text
        self.mode = text == "script" || text == "style" ? .rawText : mode
        self.nodes = nodes
    }
}

/// An attribute: a literal name and a value from anywhere, escaped when written. URL attributes keep only safe
/// schemes; event handlers (`on…`) cannot be given a value at all.
struct Attribute: Sendable {
    let name: String
    var value: String?
    let ignoreIfValueIsEmpty: Bool

    init(name: StaticString, value: String?, ignoreIfValueIsEmpty: Bool) {
        let text = name.description
        precondition(Names.isValid(text) && !text.lowercased().hasPrefix("on"), "Not an attribute this library writes: \(text)")
        self.name = text
        self.value = Names.urlAttributes.contains(text) ? value.map(Escaping.safeURL) : value
        self.ignoreIfValueIsEmpty = ignoreIfValueIsEmpty
    }

    func render(into output: inout String) {
        guard let value, !value.isEmpty else {
            if !ignoreIfValueIsEmpty { output += " " + name }
            return
        }
        output += " " + name + "=\""
        Escaping.append(value, into: &output, quotes: true)
        output += "\""
    }
}

/// What names may be: ASCII letters, digits, `-` and `:` (as in `aria-label`, `viewBox`, `xlink:href`).
enum Names {
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "xlink:href", "poster", "cite"]

    static func isValid(_ name: String) -> Bool {
        !name.isEmpty
            && name.utf8.allSatisfy { byte in
                (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x3A || (byte >= 0x41 && byte <= 0x5A)
            }
    }
}

/// Writes nodes: the body in order, and the attributes met on the way for the enclosing element.
struct Renderer {
    var body = ""
    private(set) var attributes: [Attribute] = []
    private var rawText = false

    init() {}

    private init(rawText: Bool) {
        self.rawText = rawText
    }

    mutating func add(_ node: Node) {
        switch node.content {
        case .empty: break
        case .text(let text):
            precondition(!rawText, "<script> and <style> take only literal content")
            Escaping.append(text, into: &body, quotes: false)
        case .trusted(let markup): body += markup.description
        case .rendered(let html):
            precondition(!rawText, "<script> and <style> take only literal content")
            body += html.string
        case .attribute(let attribute): merge(attribute)
        case .element(let element):
            precondition(!rawText, "<script> and <style> take only literal content")
            render(element)
        case .group(let members): for member in members { add(member) }
        }
    }

    /// A repeated attribute replaces the earlier value and keeps its place (as Plot did).
    private mutating func merge(_ attribute: Attribute) {
        if let index = attributes.firstIndex(where: { $0.name == attribute.name }) {
            attributes[index].value = attribute.value
        } else {
            attributes.append(attribute)
        }
    }

    private mutating func render(_ element: Element) {
        var inner = Renderer(rawText: element.mode == .rawText)
        for node in element.nodes { inner.add(node) }
        body += "<" + element.name
        for attribute in inner.attributes { attribute.render(into: &body) }
        switch element.mode {
        case .void:
            precondition(inner.body.isEmpty, "<\(element.name)> takes attributes only")
            body += "/>"
        case .svg where inner.body.isEmpty:
            body += "/>"
        case .standard, .svg, .rawText:
            body += ">" + inner.body + "</" + element.name + ">"
        }
    }
}
