import MinshengCore
import MinshengHTML

extension CalendarPage.View {
    /// The closing table: each month's state, the button that closes the next open month (asking first) and the one
    /// that opens again the last month the office closed, and the days after which months close themselves.
    var closingSection: Node {
        let words = ClosingWords(language: page.language)
        let periods = PeriodWords(language: page.language)
        let closing = model.closing
        return .section(
            .attribute(named: "aria-labelledby", value: "closing"),
            .h2(.id("closing"), .text(words.heading)),
            .p(.class("lead"), .text(words.current(periods.name(closing.currentPeriod)))),
            .p(.class("hint"), .text(words.hint)),
            .table(
                .class("dense"),
                .thead(.tr(.th(.text(words.month)), .th(.text(words.state)), .th(.text("")))),
                .tbody(.forEach(Array(1...12)) { month in row(month, words: words, periods: periods) })
            ),
            .form(
                .method(.post), .action(SiteURL.adminCalendar(.value(model.plan.id)).path), .class("inline-form"),
                page.csrfField,
                .input(.type(.hidden), .name("action"), .value("autoClose")),
                .label(.for("auto-close"), .text(words.autoClose)),
                .input(
                    .type(.number), .id("auto-close"), .name("autoCloseDays"), .value(closing.closing.autoCloseDays.map(String.init) ?? ""),
                    .attribute(named: "min", value: "0"), .attribute(named: "max", value: "60")),
                .span(.class("hint"), .text(words.autoCloseHint)),
                .button(.type(.submit), .class("secondary"), .text(page.strings.save))
            )
        )
    }

    private func row(_ month: Int, words: ClosingWords, periods: PeriodWords) -> Node {
        let closing = model.closing
        let year = model.plan.year
        let name = periods.monthName(month)
        let state = closing.closing.state(month: month, year: year, calendar: closing.calendar, today: model.today)
        let autoDay = closing.closing.autoCloseDate(month: month, year: year, calendar: closing.calendar).map(periods.day)
        let text: String
        switch state {
        case .closedByOffice:
            text = words.closedByOffice(closing.records.first { $0.month == month }.map { page.day($0.closedAt) } ?? "")
        case .closedAutomatically: text = words.closedAutomatically(autoDay ?? "")
        case .open: text = autoDay.map(words.closesItself) ?? words.open
        }
        return .tr(
            .th(.attribute(named: "scope", value: "row"), .text(periods.name(.month(year: year, month: month)))),
            .td(.span(.class(state == .open ? "chip chip-open" : "chip chip-closed"), .text(text))),
            .td(monthAction(month, name: name, words: words))
        )
    }

    private func monthAction(_ month: Int, name: String, words: ClosingWords) -> Node {
        let closing = model.closing
        let action: (value: String, label: String, confirm: String?)
        if closing.nextToClose == month {
            action = ("close", words.close(name), words.confirmClose(name))
        } else if closing.lastToReopen == month {
            action = ("reopen", words.reopen(name), nil)
        } else {
            return .empty
        }
        return .form(
            .method(.post), .action(SiteURL.adminCalendar(.value(model.plan.id)).path), .class("inline"),
            .unwrap(action.confirm) { .attribute(named: "data-confirm", value: $0) },
            page.csrfField,
            .input(.type(.hidden), .name("action"), .value(action.value)),
            .input(.type(.hidden), .name("month"), .value(String(month))),
            .button(.type(.submit), .class(action.value == "close" ? "primary" : "secondary"), .text(action.label))
        )
    }
}
