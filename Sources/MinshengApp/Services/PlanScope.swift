import Foundation
import MinshengCore
import SQLKit

/// The plan and month a page is about: `?plan=` and `?period=`, or the newest plan and its current period (its latest closed month).
struct PlanScope {
    var plan: Plan
    var period: Period

    /// The scope a page asks for: a plan by id (not found in the reader's language when it does not exist), else the
    /// newest plan within reach; a month, else the default period. Nil when no plan is within reach.
    /// With `working`, a request that names no month is about the month units are reporting (the first open one).
    static func resolve(
        planID requestedPlan: Int64?, periodText requestedPeriod: String?, reach: PlanReach, language: Language, database: AppDatabase,
        today: CalendarDate, working: Bool = false
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
            if working { return PlanScope(plan: plan, period: try await workingPeriod(plan: plan, today: today, on: db)) }
            return PlanScope(plan: plan, period: try await defaultPeriod(plan: plan, today: today, on: db))
        }
    }

    /// The month units are reporting: the first month still open, else (the year closed) December.
    static func workingPeriod(plan: Plan, today: CalendarDate, on db: any SQLDatabase) async throws -> Period {
        let plans = PlanStore()
        let closing = try await plans.closing(planID: plan.id, on: db)
        let month = closing.nextToClose(year: plan.year, calendar: try await plans.calendar(planID: plan.id, on: db), today: today) ?? 12
        return .month(year: plan.year, month: month)
    }

    /// The plan's current period: its latest closed month (January while none is closed). A report for a month still
    /// open changes nothing here.
    static func defaultPeriod(plan: Plan, today: CalendarDate, on db: any SQLDatabase) async throws -> Period {
        let plans = PlanStore()
        let closing = try await plans.closing(planID: plan.id, on: db)
        return closing.currentPeriod(year: plan.year, calendar: try await plans.calendar(planID: plan.id, on: db), today: today)
    }
}
