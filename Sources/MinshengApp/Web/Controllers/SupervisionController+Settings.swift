import Foundation
import Hummingbird
import MinshengCore
import SQLKit

/// The unit scores page and the supervision settings.
extension SupervisionController {
    @Sendable func scores(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let html = try await database.read { db in
            let directory = try await directory(planID: planQuery(request), context: context, on: db)
            var period = try await service.month(plan: directory.plan, on: db)
            if let text = request.uri.queryParameters.get("period").map({ String($0) }) {
                guard let requested = Period(text), requested.year == directory.plan.year else {
                    throw AppError.invalidInput(PeriodWords(language: context.language).monthOrYear(directory.plan.year))
                }
                period = requested
            }
            return ScoresPage(
                directory: directory, period: period, scores: try await service.scores(planID: directory.plan.id, period: period, on: db),
                page: page(context, .scores)
            ).render()
        }
        return HTMLPage(html: html)
    }

    @Sendable func settings(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        return HTMLPage(html: try await settingsPage(planID: planQuery(request), context: context, message: nil, error: nil, submitted: nil))
    }

    private func settingsPage(planID: Int64?, context: AppRequestContext, message: String?, error: String?, submitted: SupervisionSettings?)
        async throws -> String
    {
        try await database.read { db in
            let directory = try await directory(planID: planID, context: context, on: db)
            return SupervisionSettingsPage(
                plan: directory.plan, settings: submitted ?? directory.settings, message: message, error: error,
                page: page(context, .supervisionSettings)
            ).render()
        }
    }

    @Sendable func saveSettings(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await form(request, context)
        guard let planID = form.text("plan").flatMap({ Int64($0) }) else { throw AppError.invalidInput("The form names no plan.") }
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
