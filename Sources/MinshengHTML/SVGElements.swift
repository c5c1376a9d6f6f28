/// Inline SVG elements, written as XML: an element without children closes itself (`<rect …/>`). `svgTitle` and
/// `svgText` are SVG's `<title>` and `<text>`.
public extension Node {
    static func svg(_ nodes: Node...) -> Node { Node(.element(Element(name: "svg", mode: .svg, nodes: nodes))) }
    static func svgTitle(_ nodes: Node...) -> Node { Node(.element(Element(name: "title", mode: .svg, nodes: nodes))) }
    static func desc(_ nodes: Node...) -> Node { Node(.element(Element(name: "desc", mode: .svg, nodes: nodes))) }
    static func defs(_ nodes: Node...) -> Node { Node(.element(Element(name: "defs", mode: .svg, nodes: nodes))) }
    static func pattern(_ nodes: Node...) -> Node { Node(.element(Element(name: "pattern", mode: .svg, nodes: nodes))) }
    static func rect(_ nodes: Node...) -> Node { Node(.element(Element(name: "rect", mode: .svg, nodes: nodes))) }
    static func circle(_ nodes: Node...) -> Node { Node(.element(Element(name: "circle", mode: .svg, nodes: nodes))) }
    static func path(_ nodes: Node...) -> Node { Node(.element(Element(name: "path", mode: .svg, nodes: nodes))) }
    static func line(_ nodes: Node...) -> Node { Node(.element(Element(name: "line", mode: .svg, nodes: nodes))) }
    static func polyline(_ nodes: Node...) -> Node { Node(.element(Element(name: "polyline", mode: .svg, nodes: nodes))) }
    static func svgText(_ nodes: Node...) -> Node { Node(.element(Element(name: "text", mode: .svg, nodes: nodes))) }
}
