import MinshengCore
import MinshengHTML

extension InboxPage {
    /// Renders the inbox: each message with its month in words and its time; a returned report with its item, the
    /// reason and a link to revise it.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.reporting
            let content: Node = .group(
                .h1(.text(words.inbox)),
                model.reminders.isEmpty
                    ? .p(.class("empty"), .text(words.noReminders))
                    : .ul(.class("inbox"), .forEach(model.reminders, message))
            )
            return Layout(title: words.inbox, page: page, content: content).render()
        }

        private func message(_ reminder: Reminder) -> Node {
            let words = MessageWords(language: page.language)
            let period = PeriodWords(language: page.language).name(reminder.period)
            let time = Node.span(.class("plan-meta"), .text(page.time(reminder.createdAt)))
            let state: String = reminder.readAt == nil ? "unread" : "read"
            guard reminder.kind == .returned, let itemID = reminder.itemID, let item = model.items[itemID] else {
                return .li(.class(state), .strong(.text(period)), .text(" "), .text(reminder.message), .text(" "), time)
            }
            let link = SiteURL.report(
                plan: .value(reminder.planID), period: .value(reminder.period.description), item: .value(itemID), unit: .value(reminder.unitID))
            return .li(
                .class("\(state) returned"),
                .span(.class("chip chip-returned"), .text(words.returned)), .text(" "),
                .a(.href(link.path), .text(words.returnedReport(number: item.number, title: item.title, period: period))),
                .p(.text(words.reason(reminder.message))), time)
        }
    }
}
