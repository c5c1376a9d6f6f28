import MinshengCore
import MinshengHTML

extension AuditPage {
    /// Renders a page of the audit log: when, in the configured zone; who did what to which record, as a sentence; and
    /// the recorded before and after, folded away for experts.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = AuditWords(language: page.language)
            let content: Node = .group(
                .h1(.text(page.language.reporting.audit)),
                .div(
                    .class("table-wrap"),
                    .table(
                        .class("dense sticky audit"),
                        .thead(.tr(.th(.text(words.when)), .th(.text(words.what)), .th(.text(words.address)), .th(.text(words.details)))),
                        .tbody(.forEach(model.entries) { row($0, words: words) }))),
                .unwrap(model.nextOffset) {
                    .nav(
                        .class("pager"),
                        .a(.href(SiteURL.adminAudit.path + "?offset=\($0)"), .attribute(named: "rel", value: "next"), .text(words.older)))
                }
            )
            return Layout(title: page.language.reporting.audit, page: page, content: content).render()
        }

        private func row(_ entry: AuditEntry, words: AuditWords) -> Node {
            let actor = entry.actor == "system" ? words.system : entry.actor == "public" ? words.publicVisitor : entry.actor
            let recorded = [entry.before, entry.after].compactMap { $0 }.filter { !$0.isEmpty }
            return .tr(
                .td(.class("nowrap"), .text(page.time(entry.at))),
                .td(
                    .attribute(named: "title", value: entry.action),
                    .text(words.sentence(actor: actor, code: entry.action, entity: entry.entity, id: entry.entityID))),
                .td(.class("nowrap"), .text(entry.address ?? "")),
                .td(
                    .if(
                        !recorded.isEmpty,
                        .element(
                            named: "details",
                            nodes: [
                                .element(named: "summary", text: words.details),
                                .forEach(recorded) { .code(.text(String($0.prefix(600)))) },
                            ])))
            )
        }
    }
}
