/// A whole HTML page: the doctype and an `<html>` element with the given attributes, head and body.
package struct HTML: Sendable {
    private let nodes: [Node]

    package init(_ nodes: Node...) {
        self.nodes = nodes
    }

    /// The page's markup, `<!DOCTYPE html><html …>…</html>`.
    package func render() -> String {
        "<!DOCTYPE html>" + Node(.element(Element(name: "html", mode: .standard, nodes: nodes))).render().string
    }
}
