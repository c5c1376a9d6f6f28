import Foundation
import MinshengCore
import SQLKit

/// The plan and month a page is about: `?plan=` and `?period=`, or the newest plan and its latest reported month.
struct PlanScope {
    var plan: Plan
    var period: Period

    /// The scope a page asks for: a plan by id (not found in the reader's language when it does not exist), else the
    /// newest plan within reach; a month, else the default period. Nil when no plan is within reach.
    static func resolve(
        planID requestedPlan: Int64?, periodText requestedPeriod: String?, reach: PlanReach, language: Language, database: AppDatabase,
        today: CalendarDate
    ) async throws -> PlanScope? {
        try await database.read { db -> PlanScope? in
            let plans = PlanStore()
            let plan: Plan?
            if let requestedPlan {
                plan = try await plans.plan(id: requestedPlan, on: db)
                if plan == nil {
                    throw AppError.notFound(RequestWords(language: language).noPlan(requestedPlan))
                }
            } else {
                plan = try await plans.plans(within: reach, on: db).first
            }
            guard let plan else { return nil }
            if let requestedPeriod {
                guard let period = Period(requestedPeriod), case .month = period else {
                    throw AppError.invalidInput(PeriodWords(language: language).month())
                }
                return PlanScope(plan: plan, period: period)
            }
            return PlanScope(plan: plan, period: try await defaultPeriod(plan: plan, today: today, on: db))
        }
    }

    /// This month during the plan's year, else the latest month with a report, else the plan's first month.
    static func defaultPeriod(plan: Plan, today: CalendarDate, on db: any SQLDatabase) async throws -> Period {
        if today.year == plan.year { return .month(year: today.year, month: today.month) }
        if let period = try await ReportStore().latestPeriod(planID: plan.id, on: db) { return period }
        return .month(year: plan.year, month: today.year > plan.year ? 12 : 1)
    }
}
