/// The HTML elements the views use, each taking its attributes and children (void elements: attributes only).
/// Others are written with ``Node/element(named:nodes:)``.
extension Node {
    package static func a(_ nodes: Node...) -> Node { Node(.element(Element(name: "a", mode: .standard, nodes: nodes))) }
    package static func article(_ nodes: Node...) -> Node { Node(.element(Element(name: "article", mode: .standard, nodes: nodes))) }
    package static func body(_ nodes: Node...) -> Node { Node(.element(Element(name: "body", mode: .standard, nodes: nodes))) }
    package static func button(_ nodes: Node...) -> Node { Node(.element(Element(name: "button", mode: .standard, nodes: nodes))) }
    package static func caption(_ nodes: Node...) -> Node { Node(.element(Element(name: "caption", mode: .standard, nodes: nodes))) }
    package static func code(_ nodes: Node...) -> Node { Node(.element(Element(name: "code", mode: .standard, nodes: nodes))) }
    package static func dd(_ nodes: Node...) -> Node { Node(.element(Element(name: "dd", mode: .standard, nodes: nodes))) }
    package static func div(_ nodes: Node...) -> Node { Node(.element(Element(name: "div", mode: .standard, nodes: nodes))) }
    package static func dl(_ nodes: Node...) -> Node { Node(.element(Element(name: "dl", mode: .standard, nodes: nodes))) }
    package static func dt(_ nodes: Node...) -> Node { Node(.element(Element(name: "dt", mode: .standard, nodes: nodes))) }
    package static func fieldset(_ nodes: Node...) -> Node { Node(.element(Element(name: "fieldset", mode: .standard, nodes: nodes))) }
    package static func footer(_ nodes: Node...) -> Node { Node(.element(Element(name: "footer", mode: .standard, nodes: nodes))) }
    package static func form(_ nodes: Node...) -> Node { Node(.element(Element(name: "form", mode: .standard, nodes: nodes))) }
    package static func h1(_ nodes: Node...) -> Node { Node(.element(Element(name: "h1", mode: .standard, nodes: nodes))) }
    package static func h2(_ nodes: Node...) -> Node { Node(.element(Element(name: "h2", mode: .standard, nodes: nodes))) }
    package static func h3(_ nodes: Node...) -> Node { Node(.element(Element(name: "h3", mode: .standard, nodes: nodes))) }
    package static func head(_ nodes: Node...) -> Node { Node(.element(Element(name: "head", mode: .standard, nodes: nodes))) }
    package static func header(_ nodes: Node...) -> Node { Node(.element(Element(name: "header", mode: .standard, nodes: nodes))) }
    package static func label(_ nodes: Node...) -> Node { Node(.element(Element(name: "label", mode: .standard, nodes: nodes))) }
    package static func li(_ nodes: Node...) -> Node { Node(.element(Element(name: "li", mode: .standard, nodes: nodes))) }
    package static func main(_ nodes: Node...) -> Node { Node(.element(Element(name: "main", mode: .standard, nodes: nodes))) }
    package static func nav(_ nodes: Node...) -> Node { Node(.element(Element(name: "nav", mode: .standard, nodes: nodes))) }
    package static func ol(_ nodes: Node...) -> Node { Node(.element(Element(name: "ol", mode: .standard, nodes: nodes))) }
    package static func p(_ nodes: Node...) -> Node { Node(.element(Element(name: "p", mode: .standard, nodes: nodes))) }
    package static func section(_ nodes: Node...) -> Node { Node(.element(Element(name: "section", mode: .standard, nodes: nodes))) }
    package static func select(_ nodes: Node...) -> Node { Node(.element(Element(name: "select", mode: .standard, nodes: nodes))) }
    package static func span(_ nodes: Node...) -> Node { Node(.element(Element(name: "span", mode: .standard, nodes: nodes))) }
    package static func strong(_ nodes: Node...) -> Node { Node(.element(Element(name: "strong", mode: .standard, nodes: nodes))) }
    package static func table(_ nodes: Node...) -> Node { Node(.element(Element(name: "table", mode: .standard, nodes: nodes))) }
    package static func tbody(_ nodes: Node...) -> Node { Node(.element(Element(name: "tbody", mode: .standard, nodes: nodes))) }
    package static func td(_ nodes: Node...) -> Node { Node(.element(Element(name: "td", mode: .standard, nodes: nodes))) }
    package static func textarea(_ nodes: Node...) -> Node { Node(.element(Element(name: "textarea", mode: .standard, nodes: nodes))) }
    package static func th(_ nodes: Node...) -> Node { Node(.element(Element(name: "th", mode: .standard, nodes: nodes))) }
    package static func thead(_ nodes: Node...) -> Node { Node(.element(Element(name: "thead", mode: .standard, nodes: nodes))) }
    package static func tr(_ nodes: Node...) -> Node { Node(.element(Element(name: "tr", mode: .standard, nodes: nodes))) }
    package static func ul(_ nodes: Node...) -> Node { Node(.element(Element(name: "ul", mode: .standard, nodes: nodes))) }
    package static func br(_ nodes: Node...) -> Node { Node(.element(Element(name: "br", mode: .void, nodes: nodes))) }
    package static func img(_ nodes: Node...) -> Node { Node(.element(Element(name: "img", mode: .void, nodes: nodes))) }
    package static func input(_ nodes: Node...) -> Node { Node(.element(Element(name: "input", mode: .void, nodes: nodes))) }
    package static func link(_ nodes: Node...) -> Node { Node(.element(Element(name: "link", mode: .void, nodes: nodes))) }
    package static func meta(_ nodes: Node...) -> Node { Node(.element(Element(name: "meta", mode: .void, nodes: nodes))) }
    package static func script(_ nodes: Node...) -> Node { Node(.element(Element(name: "script", mode: .rawText, nodes: nodes))) }
}
