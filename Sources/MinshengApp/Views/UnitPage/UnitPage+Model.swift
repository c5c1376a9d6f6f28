import Foundation
import MinshengCore

/// A unit's page: its items as lead and as responsible unit, their statuses, and its on-time reporting rate.
struct UnitPage {
    /// What the unit page shows of a unit at a period.
    struct Model {
        /// An item the unit (or a group it belongs to) is assigned to, with its role and assessment.
        struct Row {
            var item: Item
            var role: Assignment.Role
            var assessment: ItemAssessment?
        }

        /// The unit's supervision record: notices with their colour today, rectifications, cases and its score.
        struct Record {
            var directory: SupervisionDirectory
            var notices: [SupervisionNotice]
            var rectifications: [Rectification]
            var cases: [AccountabilityCase]
            var score: UnitScore?
        }

        var plan: Plan
        var unit: MinshengCore.Unit
        var period: Period
        var rows: [Row]
        var onTime: (owed: Int, onTime: Int)?
        var record: Record
    }
}

extension UnitPage.Model {
    /// The unit's items, on-time reporting and supervision record in the requested plan and period (see
    /// ``AssessmentScope``); not found when the user may not see the unit or there is no such unit.
    static func load(
        services: Services, user: User, reach: PlanReach, language: Language, unitID: Int64, planID: Int64?, period periodText: String?
    ) async throws -> UnitPage.Model {
        if !Policy.canSee(unit: unitID, user.principal(reach: reach)) { throw FormRefusals.noSuchUnit }
        let scope = try await AssessmentScope.resolve(planID: planID, period: periodText, reach: reach, language: language, services: services)
        let (plan, period) = (scope.plan, scope.period)
        let plans = PlanStore()
        let supervision = services.supervision
        return try await services.database.read { db -> UnitPage.Model in
            guard let unit = try await plans.unit(id: unitID, on: db) else { throw Refusals.noUnit(unitID) }
            let assessment = try await services.assessment.assess(planID: plan.id, period: period, on: db)
            let items = Dictionary(uniqueKeysWithValues: try await plans.items(planID: plan.id, on: db).map { ($0.id, $0) })
            let members = try await UnitStore().members(jurisdictionID: plan.jurisdictionID, on: db)
            let groups = Set(members.filter { $0.value.contains(unitID) }.map(\.key))
            let rows = try await plans.assignments(planID: plan.id, on: db)
                .filter { $0.unitID == unitID || groups.contains($0.unitID) }
                .compactMap { assignment in
                    items[assignment.itemID].map { Row(item: $0, role: assignment.role, assessment: assessment.item($0.id)) }
                }
                .sorted { $0.item.number < $1.item.number }
            let onTime = try await services.reporting.onTimeReporting(
                planID: plan.id, year: plan.year, throughMonth: period.lastMonth.months.upperBound, on: db)[unitID]
            let settings = try await SupervisionStore().settings(planID: plan.id, on: db)
            let directory = SupervisionDirectory(
                plan: plan, items: items,
                units: Dictionary(uniqueKeysWithValues: try await plans.units(jurisdictionID: plan.jurisdictionID, on: db).map { ($0.id, $0.name) }),
                settings: settings, day: try await supervision.day(plan: plan, on: db)
            )
            let record = Record(
                directory: directory, notices: try await SupervisionStore().notices(planID: plan.id, unitID: unitID, on: db),
                rectifications: try await SupervisionStore().rectifications(planID: plan.id, unitID: unitID, on: db),
                cases: try await SupervisionStore().cases(planID: plan.id, unitID: unitID, on: db),
                score: try await supervision.scores(planID: plan.id, period: period, on: db).first { $0.unitID == unitID }
            )
            return UnitPage.Model(plan: plan, unit: unit, period: period, rows: rows, onTime: onTime, record: record)
        }
    }
}
