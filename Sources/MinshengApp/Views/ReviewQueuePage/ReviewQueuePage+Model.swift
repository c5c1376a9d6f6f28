import MinshengCore

/// 待审核: the plan's reports filtered by month, unit, item, category and state (submitted by default), newest
/// submission first, 50 to a page, with counts per state and month and the selected ones accepted together.
struct ReviewQueuePage {
    /// What the review queue shows.
    struct Model {
        var plan: Plan
        var filter: ReviewFilter
        var rows: [ReviewFilter.Entry]
        var total: Int
        var page: Int
        var pages: Int
        var countsByState: [ReportState: Int]
        var countsByPeriod: [Period: Int]
        var items: [Int64: Item]
        var categories: [MinshengCore.Category]
        var units: [MinshengCore.Unit]
        /// Lock versions of the listed reports, for accepting them together.
        var locks: [Int64: Int]
        var message: String?

        var unitNames: [Int64: String] { Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) }) }
    }
}

extension ReviewQueuePage.Model {
    /// Reads the page of the plan's reports the filter asks for, with what the filter's choices need.
    static func load(services: Services, plan: Plan, filter: ReviewFilter, message: String? = nil) async throws -> ReviewQueuePage.Model {
        let plans = PlanStore()
        return try await services.database.read { db in
            let entries = try await ReportStore().queueEntries(planID: plan.id, on: db)
            let page = filter.page(of: entries)
            let reports = try await ReportStore().reports(ids: page.rows.map(\.reportID), on: db)
            let reporting = Set(entries.map(\.unitID))
            return ReviewQueuePage.Model(
                plan: plan, filter: filter, rows: page.rows, total: page.total, page: page.page, pages: page.pages,
                countsByState: filter.countsByState(entries), countsByPeriod: filter.countsByPeriod(entries),
                items: Dictionary(uniqueKeysWithValues: try await plans.items(planID: plan.id, on: db).map { ($0.id, $0) }),
                categories: try await plans.categories(planID: plan.id, on: db),
                units: try await plans.units(jurisdictionID: plan.jurisdictionID, on: db).filter { reporting.contains($0.id) },
                locks: Dictionary(uniqueKeysWithValues: reports.map { ($0.id, $0.lockVersion) }), message: message)
        }
    }
}
