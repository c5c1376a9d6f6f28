import MinshengCore
import MinshengHTML

extension AuditPage {
    /// Renders a page of the audit log.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.reporting
            let content: Node = .group(
                .h1(.text(words.audit)),
                .table(
                    .class("list audit"),
                    .thead(
                        .tr(
                            .th(.text(words.at)), .th(.text(words.by)), .th(.text(words.action)), .th(.text(words.entity)), .th(.text(words.before)),
                            .th(.text(words.after)))),
                    .tbody(
                        .forEach(model.entries) { entry in
                            .tr(
                                .td(.text(entry.at)), .td(.text(entry.actor + (entry.address.map { " (\($0))" } ?? ""))), .td(.text(entry.action)),
                                .td(.text("\(entry.entity) \(entry.entityID ?? "")")),
                                .td(.code(.text(String((entry.before ?? "").prefix(300))))),
                                .td(.code(.text(String((entry.after ?? "").prefix(300)))))
                            )
                        })
                ),
                .unwrap(model.nextOffset) { .p(.a(.href(SiteURL.adminAudit.path + "?offset=\($0)"), .text("→"))) }
            )
            return Layout(title: words.audit, page: page, content: content).render()
        }
    }
}
