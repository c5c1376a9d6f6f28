import Foundation
import MinshengCore

/// 单位排名: lead units ranked by the share of their items on schedule or better, then by on-time reporting.
struct UnitRankingPage {
    /// What the ranking shows of a plan at a period.
    struct Model {
        /// A lead unit with its items' standing, on-time rate and score.
        struct Row {
            var unit: MinshengCore.Unit
            var items: Int
            var onTrack: Int
            var worst: ProgressStatus?
            var progress: Decimal?
            var onTimeRate: Decimal?
            /// The unit's score (考核评分), by which the ranking is ordered.
            var score: Decimal?

            var onTrackShare: Decimal { items > 0 ? Decimal(onTrack) / Decimal(items) : 0 }
        }

        var plan: Plan
        var period: Period
        var rows: [Row]
    }
}

extension UnitRankingPage.Model {
    /// The plan's lead units at the period, read from the replica, in the order of their scores.
    static func load(services: Services, plan: Plan, period: Period) async throws -> UnitRankingPage.Model {
        let plans = PlanStore()
        let supervision = services.supervision
        return try await services.database.readReplica { db -> UnitRankingPage.Model in
            let assessment = try await services.assessment.assess(planID: plan.id, period: period, on: db)
            let units = Dictionary(uniqueKeysWithValues: try await plans.units(jurisdictionID: plan.jurisdictionID, on: db).map { ($0.id, $0) })
            let onTime = try await services.reporting.onTimeReporting(
                planID: plan.id, year: plan.year, throughMonth: period.lastMonth.months.upperBound, on: db)
            let led = Dictionary(grouping: try await plans.assignments(planID: plan.id, on: db).filter { $0.role == .lead }, by: \.unitID)
            let rows = led.compactMap { unitID, assignments -> Row? in
                guard let unit = units[unitID] else { return nil }
                let ids = Set(assignments.map(\.itemID))
                let statuses = assessment.items.filter { ids.contains($0.itemID) }.map(\.status)
                let onTrack = statuses.filter { $0 == .completed || $0 == .ahead || $0 == .onSchedule }.count
                let tally = onTime[unitID]
                return Row(
                    unit: unit, items: ids.count, onTrack: onTrack, worst: assessment.status(of: ids), progress: assessment.progress(of: ids),
                    onTimeRate: tally.flatMap { $0.owed > 0 ? Decimal($0.onTime) / Decimal($0.owed) : nil }
                )
            }
            // One ranking: the order of the units' scores (考核评分), the same on this page, the scores page and documents.
            let scores = try await supervision.scores(planID: plan.id, period: period, on: db)
            let rank = Dictionary(scores.enumerated().map { ($0.element.unitID, $0.offset) }, uniquingKeysWith: min)
            let totals = Dictionary(scores.map { ($0.unitID, $0.total) }, uniquingKeysWith: { first, _ in first })
            let ranked = rows.map { row in
                var row = row
                row.score = totals[row.unit.id]
                return row
            }
            .sorted { (rank[$0.unit.id] ?? Int.max, $0.unit.id) < (rank[$1.unit.id] ?? Int.max, $1.unit.id) }
            return UnitRankingPage.Model(plan: plan, period: period, rows: ranked)
        }
    }
}
