import MinshengCore

/// 待审核: submitted reports awaiting the office, oldest first.
struct ReviewQueuePage {
    /// What the review queue shows.
    struct Model {
        var scope: PlanScope
        var reports: [Report]
        var items: [Int64: Item]
        var unitNames: [Int64: String]
    }
}

extension ReviewQueuePage.Model {
    /// Reads the plan's submitted reports with their items and units.
    static func load(services: Services, scope: PlanScope) async throws -> ReviewQueuePage.Model {
        let plans = PlanStore()
        return try await services.database.read { db in
            let reports = try await ReportStore().reports(planID: scope.plan.id, state: .submitted, on: db)
            let items = Dictionary(uniqueKeysWithValues: try await plans.items(planID: scope.plan.id, on: db).map { ($0.id, $0) })
            let units = Dictionary(
                uniqueKeysWithValues: try await plans.units(jurisdictionID: scope.plan.jurisdictionID, on: db).map { ($0.id, $0.name) })
            return ReviewQueuePage.Model(scope: scope, reports: reports, items: items, unitNames: units)
        }
    }
}
