import MinshengCore

/// The unit directory, with the members of each group unit.
struct UnitsPage {
    /// What the units page shows.
    struct Model {
        /// The first plan the office manages, whose jurisdiction's units are shown.
        var plan: Plan?
        var units: [MinshengCore.Unit]
        var members: [Int64: [Int64]]
        var message: String?
    }
}

extension UnitsPage.Model {
    /// Reads the units and group members of the first plan within `reach` that the office manages.
    static func load(services: Services, reach: PlanReach, message: String? = nil) async throws -> UnitsPage.Model {
        let plans = PlanStore()
        return try await services.database.read { db in
            let plan = try await plans.plans(within: reach, on: db).first { reach.canManage(planID: $0.id) }
            let units = try await plan.asyncMap { try await plans.units(jurisdictionID: $0.jurisdictionID, on: db) } ?? []
            let members = try await plan.asyncMap { try await UnitStore().members(jurisdictionID: $0.jurisdictionID, on: db) } ?? [:]
            return UnitsPage.Model(plan: plan, units: units, members: members, message: message)
        }
    }
}
