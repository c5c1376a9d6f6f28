import Foundation

/// Where an indicator, item, category, unit or plan stands at a period.
package enum ProgressStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// 已完成: the target is met.
    case completed
    /// 超序时: ahead of the planned path.
    case ahead
    /// 按序时: on the planned path.
    case onSchedule
    /// 进度偏慢: behind by more than the yellow threshold.
    case behind
    /// 严重滞后: behind by more than the red threshold, or a node overdue.
    case seriouslyBehind
    /// 未报送: no accepted report.
    case notReported
    /// 目标待定: the target is left to a higher level and not yet set.
    case pending

    /// How bad a status is: an item takes its worst indicator's status.
    package var severity: Int {
        switch self {
        case .seriouslyBehind: return 6
        case .behind: return 5
        case .notReported: return 4
        case .pending: return 3
        case .onSchedule: return 2
        case .ahead: return 1
        case .completed: return 0
        }
    }
}

/// The thresholds and calendar that turn values into statuses; plan settings with sensible defaults.
package struct AssessmentSettings: Sendable, Hashable, Codable {
    /// Percentage points behind the planned path beyond which an indicator is behind (进度偏慢).
    package var yellowThreshold: Decimal
    /// Percentage points behind beyond which it is seriously behind (严重滞后).
    package var redThreshold: Decimal
    /// Percentage points ahead beyond which it is ahead (超序时).
    package var aheadThreshold: Decimal
    /// The month by which the year's work is planned to be complete ("全面完成 by end of November, December for gaps"
    /// is 11); the time-proportional path reaches 100% at its end.
    package var completionMonth: Int

    package init(yellowThreshold: Decimal = 5, redThreshold: Decimal = 15, aheadThreshold: Decimal = 5, completionMonth: Int = 12) {
        self.yellowThreshold = yellowThreshold
        self.redThreshold = max(redThreshold, yellowThreshold)
        self.aheadThreshold = aheadThreshold
        self.completionMonth = min(max(completionMonth, 1), 12)
    }
}

/// A dated step on an indicator's planned path: 开工 by 3月底, or 50% of the target by June.
package struct ScheduleNode: Sendable, Hashable, Codable {
    package var name: String
    package var due: CalendarDate
    /// For a numeric indicator, the share of the target planned by this date (0…1); nil for a milestone step.
    package var share: Decimal?

    package init(name: String, due: CalendarDate, share: Decimal? = nil) {
        self.name = name
        self.due = due
        self.share = share
    }
}

/// An indicator's planned path through the year.
package enum Schedule: Sendable, Hashable, Codable {
    /// 序时进度: k/n of the target by the end of month k, n being the plan's completion month.
    case timeProportional
    /// Dated nodes set by the office or imported: shares of the target for numbers, steps for milestones.
    case nodes([ScheduleNode])
    /// A planned cumulative value at the end of each month (months without a value keep the previous one).
    case monthlyCurve([Int: Decimal])
}
