/// The attributes the views use, with Plot's names. Values are escaped when written; `href`, `src` and `action`
/// keep only relative URLs and safe schemes.
extension Node {
    public static func id(_ id: String) -> Node { .attribute(named: "id", value: id) }
    public static func `class`(_ className: String) -> Node { .attribute(named: "class", value: className) }
    public static func name(_ name: String) -> Node { .attribute(named: "name", value: name) }
    public static func value(_ value: String) -> Node { .attribute(named: "value", value: value) }
    public static func `for`(_ target: String) -> Node { .attribute(named: "for", value: target) }
    public static func placeholder(_ text: String) -> Node { .attribute(named: "placeholder", value: text) }
    public static func alt(_ text: String) -> Node { .attribute(named: "alt", value: text) }
    public static func content(_ content: String) -> Node { .attribute(named: "content", value: content) }
    public static func href(_ url: String) -> Node { .attribute(named: "href", value: url) }
    public static func src(_ url: String) -> Node { .attribute(named: "src", value: url) }
    public static func action(_ url: String) -> Node { .attribute(named: "action", value: url) }
    public static func type(_ type: InputType) -> Node { .attribute(named: "type", value: type.rawValue) }
    public static func method(_ method: FormMethod) -> Node { .attribute(named: "method", value: method.rawValue) }
    public static func enctype(_ type: FormContentType) -> Node { .attribute(named: "enctype", value: type.rawValue) }
    public static func rel(_ relationship: LinkRelationship) -> Node { .attribute(named: "rel", value: relationship.rawValue) }
    public static func charset(_ encoding: DocumentEncoding) -> Node { .attribute(named: "charset", value: encoding.rawValue) }
    public static func required(_ isRequired: Bool) -> Node { isRequired ? .attribute(named: "required") : .empty }
    public static func checked(_ isChecked: Bool) -> Node { isChecked ? .attribute(named: "checked") : .empty }
    public static func autofocus(_ isOn: Bool) -> Node { isOn ? .attribute(named: "autofocus") : .empty }
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
