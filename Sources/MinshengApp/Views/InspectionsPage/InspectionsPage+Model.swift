import MinshengCore

/// 抽查暗访: every inspection, with discrepancies marked, and (for inspectors) the form to record one.
struct InspectionsPage {
    /// A plan's inspections and whether the principal may record one.
    struct Model {
        var directory: SupervisionDirectory
        var inspections: [Inspection]
        var canRecord: Bool
    }
}

extension InspectionsPage.Model {
    /// Reads the inspections of a plan (the one asked for, else the first within reach).
    static func load(services: Services, principal: Principal, planID: Int64?, language: Language) async throws -> InspectionsPage.Model {
        try await services.database.read { db in
            let directory = try await SupervisionDirectory.load(services: services, principal: principal, planID: planID, language: language, on: db)
            return InspectionsPage.Model(
                directory: directory, inspections: try await SupervisionStore().inspections(planID: directory.plan.id, on: db),
                canRecord: SupervisionPolicy.canInspect(principal))
        }
    }
}
