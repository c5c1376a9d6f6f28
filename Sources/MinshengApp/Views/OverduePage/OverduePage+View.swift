import MinshengCore
import MinshengHTML

extension OverduePage {
    /// Renders the overdue list with the reminder form.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.reporting
            let content: Node = .group(
                .h1(.text(words.overdue)),
                .p(.class("plan-meta"), .text(model.scope.plan.title)),
                PeriodForm(action: SiteURL.overdue.path, period: model.scope.period, planID: model.scope.plan.id, language: page.language).node,
                .unwrap(model.message) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
                model.overdue.isEmpty ? .p(.text(words.nothingOverdue)) : form
            )
            return Layout(title: words.overdue, page: page, content: content).render()
        }

        private var form: Node {
            let words = page.language.reporting
            let remindedUnits = Set(model.reminders.map(\.unitID))
            return .form(
                .method(.post), .action(SiteURL.remind.path),
                page.csrfField,
                .input(.type(.hidden), .name("plan"), .value(String(model.scope.plan.id))),
                .input(.type(.hidden), .name("period"), .value(model.scope.period.description)),
                .table(
                    .class("list"),
                    .thead(.tr(.th(.text("")), .th(.text(words.unit)), .th(.text(words.item)), .th(.text(words.inbox)))),
                    .tbody(
                        .forEach(model.overdue) { entry in
                            .tr(
                                .td(.input(.type(.checkbox), .id("unit-\(entry.unit.id)"), .name("unit"), .value(String(entry.unit.id)))),
                                .td(.label(.for("unit-\(entry.unit.id)"), .text(entry.unit.name))),
                                .td(.text(entry.tasks.map { String($0.item.number) }.joined(separator: page.punctuation.listSeparator))),
                                .td(.text(remindedUnits.contains(entry.unit.id) ? "✓" : ""))
                            )
                        })
                ),
                .label(.for("message"), .text(words.message)),
                .textarea(
                    .id("message"), .name("message"), .attribute(named: "rows", value: "2"),
                    .text(words.defaultReminder(model.scope.period.description))),
                .div(
                    .class("actions"),
                    .button(.type(.submit), .name("scope"), .value("selected"), .text(words.remindSelected)),
                    .button(.type(.submit), .name("scope"), .value("all"), .class("primary"), .text(words.remindAll))
                )
            )
        }
    }
}
