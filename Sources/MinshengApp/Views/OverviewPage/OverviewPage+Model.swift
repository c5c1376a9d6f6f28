import Foundation
import MinshengCore
import MinshengHTML
import SQLKit

/// 总览: counts by status, progress by category, and the items with lights and bars, filtered by category, status
/// and unit, at any period.
struct OverviewPage {
    /// The category, status and unit the items are filtered by (none: all).
    typealias Filters = (category: Int64?, status: ProgressStatus?, unit: Int64?)

    /// What the overview shows of a plan at a period.
    struct Model {
        /// An item with its category, lead units and assessment.
        struct Row {
            var item: Item
            var category: String
            var leadUnits: [String]
            /// An inspection found a reported figure of the item overstated.
            var discrepancy = false
            var assessment: ItemAssessment
        }

        var plan: Plan
        var assessment: PlanAssessment
        var categories: [(category: MinshengCore.Category, progress: Decimal?, expected: Decimal?, status: ProgressStatus?)]
        var rows: [Row]
        var units: [MinshengCore.Unit]
        var filters: Filters
    }

    /// The page's main part from the replica, kept per plan revision, period, filters and language.
    static func main(services: Services, scope: AssessmentScope, filters: Filters, page: PageContext) async throws -> RenderedHTML {
        let database = services.database
        let (plan, period, language) = (scope.plan, scope.period, page.language)
        return try await database.readReplica { db -> RenderedHTML in
            let revision = try await PlanRevisionCache.revision(planID: plan.id, on: db)
            return try await database.rendered.value(planID: plan.id, revision: revision, key: "overview \(period) \(filters) \(language)") {
                View(model: try await Model.load(services: services, plan: plan, period: period, filters: filters, on: db), page: page).renderMain()
            }
        }
    }
}

extension OverviewPage.Model {
    /// The plan's assessment at the period, its categories' progress, and the items that pass the filters, each
    /// marked when an inspection up to the period's end found one of its figures overstated.
    static func load(
        services: Services, plan: Plan, period: Period, filters: OverviewPage.Filters, on db: any SQLDatabase
    ) async throws -> OverviewPage.Model {
        let service = services.assessment
        let assessment = try await service.assess(planID: plan.id, period: period, on: db)
        guard let detail = try await service.detail(planID: plan.id, on: db) else { throw Refusals.noPlan(plan.id) }
        let names = Dictionary(uniqueKeysWithValues: detail.units.map { ($0.id, $0.name) })
        let assignments = Dictionary(grouping: detail.assignments, by: \.itemID)
        let categories = detail.categories.map { category -> (MinshengCore.Category, Decimal?, Decimal?, ProgressStatus?) in
            let ids = Set(detail.items.filter { $0.categoryID == category.id }.map(\.id))
            let expected = assessment.items.filter { ids.contains($0.itemID) }.compactMap(\.expected)
            return (
                category, assessment.progress(of: ids), expected.isEmpty ? nil : expected.reduce(0, +) / Decimal(expected.count),
                assessment.status(of: ids)
            )
        }
        let categoryNames = Dictionary(uniqueKeysWithValues: detail.categories.map { ($0.id, $0.name) })
        let rows = detail.items.compactMap { item -> Row? in
            guard let a = assessment.item(item.id) else { return nil }
            if let category = filters.category, item.categoryID != category { return nil }
            if let status = filters.status, a.status != status { return nil }
            let units = assignments[item.id] ?? []
            if let unit = filters.unit, !units.contains(where: { $0.unitID == unit }) { return nil }
            let leads = units.filter { $0.role == .lead }.sorted { $0.ordinal < $1.ordinal }.compactMap { names[$0.unitID] }
            return Row(item: item, category: categoryNames[item.categoryID] ?? "", leadUnits: leads, assessment: a)
        }
        let supervision = services.supervision
        let flagged = Set(
            try await supervision.discrepancies(plan: plan, settings: try await SupervisionStore().settings(planID: plan.id, on: db), on: db)
                .filter { $0.inspection.inspectedOn <= assessment.period.endDate }.map(\.indicator.itemID))
        let rowsWithFindings = rows.map { row -> Row in
            var row = row
            row.discrepancy = flagged.contains(row.item.id)
            return row
        }
        let usedUnits = Set(detail.assignments.map(\.unitID))
        return OverviewPage.Model(
            plan: plan, assessment: assessment, categories: categories.map { (category: $0.0, progress: $0.1, expected: $0.2, status: $0.3) },
            rows: rowsWithFindings, units: detail.units.filter { usedUnits.contains($0.id) }, filters: filters
        )
    }
}
