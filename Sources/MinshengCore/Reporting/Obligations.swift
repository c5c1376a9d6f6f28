import Foundation

/// How often an item is reported.
package enum Cadence: String, Sendable, Hashable, Codable, CaseIterable {
    case monthly
    /// Reported in March, June, September and December only.
    case quarterly

    /// Whether a report is owed for the month.
    package func isDue(inMonth month: Int) -> Bool {
        self == .monthly || month % 3 == 0
    }
}

/// A plan's reporting calendar: reports for a month are due by its due day (default the 25th).
package struct ReportingCalendar: Sendable, Hashable, Codable {
    package var dueDay: Int

    package init(dueDay: Int = 25) {
        self.dueDay = min(max(dueDay, 1), 28)
    }

    /// The day the report for a month is due.
    package func dueDate(for period: Period) -> CalendarDate {
        let month = period.lastMonth
        return CalendarDate(year: month.year, month: month.months.lowerBound, day: dueDay)!
    }

    /// Whether a report not yet submitted is overdue on `today`.
    package func isOverdue(_ period: Period, today: CalendarDate) -> Bool {
        today > dueDate(for: period)
    }
}

/// A report a unit owes for an item in a month.
package struct Obligation: Sendable, Hashable, Codable {
    package var period: Period
    package var itemID: Int64
    package var unitID: Int64
    package var role: Assignment.Role
    /// The group the unit answers for (各县(市、区)政府), when it owes as one of its members.
    package var viaGroupID: Int64?

    package init(period: Period, itemID: Int64, unitID: Int64, role: Assignment.Role, viaGroupID: Int64? = nil) {
        self.period = period
        self.itemID = itemID
        self.unitID = unitID
        self.role = role
        self.viaGroupID = viaGroupID
    }
}

/// Who owes which report: the lead unit one for each of its items, each responsible unit its part; a group unit's
/// members owe in its place.
package enum Obligations {
    /// The obligations of a month.
    /// - Parameters:
    ///   - members: the member units of each group unit; a group with no members owes as itself.
    ///   - cadences: items reported less often than monthly.
    package static func owed(
        in period: Period, assignments: [Assignment], members: [Int64: [Int64]], cadences: [Int64: Cadence] = [:]
    ) -> [Obligation] {
        guard case .month(_, let month) = period else { return [] }
        var seen: Set<String> = []
        var result: [Obligation] = []
        for assignment in assignments.sorted(by: {
            ($0.itemID, $0.role == .lead ? 0 : 1, $0.ordinal) < ($1.itemID, $1.role == .lead ? 0 : 1, $1.ordinal)
        }) {
            guard (cadences[assignment.itemID] ?? .monthly).isDue(inMonth: month) else { continue }
            let owners: [(Int64, Int64?)]
            if let group = members[assignment.unitID], !group.isEmpty {
                owners = group.map { ($0, assignment.unitID) }
            } else {
                owners = [(assignment.unitID, nil)]
            }
            for (unit, via) in owners {
                // A unit that leads an item does not also owe it as a responsible unit.
                let key = "\(assignment.itemID)-\(unit)"
                guard seen.insert(key).inserted else { continue }
                result.append(Obligation(period: period, itemID: assignment.itemID, unitID: unit, role: assignment.role, viaGroupID: via))
            }
        }
        return result
    }
}

/// Starting a lead unit's report from its responsible units' submissions.
package enum ReportAggregation {
    /// The value a lead unit starts from for an indicator: the sum of its parts for counts, nothing for rates and
    /// levels (which do not add up), milestones and qualitative indicators.
    package static func leadStartingValue(kind: Indicator.Kind, partValues: [Decimal]) -> Decimal? {
        guard kind == .cumulative, !partValues.isEmpty else { return nil }
        return partValues.reduce(0, +)
    }
}
