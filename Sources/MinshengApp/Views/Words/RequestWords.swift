/// The words of the checks every request passes: signing in, reach, roles, form tokens, methods and the plan it names.
struct RequestWords: Bilingual {
    let language: Language

    var signInFirst: String { t("请先登录。", "Please sign in first.") }
    var outOfReach: String { t("没有找到，或不在您的管辖范围内。", "Not found, or outside your jurisdiction.") }
    var roleRefusal: String { t("您的角色无权进行此操作。", "Your role does not allow this.") }
    var methodNotAllowed: String { t("此地址不接受该请求方法。", "This address does not take that method.") }
    var planParameter: String { t("plan 参数应为方案编号。", "The plan parameter is a plan's id.") }
    /// A signed-in form whose token does not match the session's.
    var formExpiredOrForeign: String {
        t("表单已过期或来源不明，请刷新页面后重试。", "The form has expired or did not come from this site; reload the page and try again.")
    }
    /// A form shown before signing in whose token does not match its cookie.
    var formExpired: String { t("表单已过期，请刷新页面后重试。", "The form has expired; reload the page and try again.") }

    func noPlan(_ id: Int64) -> String { t("没有编号为 \(id) 的工作方案。", "No plan has id \(id).") }
}
