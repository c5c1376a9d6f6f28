import MinshengCore
import MinshengHTML

extension CalendarPage {
    /// Renders the calendar form.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.reporting
            let content: Node = .group(
                .h1(.text("\(words.calendar)\(page.punctuation.colon)\(model.plan.title)")),
                .unwrap(model.message) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
                .p(.text(words.calendarHint)),
                .form(
                    .method(.post), .action(SiteURL.adminCalendar(.value(model.plan.id)).path),
                    page.csrfField,
                    .label(.for("due-day"), .text(words.dueDay)),
                    .input(
                        .type(.number), .id("due-day"), .name("dueDay"), .value(String(model.calendar.dueDay)), .attribute(named: "min", value: "1"),
                        .attribute(named: "max", value: "28")),
                    .fieldset(
                        .element(named: "legend", text: words.quarterly),
                        .forEach(model.items) { item in
                            .label(
                                .class("check"),
                                .input(
                                    .type(.checkbox), .name("quarterly"), .value(String(item.id)), .checked(model.cadences[item.id] == .quarterly)),
                                .text(" \(item.number). \(item.title)"))
                        }
                    ),
                    .button(.type(.submit), .text(page.strings.save))
                ),
                closingSection
            )
            return Layout(title: words.calendar, page: page, content: content).render()
        }
    }
}
