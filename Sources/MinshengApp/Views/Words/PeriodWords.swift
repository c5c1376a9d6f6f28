import Foundation
import MinshengCore

/// The words that say how to write a period, for every form and query that reads one.
struct PeriodWords: Bilingual {
    let language: Language

    /// A month of the given year (2019 where any year will do), such as 2019-09.
    func month(_ year: Int = 2019) -> String { t("期间应写作 \(year)-09。", "Write the period as \(year)-09.") }

    /// A month or the whole year.
    func monthOrYear(_ year: Int) -> String { t("期间应写作 \(year)-09 或 \(year)。", "Write the period as \(year)-09 or \(year).") }

    /// A month, a quarter, a half or the whole year.
    func any(_ year: Int = 2019) -> String {
        t("期间应写作 \(year)-09、\(year)-Q3、\(year)-H1 或 \(year)。", "Write the period as \(year)-09, \(year)-Q3, \(year)-H1 or \(year).")
    }
}

extension PeriodWords {
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    private static let quarters = ["一", "二", "三", "四"]

    /// A period in words: 2019年9月, 2019年第三季度, 2019年上半年, 2019年 (Sep 2019, Q3 2019, H1 2019, 2019).
    func name(_ period: Period) -> String {
        switch period {
        case .month(let year, let month): return t("\(year)年\(month)月", "\(Self.months[month - 1]) \(year)")
        case .quarter(let year, let quarter): return t("\(year)年第\(Self.quarters[quarter - 1])季度", "Q\(quarter) \(year)")
        case .half(let year, let half): return t("\(year)年\(half == 1 ? "上" : "下")半年", "H\(half) \(year)")
        case .year(let year): return t("\(year)年", "\(year)")
        }
    }

    /// A month of the year in words, without the year: 9月 (Sep).
    func monthName(_ month: Int) -> String { t("\(month)月", Self.months[month - 1]) }

    /// A day in words: 2019年9月28日 (28 Sep 2019).
    func day(_ date: CalendarDate) -> String {
        t("\(date.year)年\(date.month)月\(date.day)日", "\(date.day) \(Self.months[date.month - 1]) \(date.year)")
    }
}

extension PeriodWords {
    /// A moment in words, in a zone: 2019年9月18日 10:00 (18 Sep 2019 10:00).
    func moment(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        let hour = parts.hour ?? 0
        let minute = parts.minute ?? 0
        let clock = (hour < 10 ? "0\(hour)" : "\(hour)") + ":" + (minute < 10 ? "0\(minute)" : "\(minute)")
        return day(CalendarDate(date, in: zone)) + " " + clock
    }
}
