/// The attributes the views use, with Plot's names. Values are escaped when written; `href`, `src` and `action`
/// keep only relative URLs and safe schemes.
extension Node {
    package static func id(_ id: String) -> Node { .attribute(named: "id", value: id) }
    package static func `class`(_ className: String) -> Node { .attribute(named: "class", value: className) }
    package static func name(_ name: String) -> Node { .attribute(named: "name", value: name) }
    package static func value(_ value: String) -> Node { .attribute(named: "value", value: value) }
    package static func `for`(_ target: String) -> Node { .attribute(named: "for", value: target) }
    package static func placeholder(_ text: String) -> Node { .attribute(named: "placeholder", value: text) }
    package static func alt(_ text: String) -> Node { .attribute(named: "alt", value: text) }
    package static func content(_ content: String) -> Node { .attribute(named: "content", value: content) }
    package static func href(_ url: String) -> Node { .attribute(named: "href", value: url) }
    package static func src(_ url: String) -> Node { .attribute(named: "src", value: url) }
    package static func action(_ url: String) -> Node { .attribute(named: "action", value: url) }
    package static func type(_ type: InputType) -> Node { .attribute(named: "type", value: type.rawValue) }
    package static func method(_ method: FormMethod) -> Node { .attribute(named: "method", value: method.rawValue) }
    package static func enctype(_ type: FormContentType) -> Node { .attribute(named: "enctype", value: type.rawValue) }
    package static func rel(_ relationship: LinkRelationship) -> Node { .attribute(named: "rel", value: relationship.rawValue) }
    package static func charset(_ encoding: DocumentEncoding) -> Node { .attribute(named: "charset", value: encoding.rawValue) }
    package static func required(_ isRequired: Bool) -> Node { isRequired ? .attribute(named: "required") : .empty }
    package static func checked(_ isChecked: Bool) -> Node { isChecked ? .attribute(named: "checked") : .empty }
    package static func autofocus(_ isOn: Bool) -> Node { isOn ? .attribute(named: "autofocus") : .empty }
}

/// The `type` of an `<input>` or a `<button>`.
package enum InputType: String, Sendable {
    case checkbox, date, file, hidden, number, password, radio, search, submit, tel, text
}

/// A form's `method`.
package enum FormMethod: String, Sendable {
    case get, post
}

/// A form's `enctype`.
package enum FormContentType: String, Sendable {
    case multipartData = "multipart/form-data"
}

/// A `<link>`'s `rel`.
package enum LinkRelationship: String, Sendable {
    case stylesheet
}

/// A `<meta>`'s `charset`.
package enum DocumentEncoding: String, Sendable {
    case utf8 = "UTF-8"
}
