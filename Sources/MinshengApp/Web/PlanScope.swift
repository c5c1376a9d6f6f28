import Foundation
import Hummingbird
import MinshengCore
import SQLKit

/// The plan and month a page is about: `?plan=` and `?period=`, or the newest plan and its latest reported month.
struct PlanScope {
    var plan: Plan
    var period: Period

    static func resolve(_ request: Request, context: AppRequestContext, database: AppDatabase, configuration: AppConfiguration) async throws
        -> PlanScope?
    {
        let query = request.uri.queryParameters
        let requestedPlan = query.get("plan").flatMap { Int64(String($0)) }
        let requestedPeriod = query.get("period").map { String($0) }
        return try await database.read { db -> PlanScope? in
            let plans = PlanStore()
            let plan: Plan?
            if let requestedPlan {
                plan = try await plans.plan(id: requestedPlan, on: db)
                if plan == nil {
                    throw AppError.notFound(RequestWords(language: context.language).noPlan(requestedPlan))
                }
            } else {
                plan = try await plans.plans(within: context.reach, on: db).first
            }
            guard let plan else { return nil }
            if let requestedPeriod {
                guard let period = Period(requestedPeriod), case .month = period else {
                    throw AppError.invalidInput(PeriodWords(language: context.language).month())
                }
                return PlanScope(plan: plan, period: period)
            }
            return PlanScope(plan: plan, period: try await defaultPeriod(plan: plan, today: configuration.today, on: db))
        }
    }

    /// This month during the plan's year, else the latest month with a report, else the plan's first month.
    static func defaultPeriod(plan: Plan, today: CalendarDate, on db: any SQLDatabase) async throws -> Period {
        if today.year == plan.year { return .month(year: today.year, month: today.month) }
        if let period = try await ReportStore().latestPeriod(planID: plan.id, on: db) { return period }
        return .month(year: plan.year, month: today.year > plan.year ? 12 : 1)
    }
}
