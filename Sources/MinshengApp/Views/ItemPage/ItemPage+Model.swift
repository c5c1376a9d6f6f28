import Foundation
import MinshengCore

/// An item's page: the commitment, its units, targets and allocations, planned path against accepted values,
/// nodes, forecast, every report with its narrative, and (for the office) weights, schedules and the override.
struct ItemPage {
    /// What the item page shows of an item at a period, as the signed-in person may see it.
    struct Model {
        /// An indicator with its depth, assessment, schedule, weight and accepted values month by month.
        struct IndicatorLine {
            var indicator: Indicator
            var depth: Int
            var assessment: IndicatorAssessment?
            var schedule: Schedule?
            var weight: Decimal
            var actual: [(month: Int, value: Decimal)]
        }

        /// A report on the item with its unit's name.
        struct ReportLine {
            var report: Report
            var unitName: String
        }

        /// What supervision found about the item: overstated figures by indicator, notices and inspections.
        struct SupervisionRecord {
            var findings: [Int64: SupervisionService.Finding]
            var notices: [SupervisionNotice]
            var noticeStandings: [NoticeStanding]
            var inspections: [Inspection]
        }

        var plan: Plan
        var item: Item
        var category: String
        var leadUnits: [String]
        var responsibleUnits: [String]
        var period: Period
        var assessment: ItemAssessment
        var settings: AssessmentSettings
        var lines: [IndicatorLine]
        var reports: [ReportLine]
        var isOffice: Bool
        var supervision: SupervisionRecord
        var error: String?
    }
}

extension ItemPage.Model {
    /// The item with the number at the period, its reports and supervision record as the user may see them; not
    /// found when the plan has no such item or the user may not open it. `error` is what a refused form shows again.
    static func load(
        services: Services, user: User, plan: Plan, number: Int, period: Period, language: Language, error: String? = nil
    ) async throws -> ItemPage.Model {
        let service = services.assessment
        let supervision = services.supervision
        return try await services.database.read { db -> ItemPage.Model in
            guard let detail = try await PlanStore().detail(planID: plan.id, on: db), let item = detail.items.first(where: { $0.number == number })
            else {
                throw AppError.notFound(AssessmentWords(language: language).noItem(number))
            }
            let assigned = detail.assignments.filter { $0.itemID == item.id }
            let reader = try await services.reporting.reader(for: user, planID: plan.id, on: db)
            let principal = reader.principal
            if !Policy.canOpen(itemAssignedTo: assigned.map(\.unitID), principal) {
                throw AppError.notFound(AssessmentWords(language: language).noItem(number))
            }
            let input = try await service.input(planID: plan.id, period: period, on: db)
            let assessment = try await service.assess(planID: plan.id, period: period, on: db)
            guard let itemAssessment = assessment.item(item.id) else { throw Refusals.noItem(number) }
            let names = Dictionary(uniqueKeysWithValues: detail.units.map { ($0.id, $0.name) })
            let indicators = detail.indicators.filter { $0.itemID == item.id }
            let lastMonth = period.lastMonth.months.upperBound
            let lines = ReportPage.Model.lines(indicators).map { line in
                IndicatorLine(
                    indicator: line.indicator, depth: line.depth, assessment: itemAssessment.indicators.first { $0.indicatorID == line.indicator.id },
                    schedule: input.schedules[line.indicator.id], weight: input.weights[line.indicator.id] ?? 1,
                    actual: input.accepted.filter { $0.indicatorID == line.indicator.id && $0.month <= lastMonth }.compactMap { value in
                        value.value.map { (month: value.month, value: $0) }
                    }.sorted { $0.month < $1.month }
                )
            }
            let reports = try await ReportStore().latestForItem(itemID: item.id, where: { ReportPolicy.canRead($0, by: reader) }, on: db)
                .filter { $0.period.lastMonth.months.upperBound <= lastMonth }
                .map { ReportLine(report: $0, unitName: names[$0.unitID] ?? "") }
            let settings = try await SupervisionStore().settings(planID: plan.id, on: db)
            var findings: [Int64: SupervisionService.Finding] = [:]
            for finding in try await supervision.discrepancies(plan: plan, settings: settings, on: db)
            where finding.indicator.itemID == item.id && finding.inspection.inspectedOn <= period.endDate {
                if findings[finding.indicator.id].map({ $0.inspection.inspectedOn < finding.inspection.inspectedOn }) ?? true {
                    findings[finding.indicator.id] = finding
                }
            }
            let notices = try await SupervisionStore().notices(planID: plan.id, itemID: item.id, on: db)
                .filter { SupervisionPolicy.canSee(addressedTo: $0.unitID, by: principal) }
            let day = try await supervision.day(plan: plan, on: db)
            let record = SupervisionRecord(
                findings: findings, notices: notices, noticeStandings: notices.map { $0.standing(today: day, rules: settings.notices) },
                inspections: SupervisionPolicy.canSeeInspections(principal)
                    ? try await SupervisionStore().inspections(planID: plan.id, itemID: item.id, on: db) : []
            )
            return ItemPage.Model(
                plan: plan, item: item, category: detail.categories.first { $0.id == item.categoryID }?.name ?? "",
                leadUnits: assigned.filter { $0.role == .lead }.sorted { $0.ordinal < $1.ordinal }.compactMap { names[$0.unitID] },
                responsibleUnits: assigned.filter { $0.role == .responsible }.sorted { $0.ordinal < $1.ordinal }.compactMap { names[$0.unitID] },
                period: period, assessment: itemAssessment, settings: input.settings, lines: lines, reports: reports,
                isOffice: principal.isOffice, supervision: record, error: error
            )
        }
    }
}
