import Foundation
import Hummingbird
import MinshengCore
import SQLKit

/// The API's overdue list, reminders, inbox and assessment.
extension APIController {
    @Sendable func overdue(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let period = try await period(request, planID: planID, context: context)
        let tasks = try await database.read { try await service.tasks(planID: planID, period: period, on: $0) }.filter(\.isOverdue)
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
        let reminders = try await database.read { try await ReminderStore().reminders(unitID: unitID, on: $0) }
        return JSONBody(reminders.map(APIReminder.init)).response()
    }

    // MARK: Assessment

    @Sendable func assessment(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let answer = try await database.read { db -> APIAssessment in
            guard let plan = try await plans.plan(id: planID, on: db) else { throw Refusals.noPlan(planID) }
            let period: Period
            if let text = request.uri.queryParameters.get("period").map({ String($0) }) {
                guard let parsed = Period(text) else { throw APIRefusals.anyPeriod(text) }
                period = parsed
            } else {
                period = try await PlanScope.defaultPeriod(plan: plan, today: configuration.today, on: db)
            }
            let assessment = try await services.assessment.assess(planID: planID, period: period, on: db)
            let titles = Dictionary(uniqueKeysWithValues: try await plans.items(planID: planID, on: db).map { ($0.id, $0.title) })
            return APIAssessment(
                period: period.description, settings: assessment.settings,
                items: assessment.items.map { AssessmentEntry($0, title: titles[$0.itemID] ?? "") })
        }
        return JSONBody(answer).response()
    }
}
