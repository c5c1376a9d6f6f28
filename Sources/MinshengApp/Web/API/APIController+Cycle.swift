import Foundation
import Hummingbird
import MinshengCore

/// The API's overdue list, reminders, inbox and assessment.
extension APIController {
    @Sendable func overdue(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let period = try await period(request, planID: planID, context: context)
        let tasks = try await service.overdue(planID: planID, period: period)
        return JSONBody(tasks.map(APITask.init)).response()
    }

    @Sendable func remind(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let body = try await request.decode(as: APIRequests.Remind.self, context: context)
        guard let period = Period(body.period), case .month = period else { throw APIRefusals.monthPeriod(body.period) }
        let message = body.message ?? context.language.reporting.defaultReminder(period.description)
        let sent = try await service.remind(
            planID: planID, period: period, unitIDs: body.unitIds, message: message, by: context.auditActor,
            user: user, notifier: notifier)
        return JSONBody(sent.map(APIReminder.init), status: .created).response()
    }

    @Sendable func inbox(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        guard let unitID = user.unitID else { return JSONBody([APIReminder]()).response() }
        let reminders = try await service.reminders(unitID: unitID)
        return JSONBody(reminders.map(APIReminder.init)).response()
    }

    // MARK: Assessment

    @Sendable func assessment(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let text = request.uri.queryParameters.get("period").map { String($0) }
        let requested = text.flatMap { Period($0) }
        if let text, requested == nil {
            // A missing plan is refused before a malformed period.
            _ = try await services.plans.plan(id: planID)
            throw APIRefusals.anyPeriod(text)
        }
        let found = try await services.plans.assessment(planID: planID, period: requested)
        let answer = APIAssessment(
            period: found.period.description, settings: found.assessment.settings,
            items: found.assessment.items.map { AssessmentEntry($0, title: found.titles[$0.itemID] ?? "") })
        return JSONBody(answer).response()
    }
}
