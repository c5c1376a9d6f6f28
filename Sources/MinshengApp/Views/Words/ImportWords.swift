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
