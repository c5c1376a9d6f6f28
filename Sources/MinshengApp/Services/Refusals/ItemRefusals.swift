import Foundation

/// The refusals of the office's edits of an item: the short title official documents name it by must be a whole
/// phrase, neither empty, nor cut with an ellipsis, nor longer than a table cell can carry.
enum ItemRefusals {
    /// The longest short title, in characters.
    static let shortTitleLimit = 50

    static var shortTitleEmpty: AppError {
        AppError(.invalidInput, code: "item.shortTitle.empty", zh: "请填写公文中的简称。", en: "Give the short title the documents use.")
    }
    static var shortTitleEllipsis: AppError {
        AppError(
            .invalidInput, code: "item.shortTitle.ellipsis", zh: "简称不能用省略号截断，请写完整的短语。",
            en: "A short title is a whole phrase, never cut with an ellipsis.")
    }
    static var shortTitleTooLong: AppError {
        AppError(
            .invalidInput, code: "item.shortTitle.tooLong", zh: "简称不能超过\(shortTitleLimit)个字。",
            en: "A short title has at most \(shortTitleLimit) characters.")
    }

    /// The short title as it may be stored, or the refusal that says why not.
    static func checked(_ shortTitle: String) throws -> String {
        let title = shortTitle.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !title.isEmpty else { throw shortTitleEmpty }
        guard !title.contains("…"), !title.contains("...") else { throw shortTitleEllipsis }
        guard title.count <= shortTitleLimit else { throw shortTitleTooLong }
        return title
    }
}
