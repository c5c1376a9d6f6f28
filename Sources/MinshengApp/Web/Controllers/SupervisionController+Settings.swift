import Foundation
import Hummingbird
import MinshengCore

/// The unit scores page and the supervision settings.
extension SupervisionController {
    @Sendable func scores(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let model = try await ScoresPage.Model.load(
            services: services, principal: try context.requirePrincipal(), planID: planQuery(request),
            period: request.uri.queryParameters.get("period").map({ String($0) }), language: context.language)
        return HTMLPage(html: ScoresPage.View(model: model, page: page(context, .scores)).render())
    }

    @Sendable func settings(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        return HTMLPage(html: try await settingsPage(planID: planQuery(request), context: context, message: nil, error: nil, submitted: nil))
    }

    private func settingsPage(planID: Int64?, context: AppRequestContext, message: String?, error: String?, submitted: SupervisionSettings?)
        async throws -> String
    {
        let model = try await SupervisionSettingsPage.Model.load(
            services: services, principal: try context.requirePrincipal(), planID: planID, language: context.language, message: message, error: error,
            submitted: submitted)
        return SupervisionSettingsPage.View(model: model, page: page(context, .supervisionSettings)).render()
    }

    @Sendable func saveSettings(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await form(request, context)
        guard let planID = form.text("plan").flatMap({ Int64($0) }) else { throw FormRefusals.incomplete }
        try context.requirePlan(planID, changing: true)
        do {
            let settings = try SupervisionSettingsForm.parse(form, language: context.language)
            do {
                try await service.saveSettings(settings, planID: planID, by: context.auditActor)
            } catch let problem as SettingsProblem {
                // Show the form again with what was typed, naming the value out of range.
                let error = AppError.invalidInput(SupervisionSettingsWords(language: context.language).problem(problem))
                return try await retry(error, request, context) {
                    try await settingsPage(planID: planID, context: context, message: nil, error: $0, submitted: settings)
                }
            }
            let html = try await settingsPage(
                planID: planID, context: context, message: context.language.supervisionWords.saved, error: nil, submitted: nil)
            return try HTMLPage(html: html).response(from: request, context: context)
        } catch let error as AppError where error.kind == .invalidInput {
            return try await retry(error, request, context) {
                try await settingsPage(planID: planID, context: context, message: nil, error: $0, submitted: nil)
            }
        }
    }
}
