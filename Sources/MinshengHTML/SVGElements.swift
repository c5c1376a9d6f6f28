/// Inline SVG elements, written as XML: an element without children closes itself (`<rect …/>`). `svgTitle` and
/// `svgText` are SVG's `<title>` and `<text>`.
extension Node {
    package static func svg(_ nodes: Node...) -> Node { Node(.element(Element(name: "svg", mode: .svg, nodes: nodes))) }
    package static func svgTitle(_ nodes: Node...) -> Node { Node(.element(Element(name: "title", mode: .svg, nodes: nodes))) }
    package static func desc(_ nodes: Node...) -> Node { Node(.element(Element(name: "desc", mode: .svg, nodes: nodes))) }
    package static func defs(_ nodes: Node...) -> Node { Node(.element(Element(name: "defs", mode: .svg, nodes: nodes))) }
    package static func pattern(_ nodes: Node...) -> Node { Node(.element(Element(name: "pattern", mode: .svg, nodes: nodes))) }
    package static func rect(_ nodes: Node...) -> Node { Node(.element(Element(name: "rect", mode: .svg, nodes: nodes))) }
    package static func circle(_ nodes: Node...) -> Node { Node(.element(Element(name: "circle", mode: .svg, nodes: nodes))) }
    package static func path(_ nodes: Node...) -> Node { Node(.element(Element(name: "path", mode: .svg, nodes: nodes))) }
    package static func line(_ nodes: Node...) -> Node { Node(.element(Element(name: "line", mode: .svg, nodes: nodes))) }
    package static func polyline(_ nodes: Node...) -> Node { Node(.element(Element(name: "polyline", mode: .svg, nodes: nodes))) }
    package static func svgText(_ nodes: Node...) -> Node { Node(.element(Element(name: "text", mode: .svg, nodes: nodes))) }
}
