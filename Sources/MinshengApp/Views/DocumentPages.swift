import MinshengCore
import MinshengHTML

/// The words of the document pages.
struct DocumentStrings: Sendable {
    var documents: String
    var kind: String
    var kindName: @Sendable (OfficialDocument.Kind) -> String
    var draft: String
    var periodHint: @Sendable (Int) -> String
    var title: String
    var number: String
    var issued: String
    var draftState: String
    var downloads: String
    var refresh: String
    var issue: String
    var issueHint: String
    var addressee: String
    var opening: String
    var issuer: String
    var date: String
    var settings: String
    var prefix: String
    var requirements: String
    var issuedAs: @Sendable (String) -> String
    var refreshed: String
    var saved: String
}

extension DocumentStrings {
    static let zh = DocumentStrings(
        documents: "公文", kind: "类型", kindName: { $0.chineseName }, draft: "起草",
        periodHint: { "月报写作 \($0)-09，季度通报 \($0)-Q3，半年总结 \($0)-H1，年度综合报告 \($0)。" },
        title: "标题", number: "文号", issued: "已印发", draftState: "草稿", downloads: "下载", refresh: "按最新数据重新生成",
        issue: "印发", issueHint: "印发后将编定文号并归档，内容不再改变；重新生成只对草稿有效。", addressee: "主送机关", opening: "开头",
        issuer: "发文机关署名", date: "成文日期", settings: "公文设置", prefix: "发文字号前缀（如 洛政督）",
        requirements: "下一步工作要求（每段一行）", issuedAs: { "已印发，文号 \($0)。" }, refreshed: "已按最新数据重新生成草稿。", saved: "已保存。"
    )

    static let en = DocumentStrings(
        documents: "Documents", kind: "Kind",
        kindName: {
            ["monthly": "Monthly report", "quarterly": "Quarterly circular", "halfYear": "Half-year summary", "annual": "Year-end report"][
                $0.rawValue] ?? $0.rawValue
        },
        draft: "Draft", periodHint: { "Monthly \($0)-09, quarterly \($0)-Q3, half-year \($0)-H1, year-end \($0)." },
        title: "Title", number: "Number", issued: "issued", draftState: "draft", downloads: "Download", refresh: "Regenerate from the current data",
        issue: "Issue",
        issueHint: "Issuing numbers and archives the document; its content never changes afterwards. Regenerating applies to drafts only.",
        addressee: "Addressee", opening: "Opening", issuer: "Issued by", date: "Date", settings: "Document settings",
        prefix: "Number prefix (e.g. 洛政督)", requirements: "Next-step requirements (a paragraph per line)",
        issuedAs: { "Issued as \($0)." }, refreshed: "The draft was regenerated from the current data.", saved: "Saved."
    )
}

extension Language {
    var documents: DocumentStrings { strings.documents }
}
