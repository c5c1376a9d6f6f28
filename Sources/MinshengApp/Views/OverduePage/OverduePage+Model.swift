import MinshengCore

/// 逾期未报: units that have not submitted by the due day, with the reminders already sent.
struct OverduePage {
    /// What the overdue page shows.
    struct Model {
        var scope: PlanScope
        var overdue: [(unit: MinshengCore.Unit, tasks: [ReportTask])]
        var reminders: [Reminder]
        var message: String?
    }
}

extension OverduePage.Model {
    /// Reads the overdue tasks of `scope` by unit, and the reminders sent for its period.
    static func load(services: Services, scope: PlanScope, message: String? = nil) async throws -> OverduePage.Model {
        let plans = PlanStore()
        return try await services.database.read { db in
            let overdue = try await services.reporting.tasks(planID: scope.plan.id, period: scope.period, on: db).filter(\.isOverdue)
            let units = Dictionary(uniqueKeysWithValues: try await plans.units(jurisdictionID: scope.plan.jurisdictionID, on: db).map { ($0.id, $0) })
            let grouped = Dictionary(grouping: overdue, by: \.obligation.unitID).compactMap { unitID, tasks in
                units[unitID].map { (unit: $0, tasks: tasks) }
            }.sorted { $0.unit.id < $1.unit.id }
            let reminders = try await ReminderStore().reminders(planID: scope.plan.id, period: scope.period, on: db)
            return OverduePage.Model(scope: scope, overdue: grouped, reminders: reminders, message: message)
        }
    }

    /// The same for a plan named by id, as the reminder form names it.
    static func load(services: Services, planID: Int64, period: Period, message: String?) async throws -> OverduePage.Model {
        guard let plan = try await services.database.read({ try await PlanStore().plan(id: planID, on: $0) }) else {
            throw Refusals.noPlan(planID)
        }
        return try await load(services: services, scope: PlanScope(plan: plan, period: period), message: message)
    }
}
