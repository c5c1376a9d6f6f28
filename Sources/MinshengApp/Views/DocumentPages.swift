import MinshengCore
import MinshengHTML

/// The archive of documents and the form that drafts a new one.
struct DocumentsPage {
    var plan: Plan
    var documents: [StoredDocument]
    var page: PageContext

    func render() -> String {
        let words = page.language.documents
        let kinds = OfficialDocument.Kind.allCases
        let content: Node = .group(
            .h1(.text("\(words.documents)：\(plan.title)")),
            .if(
                page.may(.office),
                .form(
                    .class("period-form"), .method(.post), .action(SiteURL.documents.path),
                    page.csrfField,
                    .input(.type(.hidden), .name("plan"), .value(String(plan.id))),
                    .label(.for("kind"), .text(words.kind)),
                    SelectField.node(
                        id: "kind", name: "kind", label: words.kind, options: kinds.map { ($0.rawValue, words.kindName($0)) }, selected: "quarterly"),
                    .label(.for("period"), .text(page.language.reporting.period)),
                    .input(.type(.text), .id("period"), .name("period"), .placeholder("\(plan.year)-Q3"), .required(true)),
                    .button(.type(.submit), .text(words.draft))
                )),
            .p(.class("hint"), .text(words.periodHint(plan.year))),
            .table(
                .class("list"),
                .thead(
                    .tr(
                        .th(.text(words.title)), .th(.text(words.kind)), .th(.text(page.language.reporting.period)), .th(.text(words.number)),
                        .th(.text(page.language.reporting.state)), .th(.text(page.language.reporting.at)))),
                .tbody(
                    .forEach(documents) { stored in
                        .tr(
                            .td(.a(.href(SiteURL.document(.value(stored.id)).path), .text(stored.content.title))),
                            .td(.text(words.kindName(stored.content.kind))),
                            .td(.text(stored.content.period.description)),
                            .td(.text(stored.content.number ?? "—")),
                            .td(.text(stored.state == .issued ? words.issued : words.draftState)),
                            .td(.text(stored.issuedAt ?? stored.createdAt))
                        )
                    })
            )
        )
        return Layout(title: words.documents, page: page, content: content).render()
    }
}

/// One document: its text for reading, downloads, and for a draft the editing form, refresh and issue.
struct DocumentPage {
    var stored: StoredDocument
    var message: String?
    var page: PageContext

    func render() -> String {
        let words = page.language.documents
        let document = stored.content
        let isDraft = stored.state == .draft && page.may(.office)
        let content: Node = .group(
            .p(.a(.href(SiteURL.documents.path + "?plan=\(stored.planID)"), .text("← " + words.documents))),
            .h1(.text(document.title)),
            .p(
                .class("plan-meta"),
                .text(
                    "\(words.kindName(document.kind)) · \(document.period) · "
                        + (stored.state == .issued ? "\(words.issued) \(document.number ?? "")" : words.draftState))),
            .unwrap(message) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .p(
                .text(words.downloads + "："),
                .forEach(DocumentService.Format.allCases) { format in
                    .group(
                        .a(.href(SiteURL.documentFile(.value(stored.id), .value(format.rawValue)).path), .text(format.rawValue.uppercased())),
                        .text(" "))
                }),
            isDraft ? editor : reading,
            .if(
                isDraft,
                .div(
                    .class("actions"),
                    .form(
                        .method(.post), .action(SiteURL.documentRefresh(.value(stored.id)).path), page.csrfField,
                        .button(.type(.submit), .text(words.refresh))),
                    .form(
                        .method(.post), .action(SiteURL.documentIssue(.value(stored.id)).path), page.csrfField,
                        .button(.type(.submit), .class("primary"), .text(words.issue)))
                )),
            .if(isDraft, .p(.class("hint"), .text(words.issueHint)))
        )
        return Layout(title: document.title, page: page, content: content).render()
    }

    private var reading: Node {
        let document = stored.content
        return .article(
            .class("official"),
            .if(!document.addressee.isEmpty, .p(.text(document.addressee))),
            .forEach(document.sections) { section in
                .group(.unwrap(section.heading) { .h2(.text($0)) }, .forEach(section.paragraphs) { .p(.text($0)) })
            },
            .div(
                .class("charts"),
                .forEach(Array(document.charts.enumerated())) { index, chart in DocumentPrintPage.svg(chart, id: "chart-\(index + 1)") }),
            .p(.class("signature"), .text(document.issuer)),
            .p(.class("signature"), .text(DocxWriter.chineseDate(document.date))),
            table
        )
    }

    private var table: Node {
        .table(
            .class("list"),
            .forEach(Array(stored.content.tableText.enumerated())) { index, row in
                index == 0 ? .tr(.forEach(row) { .th(.text($0)) }) : .tr(.forEach(row) { .td(.text($0)) })
            }
        )
    }

    private var editor: Node {
        let words = page.language.documents
        let document = stored.content
        return .group(
            .form(
                .class("document-editor"), .method(.post), .action(SiteURL.document(.value(stored.id)).path),
                page.csrfField,
                .label(.for("title"), .text(words.title)),
                .input(.type(.text), .id("title"), .name("title"), .value(document.title)),
                .label(.for("addressee"), .text(words.addressee)),
                .input(.type(.text), .id("addressee"), .name("addressee"), .value(document.addressee)),
                .forEach(Array(document.sections.enumerated())) { index, section in
                    .group(
                        .label(.for("section-\(index)"), .text(section.heading ?? words.opening)),
                        .textarea(
                            .id("section-\(index)"), .name("section.\(index)"),
                            .attribute(named: "rows", value: String(max(3, section.paragraphs.count * 2))),
                            .text(section.paragraphs.joined(separator: "\n")))
                    )
                },
                .label(.for("issuer"), .text(words.issuer)),
                .input(.type(.text), .id("issuer"), .name("issuer"), .value(document.issuer)),
                .label(.for("date"), .text(words.date)),
                .input(.type(.date), .id("date"), .name("date"), .value(document.date.iso)),
                .button(.type(.submit), .text(page.strings.save))
            ),
            .div(
                .class("charts"),
                .forEach(Array(document.charts.enumerated())) { index, chart in DocumentPrintPage.svg(chart, id: "chart-\(index + 1)") }),
            table
        )
    }
}

/// A plan's document settings: issuer, addressee, number prefix and the 下一步工作要求 template.
struct DocumentSettingsPage {
    var plan: Plan
    var settings: DocumentSettings
    var message: String?
    var page: PageContext

    func render() -> String {
        let words = page.language.documents
        let content: Node = .group(
            .h1(.text("\(words.settings)：\(plan.title)")),
            .unwrap(message) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .form(
                .class("narrow"), .method(.post), .action(SiteURL.documentSettings(.value(plan.id)).path),
                page.csrfField,
                .label(.for("issuer"), .text(words.issuer)),
                .input(.type(.text), .id("issuer"), .name("issuer"), .value(settings.issuer)),
                .label(.for("addressee"), .text(words.addressee)),
                .input(.type(.text), .id("addressee"), .name("addressee"), .value(settings.addressee)),
                .label(.for("prefix"), .text(words.prefix)),
                .input(.type(.text), .id("prefix"), .name("prefix"), .value(settings.numberPrefix)),
                .label(.for("requirements"), .text(words.requirements)),
                .textarea(
                    .id("requirements"), .name("requirements"), .attribute(named: "rows", value: "8"),
                    .text(settings.requirements.joined(separator: "\n"))),
                .button(.type(.submit), .text(page.strings.save))
            )
        )
        return Layout(title: words.settings, page: page, content: content).render()
    }
}

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
