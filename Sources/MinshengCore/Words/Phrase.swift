/// A text in both languages of the interface, so that core can say why without knowing who reads it.
package struct Phrase: Sendable, Hashable {
    /// The Chinese form.
    package let zh: String
    /// The English form.
    package let en: String

    package init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }
}

/// A refusal that names itself with a stable code (a short lowercase dotted string such as
/// `report.return.reasonRequired`, for logs, APIs and tests) and says why in both languages.
package protocol CodedRefusal: Error {
    /// The refusal's stable code; it never changes with the wording.
    var code: String { get }
    /// Why the request is refused, in Chinese and English.
    var phrase: Phrase { get }
}
