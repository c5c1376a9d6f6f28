/// The attributes the views use, with Plot's names. Values are escaped when written; `href`, `src` and `action`
/// keep only relative URLs and safe schemes.
public extension Node {
    static func id(_ id: String) -> Node { .attribute(named: "id", value: id) }
    static func `class`(_ className: String) -> Node { .attribute(named: "class", value: className) }
    static func name(_ name: String) -> Node { .attribute(named: "name", value: name) }
    static func value(_ value: String) -> Node { .attribute(named: "value", value: value) }
    static func `for`(_ target: String) -> Node { .attribute(named: "for", value: target) }
    static func placeholder(_ text: String) -> Node { .attribute(named: "placeholder", value: text) }
    static func alt(_ text: String) -> Node { .attribute(named: "alt", value: text) }
    static func content(_ content: String) -> Node { .attribute(named: "content", value: content) }
    static func href(_ url: String) -> Node { .attribute(named: "href", value: url) }
    static func src(_ url: String) -> Node { .attribute(named: "src", value: url) }
    static func action(_ url: String) -> Node { .attribute(named: "action", value: url) }
    static func type(_ type: InputType) -> Node { .attribute(named: "type", value: type.rawValue) }
    static func method(_ method: FormMethod) -> Node { .attribute(named: "method", value: method.rawValue) }
    static func enctype(_ type: FormContentType) -> Node { .attribute(named: "enctype", value: type.rawValue) }
    static func rel(_ relationship: LinkRelationship) -> Node { .attribute(named: "rel", value: relationship.rawValue) }
    static func charset(_ encoding: DocumentEncoding) -> Node { .attribute(named: "charset", value: encoding.rawValue) }
    static func required(_ isRequired: Bool) -> Node { isRequired ? .attribute(named: "required") : .empty }
    static func checked(_ isChecked: Bool) -> Node { isChecked ? .attribute(named: "checked") : .empty }
    static func autofocus(_ isOn: Bool) -> Node { isOn ? .attribute(named: "autofocus") : .empty }
}

/// The `type` of an `<input>` or a `<button>`.
public enum InputType: String, Sendable {
    case checkbox, date, file, hidden, number, password, radio, search, submit, tel, text
}

/// A form's `method`.
public enum FormMethod: String, Sendable {
    case get, post
}

/// A form's `enctype`.
public enum FormContentType: String, Sendable {
    case multipartData = "multipart/form-data"
}

/// A `<link>`'s `rel`.
public enum LinkRelationship: String, Sendable {
    case stylesheet
}

/// A `<meta>`'s `charset`.
public enum DocumentEncoding: String, Sendable {
    case utf8 = "UTF-8"
}
