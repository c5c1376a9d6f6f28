import MinshengCore

/// The plan's assessment thresholds and completion month.
struct AssessmentSettingsPage {
    /// What the settings page shows: the plan's settings and, after a save, a confirmation.
    struct Model {
        var plan: Plan
        var settings: AssessmentSettings
        var message: String?
    }
}

extension AssessmentSettingsPage.Model {
    /// The plan's assessment settings; not found when there is no such plan.
    static func load(services: Services, planID: Int64, message: String? = nil) async throws -> AssessmentSettingsPage.Model {
        try await services.database.read { db in
            guard let plan = try await PlanStore().plan(id: planID, on: db) else { throw Refusals.noPlan(planID) }
            return AssessmentSettingsPage.Model(plan: plan, settings: try await AssessmentStore().settings(planID: planID, on: db), message: message)
        }
    }
}
