import MinshengCore
import MinshengHTML

extension DocumentsPage {
    /// Renders the page from its model.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.documents
            let kinds = OfficialDocument.Kind.allCases
            let content: Node = .group(
                .h1(.text("\(words.documents)\(page.punctuation.colon)\(model.plan.title)")),
                .if(
                    page.may(.office),
                    .form(
                        .class("period-form"), .method(.post), .action(SiteURL.documents.path),
                        page.csrfField,
                        .input(.type(.hidden), .name("plan"), .value(String(model.plan.id))),
                        .label(.for("kind"), .text(words.kind)),
                        SelectField.node(
                            id: "kind", name: "kind", label: words.kind, options: kinds.map { ($0.rawValue, words.kindName($0)) },
                            selected: "quarterly"),
                        .label(.for("period"), .text(page.language.reporting.period)),
                        .input(.type(.text), .id("period"), .name("period"), .placeholder("\(model.plan.year)-Q3"), .required(true)),
                        .button(.type(.submit), .text(words.draft))
                    )),
                .p(.class("hint"), .text(words.periodHint(model.plan.year))),
                .table(
                    .class("list"),
                    .thead(
                        .tr(
                            .th(.text(words.title)), .th(.text(words.kind)), .th(.text(page.language.reporting.period)), .th(.text(words.number)),
                            .th(.text(page.language.reporting.state)), .th(.text(page.language.reporting.at)))),
                    .tbody(
                        .forEach(model.documents) { stored in
                            .tr(
                                .td(.a(.href(SiteURL.document(.value(stored.id)).path), .text(stored.content.title))),
                                .td(.text(words.kindName(stored.content.kind))),
                                .td(.text(stored.content.period.description)),
                                .td(.text(stored.content.number ?? "—")),
                                .td(.text(stored.state == .issued ? words.issued : words.draftState)),
                                .td(.text(page.time(stored.issuedAt ?? stored.createdAt)))
                            )
                        })
                )
            )
            return Layout(title: words.documents, page: page, content: content).render()
        }
    }
}
