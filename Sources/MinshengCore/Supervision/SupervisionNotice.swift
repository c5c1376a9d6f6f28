import Foundation

/// The colour of a supervision notice (督办单): blue when a deadline is near, yellow when the work is behind
/// schedule, red when it is seriously behind or a deadline has passed.
package enum NoticeGrade: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case blue, yellow, red

    package var chineseName: String {
        switch self {
        case .blue: return "蓝色督办"
        case .yellow: return "黄色督办"
        case .red: return "红色督办"
        }
    }

    package var englishName: String {
        switch self {
        case .blue: return "Blue (deadline near)"
        case .yellow: return "Yellow (behind schedule)"
        case .red: return "Red (seriously behind or overdue)"
        }
    }

    /// The next colour up; red stays red.
    package var escalated: NoticeGrade {
        switch self {
        case .blue: return .yellow
        case .yellow, .red: return .red
        }
    }

    package static func < (lhs: NoticeGrade, rhs: NoticeGrade) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The office's rules for notices: how near a deadline must be for a blue notice, and how many days each colour
/// gives the unit to answer.
package struct NoticeRules: Sendable, Hashable, Codable {
    package var nearDays: Int
    package var blueResponseDays: Int
    package var yellowResponseDays: Int
    package var redResponseDays: Int

    package init(nearDays: Int = 15, blueResponseDays: Int = 10, yellowResponseDays: Int = 7, redResponseDays: Int = 3) {
        self.nearDays = nearDays
        self.blueResponseDays = blueResponseDays
        self.yellowResponseDays = yellowResponseDays
        self.redResponseDays = redResponseDays
    }

    package func responseDays(_ grade: NoticeGrade) -> Int {
        switch grade {
        case .blue: return blueResponseDays
        case .yellow: return yellowResponseDays
        case .red: return redResponseDays
        }
    }
}

/// A dated deadline of an item: its own deadline, an indicator's, or a node of its schedule.
package struct ItemDeadline: Sendable, Hashable {
    package var itemID: Int64
    package var name: String
    package var due: CalendarDate

    package init(itemID: Int64, name: String, due: CalendarDate) {
        self.itemID = itemID
        self.name = name
        self.due = due
    }
}

/// A notice Minsheng proposes from the assessment; a person issues it.
package struct NoticeProposal: Sendable, Hashable {
    package var itemID: Int64
    package var number: Int
    package var grade: NoticeGrade
    package var reason: String
}

/// Proposes notices for lagging or overdue items and for items whose deadline is near.
package struct NoticeProposer: Sendable {
    package var rules: NoticeRules

    package init(rules: NoticeRules = NoticeRules()) {
        self.rules = rules
    }

    /// One proposal per item that needs one, the most severe reason first. `today` decides what is near.
    package func propose(_ assessment: PlanAssessment, deadlines: [ItemDeadline], today: CalendarDate) -> [NoticeProposal] {
        let byItem = Dictionary(grouping: deadlines, by: \.itemID)
        return assessment.items.compactMap { item -> NoticeProposal? in
            guard item.status != .completed else { return nil }
            let gap = (item.expected ?? 0) - (item.progress ?? 0)
            let overdue = item.indicators.flatMap(\.overdueNodes)
            if !overdue.isEmpty {
                let names = overdue.map { "“\($0.name)”（\($0.due.iso)）" }.joined(separator: "、")
                return NoticeProposal(itemID: item.itemID, number: item.number, grade: .red, reason: "节点逾期未完成：\(names)。")
            }
            switch item.status {
            case .seriouslyBehind:
                return NoticeProposal(
                    itemID: item.itemID, number: item.number, grade: .red,
                    reason: "严重滞后：完成进度\(Self.percent(item.progress))，落后序时进度\(Self.points(gap))个百分点。")
            case .behind:
                return NoticeProposal(
                    itemID: item.itemID, number: item.number, grade: .yellow,
                    reason: "进度偏慢：完成进度\(Self.percent(item.progress))，落后序时进度\(Self.points(gap))个百分点。")
            case .notReported:
                return NoticeProposal(itemID: item.itemID, number: item.number, grade: .yellow, reason: "未按时报送进展情况。")
            default:
                break
            }
            let horizon = today.adding(days: rules.nearDays)
            let near = (byItem[item.itemID] ?? []).filter { $0.due >= today && $0.due <= horizon }.sorted { $0.due < $1.due }
            guard let first = near.first else { return nil }
            return NoticeProposal(itemID: item.itemID, number: item.number, grade: .blue, reason: "“\(first.name)”将于\(first.due.iso)到期，尚未完成。")
        }
        .sorted { ($1.grade, $0.number) < ($0.grade, $1.number) }
    }

    static func percent(_ share: Decimal?) -> String {
        Percent.text(share)
    }

    static func points(_ share: Decimal) -> Int {
        PublicSnapshotBuilder.percent(share)
    }
}

/// Where an issued notice stands on a day: its colour after escalations, the answer due, and whether it is
/// answered. A notice not answered by its due day escalates to the next colour with a new response period, counted
/// from the missed due day; a red notice not answered stays red and overdue.
package struct NoticeStanding: Sendable, Hashable {
    /// One step up: the day it happened and the colour it reached.
    package struct Escalation: Sendable, Hashable {
        package var on: CalendarDate
        package var grade: NoticeGrade

        package init(on: CalendarDate, grade: NoticeGrade) {
            self.on = on
            self.grade = grade
        }
    }

    package var grade: NoticeGrade
    package var due: CalendarDate
    package var escalations: [Escalation]
    /// Not answered and past the due day of a red notice.
    package var redOverdue: Bool
    package var answered: Bool

    /// The standing of a notice issued as `grade` on `issuedOn`, answered on `answeredOn` (if at all), on `today`.
    package static func evaluate(
        grade issued: NoticeGrade, issuedOn: CalendarDate, answeredOn: CalendarDate?, today: CalendarDate,
        rules: NoticeRules
    ) -> NoticeStanding {
        var grade = issued
        var due = issuedOn.adding(days: rules.responseDays(issued))
        var escalations: [Escalation] = []
        let cutoff = answeredOn ?? today
        while cutoff > due && grade != .red {
            let next = grade.escalated
            escalations.append(Escalation(on: due.adding(days: 1), grade: next))
            grade = next
            due = due.adding(days: rules.responseDays(next))
        }
        let redOverdue = answeredOn == nil && grade == .red && today > due
        return NoticeStanding(grade: grade, due: due, escalations: escalations, redOverdue: redOverdue, answered: answeredOn != nil)
    }
}
