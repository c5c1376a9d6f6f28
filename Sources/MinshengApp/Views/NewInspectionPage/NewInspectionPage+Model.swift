import Foundation
import MinshengCore
import SQLKit

/// The form that records an inspection of an item: what was checked, and each figure verified beside the one
/// reported.
struct NewInspectionPage {
    /// The item or unit inspected and the figures to verify.
    struct Model {
        var directory: SupervisionDirectory
        /// The item inspected, or nil for an inspection of a unit.
        var item: Item?
        var unitID: Int64?
        var indicators: [(indicator: Indicator, reported: Decimal?)]
        var error: String?
    }
}

extension NewInspectionPage.Model {
    /// Reads the form for an item (by number or id) or a unit of a plan (the one asked for, else the first within
    /// reach); naming neither is refused.
    static func load(
        services: Services, principal: Principal, planID: Int64?, itemNumber: Int?, itemID: Int64?, unitID: Int64?, language: Language,
        error: String? = nil
    ) async throws -> NewInspectionPage.Model {
        try await services.database.read { db in
            let directory = try await SupervisionDirectory.load(services: services, principal: principal, planID: planID, language: language, on: db)
            let item = directory.items.values.first { $0.number == itemNumber || $0.id == itemID }
            guard item != nil || unitID.map({ directory.units[$0] != nil }) == true else {
                throw AppError.notFound(SupervisionFormWords(language: language).chooseInspected)
            }
            let checked = try await checkedFigures(services: services, plan: directory.plan, itemID: item?.id, month: directory.day.month, on: db)
            return NewInspectionPage.Model(directory: directory, item: item, unitID: unitID, indicators: checked, error: error)
        }
    }

    /// An item's cumulative and rate figures with the values accepted as of a month, for the inspector to check.
    static func checkedFigures(services: Services, plan: Plan, itemID: Int64?, month: Int, on db: any SQLDatabase) async throws -> [(
        indicator: Indicator, reported: Decimal?
    )] {
        guard let itemID else { return [] }
        let assessment = try await services.assessment.assess(planID: plan.id, period: .month(year: plan.year, month: month), on: db)
        let reported = Dictionary(uniqueKeysWithValues: (assessment.item(itemID)?.indicators ?? []).map { ($0.indicatorID, $0.value) })
        return try await PlanStore().indicators(planID: plan.id, on: db)
            .filter { $0.itemID == itemID && ($0.kind == .cumulative || $0.kind == .rate) }.sorted { $0.ordinal < $1.ordinal }
            .map { ($0, reported[$0.id] ?? nil) }
    }
}
