import MinshengCore
import MinshengHTML

extension InboxPage {
    /// Renders the inbox.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.reporting
            let content: Node = .group(
                .h1(.text(words.inbox)),
                model.reminders.isEmpty
                    ? .p(.text(words.noReminders))
                    : .ul(
                        .class("inbox"),
                        .forEach(model.reminders) { reminder in
                            .li(
                                .class(reminder.readAt == nil ? "unread" : "read"),
                                .strong(.text("\(reminder.period) ")), .text(reminder.message),
                                .span(.class("plan-meta"), .text(" · \(reminder.createdAt)")))
                        }
                    )
            )
            return Layout(title: words.inbox, page: page, content: content).render()
        }
    }
}
