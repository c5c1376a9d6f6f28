/// A day in the civil calendar (year, month, day), free of time zones.
///
/// Plans speak in dates such as 2019年2月18日 or 12月底前; a time-zone-free value keeps
/// those exact wherever the server runs.
package struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    package var year: Int
    package var month: Int
    package var day: Int

    /// Creates a date, or nil when the components do not name a real day.
    package init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    package init?(iso: String) {
        let parts = iso.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The last day of a month.
    package static func endOfMonth(year: Int, month: Int) -> CalendarDate? {
        guard (1...12).contains(month) else { return nil }
        return CalendarDate(year: year, month: month, day: daysIn(month: month, year: year))
    }

    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    package static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The date `days` days later (earlier when negative).
    package func adding(days: Int) -> CalendarDate {
        var result = self
        var remaining = days
        while remaining > 0 {
            if result.day < Self.daysIn(month: result.month, year: result.year) {
                result.day += 1
            } else if result.month < 12 {
                result = CalendarDate(year: result.year, month: result.month + 1, day: 1)!
            } else {
                result = CalendarDate(year: result.year + 1, month: 1, day: 1)!
            }
            remaining -= 1
        }
        while remaining < 0 {
            if result.day > 1 {
                result.day -= 1
            } else if result.month > 1 {
                result = Self.endOfMonth(year: result.year, month: result.month - 1)!
            } else {
                result = Self.endOfMonth(year: result.year - 1, month: 12)!
            }
            remaining += 1
        }
        return result
    }

    /// `YYYY-MM-DD`.
    package var iso: String {
        let y = year < 1000 && year >= 0 ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(y)-\(m)-\(d)"
    }

    package var description: String { iso }

    package static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "Expected a date as YYYY-MM-DD, got \(text)")
        }
        self = date
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
