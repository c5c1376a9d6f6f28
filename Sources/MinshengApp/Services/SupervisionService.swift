import Foundation
import MinshengCore
import SQLKit

/// Supervision and accountability, shared by pages, the API and the demo: notices proposed from the assessment and
/// issued by a person, the units' answers, inspections with checked figures, rectifications, accountability cases
/// and unit scores. Every change is one transaction with its audit entry.
struct SupervisionService: Sendable {
    let database: AppDatabase
    let configuration: AppConfiguration
    let store = SupervisionStore()
    let plans = PlanStore()

    init(database: AppDatabase, configuration: AppConfiguration) {
        self.database = database
        self.configuration = configuration
    }

    var today: CalendarDate { configuration.today }
    var now: String { Timestamp.string(from: configuration.clock()) }

    /// The month supervision looks at: in the plan's year the latest month whose reports are due (this month once its
    /// due day has passed, else the month before), else the plan's current period (its latest closed month). Judging a
    /// month whose reports are not yet due would call every item unreported.
    func month(plan: Plan, on db: any SQLDatabase) async throws -> Period {
        guard today.year == plan.year else { return try await PlanScope.defaultPeriod(plan: plan, today: today, on: db).lastMonth }
        let calendar = try await plans.calendar(planID: plan.id, on: db)
        let current = Period.month(year: plan.year, month: today.month)
        if today > calendar.dueDate(for: current) || today.month == 1 { return current }
        return .month(year: plan.year, month: today.month - 1)
    }

    /// The day supervision judges on: today during the plan's year, else the last day of the month looked at (so
    /// that a past plan is judged as it stood, not years later).
    func day(plan: Plan, on db: any SQLDatabase) async throws -> CalendarDate {
        if today.year == plan.year { return today }
        let period = try await month(plan: plan, on: db)
        return today < period.endDate ? today : period.endDate
    }
}
