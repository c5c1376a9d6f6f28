/// The refusals of forms and uploads that lack what they must carry: a field left unchosen, a file not attached, a
/// body that is not a form. Browsers send complete forms; these answer hand-made requests and slips alike.
enum FormRefusals {
    /// A form without a field the page always sends (a hidden plan, period or id).
    static var incomplete: AppError {
        AppError(.badRequest, code: "form.incomplete", zh: "表单不完整，请刷新页面后重试。", en: "The form is incomplete; reload the page and try again.")
    }
    static var noPeriod: AppError { AppError(.invalidInput, code: "form.period", zh: "请选择期间。", en: "Choose a period.") }
    static var noUnit: AppError { AppError(.badRequest, code: "form.unit", zh: "请选择单位。", en: "Choose a unit.") }
    static var noFile: AppError { AppError(.badRequest, code: "form.file", zh: "请选择要上传的文件。", en: "Choose a file to upload.") }
    static var noDecision: AppError { AppError(.invalidInput, code: "form.decision", zh: "请选择处理决定。", en: "Choose a decision.") }
    static var closeOrReopen: AppError {
        AppError(.invalidInput, code: "form.rectificationAction", zh: "请选择销号或退回整改。", en: "Close or reopen.")
    }
    static var rectifyingUnit: AppError {
        AppError(.invalidInput, code: "form.rectifyingUnit", zh: "请选择整改单位。", en: "Choose the unit that must rectify.")
    }
    static var otherUnitsForm: AppError {
        AppError(.forbidden, code: "form.otherUnit", zh: "这份表格属于其他单位。", en: "This form belongs to another unit.")
    }
    static var notMultipart: AppError {
        AppError(
            .badRequest, code: "form.multipart", zh: "上传须以 multipart/form-data 方式提交。",
            en: "The upload must be sent as multipart/form-data.")
    }
    static var unreadableMultipart: AppError {
        AppError(.badRequest, code: "form.multipartUnreadable", zh: "无法读取上传的内容。", en: "The multipart body could not be read.")
    }
    static func notAPhoto(_ name: String) -> AppError {
        AppError(.invalidInput, code: "photo.kind", zh: "\(name)不是 JPEG 或 PNG 照片。", en: "\(name) is not a JPEG or PNG photo.")
    }
    static var noFileHere: AppError { AppError(.notFound, code: "file.notFound", zh: "没有这个文件。", en: "No such file.") }
    static func noPeriodNamed(_ text: String) -> AppError {
        AppError(.notFound, code: "period.notFound", zh: "没有期间“\(text)”。", en: "No period \(text).")
    }
    static func noFormat(_ text: String) -> AppError {
        AppError(.notFound, code: "document.format", zh: "没有“\(text)”格式。", en: "No format \(text).")
    }
    static func unreadable(_ field: String) -> AppError {
        AppError(.invalidInput, code: "form.unreadable", zh: "无法识别查询参数“\(field)”的值。", en: "The value of the query parameter \(field) cannot be read.")
    }
    static var noneSelected: AppError { AppError(.invalidInput, code: "review.noneSelected", zh: "请先勾选要审核的报告。", en: "Select the reports first.") }
    static var noSuchReport: AppError { AppError(.notFound, code: "report.notFound", zh: "没有这份报告。", en: "No such report.") }
    static var noSuchUnit: AppError { AppError(.notFound, code: "unit.notFound", zh: "没有这个单位。", en: "No such unit.") }
}
