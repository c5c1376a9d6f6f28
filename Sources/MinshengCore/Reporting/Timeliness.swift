import Foundation

/// When a report counts as on time: submitted on or before its due day, the day read in the plan's time zone (a
/// report stored at 2019-09-25T17:00Z was submitted on the 26th in Beijing).
package enum Timeliness {
    /// The calendar day, in `zone`, of a stored ISO 8601 timestamp (`2019-09-25T17:00:00Z`).
    package static func day(of timestamp: String, in zone: TimeZone) -> CalendarDate? {
        guard let instant = try? Date(timestamp, strategy: Date.ISO8601FormatStyle()) else { return nil }
        return CalendarDate(instant, in: zone)
    }

    /// Whether a submission at `timestamp` came after the due day.
    package static func isLate(submittedAt timestamp: String, due: CalendarDate, in zone: TimeZone) -> Bool {
        guard let day = day(of: timestamp, in: zone) else { return false }
        return day > due
    }
}

extension CalendarDate {
    /// The calendar day of an instant in a time zone.
    package init(_ instant: Date, in zone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
