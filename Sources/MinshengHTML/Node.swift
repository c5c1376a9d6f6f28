/// A piece of an HTML (or inline SVG) document: an element, an attribute of the enclosing element, text, a group,
/// or markup this library rendered before. Every string given at run time is escaped when rendered; element and
/// attribute names are compile-time literals, so no runtime string can add an element or an attribute.
package struct Node: Sendable {
    indirect enum Content: Sendable {
        case empty
        case text(String)
        case trusted(StaticString)
        case rendered(RenderedHTML)
        case attribute(Attribute)
        case element(Element)
        case group([Node])
    }

    let content: Content

    init(_ content: Content) {
        self.content = content
    }
}

extension Node {
    /// Nothing: renders no markup.
    package static var empty: Node { Node(.empty) }

    /// Text, with `&`, `<` and `>` escaped.
    package static func text(_ text: String) -> Node {
        Node(.text(text))
    }

    /// Markup written into the program as a literal (an inline stylesheet, say), emitted as it is.
    package static func trusted(_ markup: StaticString) -> Node {
        Node(.trusted(markup))
    }

    /// Markup rendered earlier by this library (a cached main part of a page), embedded as it is.
    package static func embed(_ html: RenderedHTML) -> Node {
        Node(.rendered(html))
    }

    /// Several nodes in a row; attributes among them apply to the enclosing element.
    package static func group(_ members: [Node]) -> Node {
        Node(.group(members))
    }

    package static func group(_ members: Node...) -> Node {
        .group(members)
    }

    /// An element without a typed function here, such as `<legend>`, with its attributes and children.
    package static func element(named name: StaticString, nodes: [Node]) -> Node {
        Node(.element(Element(name: name, mode: .standard, nodes: nodes)))
    }

    /// An element holding only text.
    package static func element(named name: StaticString, text: String) -> Node {
        .element(named: name, nodes: [.text(text)])
    }

    /// An attribute of the enclosing element, left out when its value is empty unless `ignoreIfValueIsEmpty` is
    /// false (then it is written as a bare name). A later attribute of the same name replaces the value in place.
    package static func attribute(named name: StaticString, value: String?, ignoreIfValueIsEmpty: Bool = true) -> Node {
        Node(.attribute(Attribute(name: name, value: value, ignoreIfValueIsEmpty: ignoreIfValueIsEmpty)))
    }

    /// A boolean attribute written as its bare name, such as `checked`.
    package static func attribute(named name: StaticString) -> Node {
        .attribute(named: name, value: nil, ignoreIfValueIsEmpty: false)
    }

    /// `node` when `condition` holds, otherwise `fallback` (or nothing).
    package static func `if`(_ condition: Bool, _ node: Node, else fallback: Node? = nil) -> Node {
        condition ? node : fallback ?? .empty
    }

    /// The node made from a value when there is one.
    package static func unwrap<T>(_ optional: T?, _ transform: (T) throws -> Node, else fallback: Node = .empty) rethrows -> Node {
        try optional.map(transform) ?? fallback
    }

    /// One node for each element of a sequence.
    package static func forEach<S: Sequence>(_ sequence: S, _ transform: (S.Element) throws -> Node) rethrows -> Node {
        try .group(sequence.map(transform))
    }

    /// The markup of this node, which can be kept and embedded again with ``Node/embed(_:)``.
    package func render() -> RenderedHTML {
        var renderer = Renderer()
        renderer.add(self)
        return RenderedHTML(renderer.body)
    }
}

/// Markup produced by this library, and only by it: a value that is safe to embed again as it is.
package struct RenderedHTML: Sendable, Equatable, CustomStringConvertible {
    /// The markup.
    package let string: String

    init(_ string: String) {
        self.string = string
    }

    package var description: String { string }
}
