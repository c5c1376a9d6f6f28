import MinshengCore

/// The plan the office's disclosure pages work on: the one asked for, or the first within reach.
enum DisclosurePlan {
    /// Reads the plan `id`, or the first plan within `reach` when no id is given.
    static func load(services: Services, id: Int64?, reach: PlanReach, language: Language) async throws -> Plan {
        let plans = PlanStore()
        let plan = try await services.database.read { db in
            if let id { try await plans.plan(id: id, on: db) } else { try await plans.plans(within: reach, on: db).first }
        }
        guard let plan else { throw AppError.notFound(language.reporting.noPlan) }
        return plan
    }
}
