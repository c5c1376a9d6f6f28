import MinshengCore

/// The refusals of reporting: writing, reviewing and attaching to reports, and reminding units.
enum ReportingRefusals {
    static var mayNotWrite: AppError {
        AppError(.forbidden, code: "report.write.forbidden", zh: "您不能为该单位填报。", en: "You may not write reports for this unit.")
    }
    static func owesNoReport(_ period: Period) -> AppError {
        AppError(
            .notFound, code: "report.notOwed", zh: "该单位在\(period)无需报送此事项。", en: "This unit owes no report on this item for \(period).")
    }
    static var queueIsTheOffices: AppError {
        AppError(.forbidden, code: "review.officeOnly", zh: "审核队列仅供督查室使用。", en: "The review queue is the office's.")
    }
    static var blankSubmission: AppError {
        AppError(
            .invalidInput, code: "report.submit.blank",
            zh: "报告没有任何数值，也没有填写进展情况，不能报送。本月没有进展的，请在“进展情况”中说明原因。",
            en: "The report has no value and no progress text, so it cannot be submitted. If there was no progress this month, say so "
                + "in Progress, with the reason.")
    }
    static var notSaved: AppError {
        AppError(.internalError, code: "report.notSaved", zh: "新报告未能保存。", en: "The new report could not be saved.")
    }
    static var useCorrectionOrSave: AppError {
        AppError(.badRequest, code: "report.action.unsupported", zh: "请使用更正或保存操作。", en: "Use the correction or save endpoints.")
    }
    static func foreignIndicator(_ id: Int64) -> AppError {
        AppError(.invalidInput, code: "report.foreignIndicator", zh: "指标\(id)不属于该事项。", en: "Indicator \(id) does not belong to this item.")
    }
    static var mayNotAttach: AppError {
        AppError(.forbidden, code: "attachment.forbidden", zh: "您不能为该报告添加附件。", en: "You may not add attachments to this report.")
    }
    static var attachToDraftsOnly: AppError {
        AppError(
            .conflict, code: "attachment.reportLocked", zh: "只能为草稿或被退回的报告添加附件；请先保存报告。",
            en: "Attachments can be added to a draft or returned report only; save the report first.")
    }
    static var onlyOfficeReminds: AppError {
        AppError(.forbidden, code: "reminder.forbidden", zh: "只有督查室可以催报。", en: "Only the supervision office sends reminders.")
    }
    static func notOverdue(unit: Int64, _ period: Period) -> AppError {
        AppError(.invalidInput, code: "reminder.notOverdue", zh: "单位\(unit)在\(period)没有逾期未报。", en: "Unit \(unit) is not overdue for \(period).")
    }
}

/// Why an uploaded file is refused, named by its file name.
enum AttachmentRefusals {
    static func empty(_ name: String) -> AppError {
        AppError(.invalidInput, code: "attachment.empty", zh: "\(name)：文件是空的。", en: "\(name): the file is empty.")
    }
    static func tooLarge(_ name: String) -> AppError {
        AppError(.invalidInput, code: "attachment.tooLarge", zh: "\(name)：超过 10 MB。", en: "\(name): larger than 10 MB.")
    }
    static func kindRefused(_ name: String) -> AppError {
        AppError(
            .invalidInput, code: "attachment.kind", zh: "\(name)：只接受 JPG、PNG、PDF、Word、Excel 文件。",
            en: "\(name): only JPG, PNG, PDF, Word and Excel files are accepted.")
    }
    static func contentMismatch(_ name: String, ext: String) -> AppError {
        AppError(
            .invalidInput, code: "attachment.mismatch", zh: "\(name)：文件内容与扩展名不符。",
            en: "\(name): the content does not match the .\(ext) extension.")
    }
}
