import MinshengCore

/// A plan's document settings: issuer, addressee, number prefix and the 下一步工作要求 template.
struct DocumentSettingsPage {
    /// A plan's document settings.
    struct Model {
        var plan: Plan
        var settings: DocumentSettings
        var message: String?
    }
}

extension DocumentSettingsPage.Model {
    /// Reads a plan's document settings.
    static func load(services: Services, planID: Int64, language: Language, message: String? = nil) async throws -> DocumentSettingsPage.Model {
        let (plan, settings) = try await services.documents.settings(planID: planID, language: language)
        return DocumentSettingsPage.Model(plan: plan, settings: settings, message: message)
    }
}
