import Foundation
import Testing

@testable import MinshengCore

@Suite struct MonthClosingTests {
    let calendar = ReportingCalendar(dueDay: 25)

    func day(_ month: Int, _ day: Int, year: Int = 2019) -> CalendarDate { CalendarDate(year: year, month: month, day: day)! }

    /// Months the office closed in order make the latest one current; an early report for the next month is not a
    /// closing, so nothing moves until the office (or the calendar) closes it.
    @Test func theLatestClosedMonthIsCurrent() {
        let closing = MonthClosing(closedMonths: Set(1...9), autoCloseDays: nil)
        #expect(closing.currentPeriod(year: 2019, calendar: calendar, today: day(10, 3)) == .month(year: 2019, month: 9))
        #expect(closing.currentPeriod(year: 2019, calendar: calendar, today: day(12, 1, year: 2026)) == .month(year: 2019, month: 9))
        #expect(closing.nextToClose(year: 2019, calendar: calendar, today: day(10, 3)) == 10)
        #expect(closing.lastToReopen(year: 2019, calendar: calendar, today: day(10, 3)) == 9)
        #expect(MonthClosing(autoCloseDays: nil).currentPeriod(year: 2019, calendar: calendar, today: day(6, 1)) == .month(year: 2019, month: 1))
        #expect(MonthClosing(autoCloseDays: nil).latestClosedMonth(year: 2019, calendar: calendar, today: day(6, 1)) == nil)
    }

    /// A month closes itself the set number of days after its due day, and not a day before.
    @Test func monthsCloseThemselvesAfterTheDueDay() {
        let closing = MonthClosing(closedMonths: [], autoCloseDays: 10)
        #expect(closing.autoCloseDate(month: 9, year: 2019, calendar: calendar) == day(10, 5))
        #expect(closing.state(month: 9, year: 2019, calendar: calendar, today: day(10, 4)) == .open)
        #expect(closing.state(month: 9, year: 2019, calendar: calendar, today: day(10, 5)) == .closedAutomatically)
        #expect(closing.latestClosedMonth(year: 2019, calendar: calendar, today: day(10, 4)) == 8)
        #expect(closing.currentPeriod(year: 2019, calendar: calendar, today: day(3, 1, year: 2020)) == .month(year: 2019, month: 12))
        // Only a month the office closed by hand can be opened again.
        #expect(closing.lastToReopen(year: 2019, calendar: calendar, today: day(10, 5)) == nil)
    }

    /// A gap stops the run: a closed October after an open September does not make October current.
    @Test func monthsCloseInOrder() {
        let closing = MonthClosing(closedMonths: [1, 2, 3, 5], autoCloseDays: nil)
        #expect(closing.latestClosedMonth(year: 2019, calendar: calendar, today: day(8, 1)) == 3)
        #expect(closing.nextToClose(year: 2019, calendar: calendar, today: day(8, 1)) == 4)
        #expect(MonthClosing(closedMonths: Set(1...12), autoCloseDays: nil).nextToClose(year: 2019, calendar: calendar, today: day(8, 1)) == nil)
    }
}
