import MinshengCore

/// The office's supervision settings: notice rules, discrepancy tolerance, accountability rules, scoring scheme.
struct SupervisionSettingsPage {
    /// A plan's supervision settings as the form shows them.
    struct Model {
        var plan: Plan
        var settings: SupervisionSettings
        var message: String?
        var error: String?
    }
}

extension SupervisionSettingsPage.Model {
    /// Reads the settings of a plan (the one asked for, else the first within reach), or shows `submitted` instead
    /// when a form is shown again with what was typed.
    static func load(
        services: Services, principal: Principal, planID: Int64?, language: Language, message: String? = nil, error: String? = nil,
        submitted: SupervisionSettings? = nil
    ) async throws -> SupervisionSettingsPage.Model {
        try await services.database.read { db in
            let directory = try await SupervisionDirectory.load(services: services, principal: principal, planID: planID, language: language, on: db)
            return SupervisionSettingsPage.Model(plan: directory.plan, settings: submitted ?? directory.settings, message: message, error: error)
        }
    }
}
