/// The refusals of storing an imported plan.
enum ImportRefusals {
    static var noJurisdiction: AppError {
        AppError(
            .invalidInput, code: "import.jurisdictionRequired", zh: "方案没有写明行政区划，请填写（如 洛阳市）。",
            en: "The plan names no jurisdiction: give one (e.g. 洛阳市).")
    }
    static var noYear: AppError { AppError(.invalidInput, code: "import.yearRequired", zh: "方案没有写明年度，请填写。", en: "The plan has no year: give one.") }
    static func jurisdictionNotStored(_ name: String) -> AppError {
        AppError(
            .internalError, code: "import.jurisdictionNotStored", zh: "行政区划“\(name)”未能保存。", en: "The jurisdiction \(name) could not be stored.")
    }
}

/// The refusals of the JSON API's parameters: what a value must look like, with what was sent.
enum APIRefusals {
    static func monthPeriod(_ text: String?) -> AppError {
        AppError(
            .invalidInput, code: "api.period.month", zh: "period 须为月份，如 2019-09\(got(text))。",
            en: "period must be a month such as 2019-09\(gotEnglish(text)).")
    }
    static func anyPeriod(_ text: String) -> AppError {
        AppError(
            .invalidInput, code: "api.period", zh: "period 须为 2019-09、2019-Q3、2019-H1 或 2019\(got(text))。",
            en: "period must be 2019-09, 2019-Q3, 2019-H1 or 2019\(gotEnglish(text)).")
    }
    static func documentPeriod(year: Int) -> AppError {
        AppError(
            .invalidInput, code: "api.period.document", zh: "period 须为 \(year)-09、\(year)-Q3 或 \(year)。",
            en: "period must be \(year)-09, \(year)-Q3 or \(year).")
    }
    static func integer(_ name: String, _ value: String) -> AppError {
        AppError(
            .invalidInput, code: "api.query.integer", zh: "查询参数 \(name) 须为整数（收到 \(value.prefix(40))）。",
            en: "The query parameter \(name) must be an integer (got \(value.prefix(40))).")
    }
    static func number(_ field: String, _ value: String) -> AppError {
        AppError(.invalidInput, code: "api.number", zh: "\(field)：\(value) 不是数字。", en: "\(field): \(value) is not a number.")
    }
    static func oneOf(_ field: String, _ allowed: [String], got text: String) -> AppError {
        AppError(
            .invalidInput, code: "api.enum", zh: "\(field) 须为 \(allowed.joined(separator: "、"))\(got(text))。",
            en: "\(field) must be \(allowed.joined(separator: ", "))\(gotEnglish(text)).")
    }
    static func action(_ allowed: [String], got text: String) -> AppError {
        AppError(
            .notFound, code: "api.action", zh: "没有操作“\(text)”；可用操作：\(allowed.joined(separator: "、"))。",
            en: "No action \(text); use \(allowed.joined(separator: ", ")).")
    }
    static var ownUnitsTasks: AppError {
        AppError(.forbidden, code: "api.tasks.ownUnit", zh: "填报人员只能查看本单位的任务。", en: "Reporters see their own unit's tasks.")
    }
    static var noCaseToOpen: AppError {
        AppError(
            .conflict, code: "case.noRule", zh: "目前没有规则要求启动该问责，或已经启动。", en: "No rule calls for that case now, or it was opened already.")
    }

    private static func got(_ text: String?) -> String { text.map { "，收到 \($0)" } ?? "" }
    private static func gotEnglish(_ text: String?) -> String { text.map { "; got \($0)" } ?? "" }
}

/// The refusals of placing a plan's jurisdiction in the tree, of replacing a plan and of choosing one.
enum PlanRefusals {
    static func hasReports(_ title: String) -> AppError {
        AppError(
            .conflict, code: "import.planHasReports", zh: "方案《\(title)》已有报送数据，不能整体替换；请在导入核对页面逐项接受修改。",
            en: "The plan \(title) has reports; accept changes item by item on the import review page.")
    }
    static func alreadyUnder(_ name: String, current: String, requested: String) -> AppError {
        AppError(
            .invalidInput, code: "jurisdiction.parentFixed", zh: "\(name)已隶属于\(current)，不能改为\(requested)。",
            en: "\(name) already belongs to \(current), not \(requested).")
    }
    static func parentBelow(_ parent: String, _ name: String) -> AppError {
        AppError(
            .invalidInput, code: "jurisdiction.cycle", zh: "\(parent)在\(name)之下，不能作为其上级。", en: "\(parent) is below \(name) and cannot be its parent.")
    }
    static func severalForYear(_ year: Int64, ids: [Int64]) -> AppError {
        let list = ids.map(String.init)
        return AppError(
            .invalidInput, code: "plan.ambiguousYear", zh: "\(year)年度有多个方案（编号 \(list.joined(separator: "、"))），请给出方案编号。",
            en: "Several plans are for \(year) (ids \(list.joined(separator: ", "))); give the plan's id.")
    }
}
