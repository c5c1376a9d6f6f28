import MinshengCore

/// 我的任务: the reports a unit owes this month, with state and due date, and first those returned for revision.
struct TasksPage {
    /// What the tasks page shows.
    struct Model {
        var scope: PlanScope
        var tasks: [ReportTask]
        var unitNames: [Int64: String]
        /// The unit shown, for reporters and for the office viewing one unit.
        var unit: MinshengCore.Unit?
        /// The units that owe reports this period, to choose from.
        var units: [MinshengCore.Unit]
        var canChooseUnit: Bool
        /// The unit's reports returned for revision, of any month, with their items: shown first.
        var returned: [(report: Report, item: Item)]
        var message: String?
        var errors: [String]
    }
}

extension TasksPage.Model {
    /// Reads the tasks `user` may see in `scope`, of one unit when `unitID` is given.
    static func load(
        services: Services, user: User, principal: Principal, scope: PlanScope, unitID: Int64?, message: String? = nil, errors: [String] = []
    ) async throws -> TasksPage.Model {
        let service = services.reporting
        let plans = PlanStore()
        return try await services.database.read { db in
            let reader = try await service.reader(for: user, planID: scope.plan.id, on: db)
            let tasks = try await service.tasks(planID: scope.plan.id, period: scope.period, unitID: unitID, for: reader, on: db)
            let units = try await plans.units(jurisdictionID: scope.plan.jurisdictionID, on: db)
            let owing = Set(try await service.tasks(planID: scope.plan.id, period: scope.period, on: db).map(\.obligation.unitID))
            let items = Dictionary(uniqueKeysWithValues: try await plans.items(planID: scope.plan.id, on: db).map { ($0.id, $0) })
            var returned: [Report] = []
            if let unitID { returned = try await ReportStore().returned(planID: scope.plan.id, unitID: unitID, on: db) }
            return TasksPage.Model(
                scope: scope, tasks: tasks, unitNames: Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) }),
                unit: units.first { $0.id == unitID }, units: units.filter { owing.contains($0.id) },
                canChooseUnit: Policy.allows(.monitor, principal),
                returned: returned.compactMap { report in items[report.itemID].map { (report, $0) } }, message: message, errors: errors)
        }
    }
}
