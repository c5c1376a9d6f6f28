import MinshengCore

/// A plan's reporting calendar: the due day and the items reported quarterly.
struct CalendarPage {
    /// What the calendar page shows.
    struct Model {
        var plan: Plan
        var calendar: ReportingCalendar
        var items: [Item]
        var cadences: [Int64: Cadence]
        /// Which months are closed and which may be closed or opened next.
        var closing: AdminService.Closing
        var today: CalendarDate
        var message: String?
    }
}

extension CalendarPage.Model {
    /// Reads a plan's calendar, items, cadences and closed months.
    static func load(services: Services, planID: Int64, message: String? = nil) async throws -> CalendarPage.Model {
        let plans = PlanStore()
        return try await services.database.read { db in
            guard let plan = try await plans.plan(id: planID, on: db) else { throw Refusals.noPlan(planID) }
            return CalendarPage.Model(
                plan: plan, calendar: try await plans.calendar(planID: planID, on: db), items: try await plans.items(planID: planID, on: db),
                cadences: try await plans.cadences(planID: planID, on: db),
                closing: try await services.admin.closing(planID: planID, today: services.configuration.today, on: db),
                today: services.configuration.today, message: message)
        }
    }
}
