import Foundation

/// A reporting or assessment period, written the same way everywhere: `2019-09` (month), `2019-Q3` (quarter),
/// `2019-H1` (half year) and `2019` (year).
package enum Period: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    case month(year: Int, month: Int)
    case quarter(year: Int, quarter: Int)
    case half(year: Int, half: Int)
    case year(Int)

    /// Parses `2019-09`, `2019-Q3`, `2019-H1` or `2019`.
    package init?(_ text: String) {
        let parts = text.trimmingCharacters(in: .whitespaces).uppercased().split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, first.count == 4, let year = Int(first), year > 1900, year < 3000 else { return nil }
        if parts.count == 1 {
            self = .year(year)
            return
        }
        guard parts.count == 2 else { return nil }
        let second = parts[1]
        if second.count == 2, let month = Int(second), (1...12).contains(month) {
            self = .month(year: year, month: month)
        } else if second.hasPrefix("Q"), let quarter = Int(second.dropFirst()), (1...4).contains(quarter), second.count == 2 {
            self = .quarter(year: year, quarter: quarter)
        } else if second.hasPrefix("H"), let half = Int(second.dropFirst()), (1...2).contains(half), second.count == 2 {
            self = .half(year: year, half: half)
        } else {
            return nil
        }
    }

    package var description: String {
        switch self {
        case .month(let year, let month): return month < 10 ? "\(year)-0\(month)" : "\(year)-\(month)"
        case .quarter(let year, let quarter): return "\(year)-Q\(quarter)"
        case .half(let year, let half): return "\(year)-H\(half)"
        case .year(let year): return "\(year)"
        }
    }

    package var year: Int {
        switch self {
        case .month(let year, _), .quarter(let year, _), .half(let year, _), .year(let year): return year
        }
    }

    /// The months the period covers, first to last.
    package var months: ClosedRange<Int> {
        switch self {
        case .month(_, let month): return month...month
        case .quarter(_, let quarter): return (quarter * 3 - 2)...(quarter * 3)
        case .half(_, let half): return (half * 6 - 5)...(half * 6)
        case .year: return 1...12
        }
    }

    /// The month in which the period ends (its data stand as of that month).
    package var lastMonth: Period { .month(year: year, month: months.upperBound) }

    /// The period's last day.
    package var endDate: CalendarDate { CalendarDate.endOfMonth(year: year, month: months.upperBound)! }

    /// The month after this month; only for months.
    package var nextMonth: Period? {
        guard case .month(let year, let month) = self else { return nil }
        return month == 12 ? .month(year: year + 1, month: 1) : .month(year: year, month: month + 1)
    }

    /// The month before this month; only for months.
    package var previousMonth: Period? {
        guard case .month(let year, let month) = self else { return nil }
        return month == 1 ? .month(year: year - 1, month: 12) : .month(year: year, month: month - 1)
    }

    /// The month containing a date.
    package static func month(containing date: CalendarDate) -> Period { .month(year: date.year, month: date.month) }

    /// Every month of a year.
    package static func months(of year: Int) -> [Period] { (1...12).map { .month(year: year, month: $0) } }

    package static func < (lhs: Period, rhs: Period) -> Bool {
        (lhs.endDate, lhs.months.count) < (rhs.endDate, rhs.months.count)
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let period = Period(text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "Expected a period such as 2019-09, 2019-Q3, 2019-H1 or 2019; got \(text)")
        }
        self = period
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
