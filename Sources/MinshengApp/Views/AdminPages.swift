import MinshengHTML

/// A `<select>` with its options, one of them selected.
enum SelectField {
    static func node(id: String, name: String, label: String, form: String? = nil, options: [(String, String)], selected: String) -> Node {
        var nodes: [Node] = [
            .attribute(named: "id", value: id), .attribute(named: "name", value: name), .attribute(named: "aria-label", value: label),
        ]
        if let form { nodes.append(.attribute(named: "form", value: form)) }
        nodes += options.map { option in
            .element(
                named: "option",
                nodes: [
                    .attribute(named: "value", value: option.0), option.0 == selected ? .attribute(named: "selected") : .empty, .text(option.1),
                ])
        }
        return .element(named: "select", nodes: nodes)
    }
}
