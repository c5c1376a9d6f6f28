/// The words of the checks every request passes: signing in, reach, roles, form tokens, methods and the plan it names.
struct RequestWords: Bilingual {
    let language: Language

    var signInFirst: String { t("请先登录。", "Please sign in first.") }
    var outOfReach: String { t("没有找到，或不在您的管辖范围内。", "Not found, or outside your jurisdiction.") }
    var roleRefusal: String { t("您的角色无权进行此操作。", "Your role does not allow this.") }
    var invalidToken: String { t("API 令牌无效或已被撤销。", "The API token is not valid or has been revoked.") }
    var methodNotAllowed: String { t("此地址不接受该请求方法。", "This address does not take that method.") }
    var planParameter: String { t("plan 参数应为方案编号。", "The plan parameter is a plan's id.") }
    /// A signed-in form whose token does not match the session's.
    var formExpiredOrForeign: String {
        t("表单已过期或来源不明，请刷新页面后重试。", "The form has expired or did not come from this site; reload the page and try again.")
    }
    /// A form shown before signing in whose token does not match its cookie.
    var formExpired: String { t("表单已过期，请刷新页面后重试。", "The form has expired; reload the page and try again.") }

    /// What the reader sees of a fault of the server; the details go to the log.
    var internalError: String {
        t("服务器内部错误，请稍后重试；如问题持续，请联系管理员。", "Internal server error; try again later, and tell the administrator if it persists.")
    }
    var databaseUnavailable: String { t("数据库暂时无法访问，请稍后重试。", "The database cannot be reached at the moment; try again later.") }

    /// An HTTP status raised below the app (a route that does not exist, a body that cannot be read).
    func status(_ code: Int) -> String {
        switch code {
        case 404: return t("没有找到该页面。", "Not found.")
        case 405: return methodNotAllowed
        case 413: return t("请求内容过大。", "The request is too large.")
        case 400..<500: return t("请求无法处理（\(code)）。", "The request cannot be handled (\(code)).")
        default: return internalError
        }
    }

    func noPlan(_ id: Int64) -> String { t("没有编号为 \(id) 的工作方案。", "No plan has id \(id).") }
}
