/// A whole HTML page: the doctype and an `<html>` element with the given attributes, head and body.
public struct HTML: Sendable {
    private let nodes: [Node]

    public init(_ nodes: Node...) {
        self.nodes = nodes
    }

    /// The page's markup, `<!DOCTYPE html><html …>…</html>`.
    public func render() -> String {
        "<!DOCTYPE html>" + Node(.element(Element(name: "html", mode: .standard, nodes: nodes))).render().string
    }
}
