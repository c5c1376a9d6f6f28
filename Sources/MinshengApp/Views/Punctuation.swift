/// The marks that join words in one language: full-width Chinese ones, or English ones with their spaces.
struct Punctuation: Bilingual {
    let language: Language

    /// Between clauses: "，" or ", ".
    var comma: String { t("，", ", ") }
    /// Between the names of a list: "、" or ", ".
    var listSeparator: String { t("、", ", ") }
    /// Between sentences of a summary: "；" or "; ".
    var semicolon: String { t("；", "; ") }
    /// Opens and closes a remark in brackets: "（" and "）", or " (" and ")".
    var open: String { t("（", " (") }
    var close: String { t("）", ")") }
    /// Ends a sentence: "。" or ".".
    var period: String { t("。", ".") }
    /// After a label, before its value: "：" or ": ".
    var colon: String { t("：", ": ") }

    /// A label and its value.
    func labelled(_ label: String, _ value: String) -> String { label + colon + value }

    /// A remark set beside the text before it, in brackets.
    func aside(_ text: String) -> String { t("（\(text)）", " (\(text))") }

    /// Names written as a list.
    func list(_ names: [String]) -> String { names.joined(separator: listSeparator) }
}

extension Language {
    var punctuation: Punctuation { Punctuation(language: self) }
}
