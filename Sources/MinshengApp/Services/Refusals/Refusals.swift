import MinshengCore

extension AppError {
    /// An error with its stable code, said in both languages; ``message(in:)`` picks the reader's.
    init(_ kind: Kind, code: String, zh: String, en: String) {
        self.init(kind, CodedPhrase(code: code, phrase: Phrase(zh: zh, en: en)))
    }
}

/// A refusal written in the app's catalogues: its code and its words.
struct CodedPhrase: CodedRefusal {
    var code: String
    var phrase: Phrase
}

/// The refusals every feature shares: records that do not exist (or are not the reader's to see) and requests that
/// lack what they must carry.
enum Refusals {
    static func noPlan(_ id: Int64) -> AppError { AppError(.notFound, code: "plan.notFound", zh: "没有编号为\(id)的计划。", en: "No plan has id \(id).") }
    static func noUnit(_ id: Int64) -> AppError { AppError(.notFound, code: "unit.notFound", zh: "没有编号为\(id)的单位。", en: "No unit has id \(id).") }
    static func noItem(_ number: Int) -> AppError {
        AppError(.notFound, code: "item.notFound", zh: "计划中没有第\(number)项。", en: "The plan has no item \(number).")
    }
    static func noItemID(_ id: Int64) -> AppError {
        AppError(.notFound, code: "item.notFound", zh: "计划中没有编号为\(id)的事项。", en: "The plan has no item with id \(id).")
    }
    static func noReport(_ id: Int64) -> AppError {
        AppError(.notFound, code: "report.notFound", zh: "没有编号为\(id)的报告。", en: "No report has id \(id).")
    }
    static var noAttachment: AppError { AppError(.notFound, code: "attachment.notFound", zh: "没有这个附件。", en: "No such attachment.") }
    static func noJurisdiction(_ id: Int64) -> AppError {
        AppError(.notFound, code: "jurisdiction.notFound", zh: "您的权限范围内没有编号为\(id)的行政区划。", en: "No jurisdiction has id \(id) within your reach.")
    }
    static func otherYear(planYear: Int, _ period: Period) -> AppError {
        AppError(
            .invalidInput, code: "period.otherYear", zh: "该计划是\(planYear)年度的，\(period)属于其他年度。",
            en: "The plan is for \(planYear); \(period) is another year.")
    }
}
