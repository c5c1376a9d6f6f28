/// Which months of a plan's year are closed for reporting. The office closes a month when its reporting is done, or
/// the month closes itself a number of days after its due day; months close in order, so the latest closed month is
/// the one every page shows unless asked for another. A report for a month still open changes nothing a page shows
/// by default.
package struct MonthClosing: Sendable, Hashable, Codable {
    /// The months the office closed by hand (1–12).
    package var closedMonths: Set<Int>
    /// Days after the due day at which a month closes itself; nil: only the office closes months.
    package var autoCloseDays: Int?

    package init(closedMonths: Set<Int> = [], autoCloseDays: Int? = 10) {
        self.closedMonths = closedMonths
        self.autoCloseDays = autoCloseDays
    }

    /// How a month came to be closed.
    package enum State: Sendable, Hashable {
        case open
        case closedByOffice
        case closedAutomatically
    }

    /// The day a month of the year closes itself, if months do.
    package func autoCloseDate(month: Int, year: Int, calendar: ReportingCalendar) -> CalendarDate? {
        autoCloseDays.map { calendar.dueDate(for: .month(year: year, month: month)).adding(days: $0) }
    }

    /// The latest month of the year closed on `today` with every month before it closed; nil when January is open.
    package func latestClosedMonth(year: Int, calendar: ReportingCalendar, today: CalendarDate) -> Int? {
        var latest: Int?
        for month in 1...12 {
            guard state(month: month, year: year, calendar: calendar, today: today) != .open else { break }
            latest = month
        }
        return latest
    }

    /// Whether a month is closed on `today`, and how.
    package func state(month: Int, year: Int, calendar: ReportingCalendar, today: CalendarDate) -> State {
        if closedMonths.contains(month) { return .closedByOffice }
        if let date = autoCloseDate(month: month, year: year, calendar: calendar), today >= date { return .closedAutomatically }
        return .open
    }

    /// The month the office may close next: the first open one; nil when the year is closed.
    package func nextToClose(year: Int, calendar: ReportingCalendar, today: CalendarDate) -> Int? {
        let latest = latestClosedMonth(year: year, calendar: calendar, today: today) ?? 0
        return latest < 12 ? latest + 1 : nil
    }

    /// The month the office may open again: the latest it closed by hand, when no later month is closed.
    package func lastToReopen(year: Int, calendar: ReportingCalendar, today: CalendarDate) -> Int? {
        guard let latest = latestClosedMonth(year: year, calendar: calendar, today: today) else { return nil }
        return state(month: latest, year: year, calendar: calendar, today: today) == .closedByOffice ? latest : nil
    }

    /// The month pages show when asked for none: the latest closed month, else January.
    package func currentPeriod(year: Int, calendar: ReportingCalendar, today: CalendarDate) -> Period {
        .month(year: year, month: latestClosedMonth(year: year, calendar: calendar, today: today) ?? 1)
    }
}
