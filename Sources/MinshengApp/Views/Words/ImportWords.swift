/// The words of the plan import's refusals: the upload, the draft's fields and its confirmation.
struct ImportWords: Bilingual {
    let language: Language

    var tickChanges: String { t("请勾选要接受的修改。", "Tick the changes to accept.") }
    var uploadIncomplete: String { t("上传的表单不完整，请选择文件后重试。", "The upload is incomplete; choose a file and try again.") }

    func badYear(_ text: String) -> String { t("年度“\(text)”不是有效的年份。", "The year \(text) is not valid.") }
    func badIssueDate(_ text: String) -> String { t("印发日期“\(text)”应写作 2019-02-18。", "The issue date \(text) should be written 2019-02-18.") }
    func noItem(_ number: Int) -> String { t("导入中没有第\(number)项。", "The import has no item \(number).") }
    func noImport(_ id: Int64) -> String { t("没有编号为 \(id) 的导入。", "No import has id \(id).") }

    /// A plan of another jurisdiction than the importer's own, named.
    func ownJurisdictionOnly(_ name: String) -> String {
        t("您只能导入本地区（\(name)）的方案。", "You may import only your own jurisdiction's (\(name)) plans.")
    }
}

/// What needs a look in an imported item.
enum ImportProblem: Sendable, Hashable {
    case noLeadUnit, noIndicator, noTarget
    case warnings(Int)
}

extension ImportWords {
    func problem(_ problem: ImportProblem) -> String {
        switch problem {
        case .noLeadUnit: return t("无牵头单位", "No lead unit")
        case .noIndicator: return t("无指标", "No indicator")
        case .noTarget: return t("无目标值", "No target")
        case .warnings(let count): return t("\(count)条提示", count == 1 ? "1 warning" : "\(count) warnings")
        }
    }
    var noProblem: String { t("已识别完整", "Complete") }
    func problemsFirst(_ problems: Int, _ total: Int) -> String {
        t(
            "共\(total)项，其中\(problems)项需要核对，已排在前面并展开；其余项已折叠，点击标题展开。全页修改后点页面底部的“保存”一次保存。",
            "\(total) items; the \(problems) that need a look come first and are open, the rest are folded (click a title to open). "
                + "Save once at the bottom of the page.")
    }
    func itemWarning(_ number: Int, _ warning: String) -> String { t("第\(number)项：\(warning)", "Item \(number): \(warning)") }
}
