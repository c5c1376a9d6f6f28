import MinshengCore
import MinshengHTML

extension DocumentPage {
    /// Renders the page from its model.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.documents
            let document = model.stored.content
            let isDraft = model.stored.state == .draft && page.may(.office)
            let content: Node = .group(
                .p(.a(.href(SiteURL.documents.path + "?plan=\(model.stored.planID)"), .text("← " + words.documents))),
                .h1(.text(document.title)),
                .p(
                    .class("plan-meta"),
                    .text(
                        "\(words.kindName(document.kind)) · \(document.period) · "
                            + (model.stored.state == .issued ? "\(words.issued) \(document.number ?? "")" : words.draftState))),
                .unwrap(model.message) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
                .p(
                    .text(words.downloads + page.punctuation.colon),
                    .forEach(DocumentService.Format.allCases) { format in
                        .group(
                            .a(
                                .href(SiteURL.documentFile(.value(model.stored.id), .value(format.rawValue)).path),
                                .text(format.rawValue.uppercased())),
                            .text(" "))
                    }),
                isDraft ? editor : reading,
                .if(
                    isDraft,
                    .div(
                        .class("actions"),
                        .form(
                            .method(.post), .action(SiteURL.documentRefresh(.value(model.stored.id)).path), page.csrfField,
                            .button(.type(.submit), .text(words.refresh))),
                        .form(
                            .method(.post), .action(SiteURL.documentIssue(.value(model.stored.id)).path), page.csrfField,
                            .button(.type(.submit), .class("primary"), .text(words.issue)))
                    )),
                .if(isDraft, .p(.class("hint"), .text(words.issueHint)))
            )
            return Layout(title: document.title, page: page, content: content).render()
        }

        private var reading: Node {
            let document = model.stored.content
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
                .forEach(Array(model.stored.content.tableText.enumerated())) { index, row in
                    index == 0 ? .tr(.forEach(row) { .th(.text($0)) }) : .tr(.forEach(row) { .td(.text($0)) })
                }
            )
        }

        private var editor: Node {
            let words = page.language.documents
            let document = model.stored.content
            return .group(
                .form(
                    .class("document-editor"), .method(.post), .action(SiteURL.document(.value(model.stored.id)).path),
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
}
