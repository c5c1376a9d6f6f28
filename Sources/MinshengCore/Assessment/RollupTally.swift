import Foundation

/// The sum of several plans' assessments, for a higher level's view of the plans below it: how many items, by
/// status, their mean progress, and how many reports were owed and came in on time.
package struct RollupTally: Sendable, Equatable {
    package var plans = 0
    package var items = 0
    package var counts: [ProgressStatus: Int] = [:]
    package var progressSum: Decimal = 0
    package var progressCount = 0
    package var reportsOwed = 0
    package var reportsOnTime = 0

    package init() {}

    /// Adds one plan's assessment and its reporting record.
    package mutating func add(_ assessment: PlanAssessment, reportsOwed owed: Int, onTime: Int) {
        plans += 1
        items += assessment.items.count
        for item in assessment.items {
            counts[item.status, default: 0] += 1
            if let progress = item.progress {
                progressSum += progress
                progressCount += 1
            }
        }
        reportsOwed += owed
        reportsOnTime += onTime
    }

    /// Adds another tally (a jurisdiction below).
    package mutating func add(_ other: RollupTally) {
        plans += other.plans
        items += other.items
        counts.merge(other.counts, uniquingKeysWith: +)
        progressSum += other.progressSum
        progressCount += other.progressCount
        reportsOwed += other.reportsOwed
        reportsOnTime += other.reportsOnTime
    }

    package func count(_ status: ProgressStatus) -> Int { counts[status] ?? 0 }

    /// Items behind or seriously behind.
    package var lagging: Int { count(.behind) + count(.seriouslyBehind) }

    /// Items ahead of or on their planned path.
    package var onTrack: Int { count(.ahead) + count(.onSchedule) }

    /// Completed items over all items.
    package var completionRate: Decimal? { items > 0 ? Decimal(count(.completed)) / Decimal(items) : nil }

    /// Mean progress of the items that have one.
    package var meanProgress: Decimal? { progressCount > 0 ? progressSum / Decimal(progressCount) : nil }

    /// Reports submitted by their due day over reports owed.
    package var onTimeRate: Decimal? { reportsOwed > 0 ? Decimal(reportsOnTime) / Decimal(reportsOwed) : nil }
}
