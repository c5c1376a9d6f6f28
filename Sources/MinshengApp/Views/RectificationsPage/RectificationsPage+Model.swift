import MinshengCore

/// 整改: a unit's rectifications (or all, for the office and inspectors).
struct RectificationsPage {
    /// The rectifications of a plan the principal may see.
    struct Model {
        var directory: SupervisionDirectory
        var rectifications: [Rectification]
    }
}

extension RectificationsPage.Model {
    /// Reads a plan's rectifications (the one asked for, else the first within reach): a unit's own for a reporter,
    /// every one otherwise.
    static func load(services: Services, principal: Principal, planID: Int64?, language: Language) async throws -> RectificationsPage.Model {
        try await services.database.read { db in
            let directory = try await SupervisionDirectory.load(services: services, principal: principal, planID: planID, language: language, on: db)
            let unit = SupervisionPolicy.listedUnit(for: principal)
            return RectificationsPage.Model(
                directory: directory, rectifications: try await SupervisionStore().rectifications(planID: directory.plan.id, unitID: unit, on: db))
        }
    }
}
