import Foundation
import Hummingbird
import MinshengCore

/// The API's report operations.
extension APIController {
    func period(_ request: Request, planID: Int64, context: AppRequestContext) async throws -> Period {
        if let text = request.uri.queryParameters.get("period").map({ String($0) }) {
            guard let period = Period(text), case .month = period else {
                throw APIRefusals.monthPeriod(text)
            }
            return period
        }
        return try await services.plans.defaultPeriod(planID: planID)
    }

    @Sendable func tasks(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let period = try await period(request, planID: planID, context: context)
        let principal = user.principal(reach: context.reach)
        let asked = request.uri.queryParameters.get("unit").flatMap { Int64(String($0)) }
        let unit = ReportPolicy.taskUnit(asked: asked, by: principal)
        guard ReportPolicy.canListTasks(ofUnit: asked ?? unit, by: principal) else {
            throw APIRefusals.ownUnitsTasks
        }
        let tasks = try await service.tasks(planID: planID, period: period, unitID: unit, user: user)
        return JSONBody(tasks.map(APITask.init)).response()
    }

    @Sendable func listReports(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        // `all` names every state, as on the review page.
        let state = try request.uri.queryParameters.get("state").flatMap { text -> ReportState? in
            guard text != "all" else { return nil }
            guard let state = ReportState(rawValue: String(text)) else {
                throw APIRefusals.oneOf("state", ReportState.allCases.map(\.rawValue) + ["all"], got: String(text))
            }
            return state
        }
        let query = request.uri.queryParameters
        if ["unit", "item", "category", "sort", "page"].contains(where: { query.get($0) != nil }) {
            let filter = try ReviewFilter.read({ query.get($0).map { String($0) } }, language: context.language)
            let queue = try await service.reviewQueue(planID: planID, filter: filter, user: user)
            var response = try JSONBody(queue.reports.map(APIReport.init)).response()
            response.headers[.init("X-Total-Count")!] = String(queue.total)
            response.headers[.init("X-Page")!] = String(queue.page)
            response.headers[.init("X-Pages")!] = String(queue.pages)
            return response
        }
        let found: [Report]
        if let state {
            found = try await service.reports(planID: planID, state: state, user: user)
        } else {
            found = try await service.latestReports(planID: planID, period: try await period(request, planID: planID, context: context), user: user)
        }
        return JSONBody(found.map(APIReport.init)).response()
    }

    @Sendable func saveReport(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let target = try ReportController.Target(context)
        let body = try await request.decode(as: APIRequests.SaveReport.self, context: context)
        let draft = ReportingService.Draft(
            values: body.values ?? [], progress: body.progress ?? "", problems: body.problems ?? "", nextSteps: body.nextSteps ?? "")
        do {
            let report = try await service.save(
                planID: target.planID, itemID: target.itemID, unitID: target.unitID, period: target.period, draft: draft,
                expectedLock: body.lockVersion, submit: body.submit ?? false, by: context.auditActor, user: user,
                idempotencyKey: request.headers.value(named: "idempotency-key")
            )
            return JSONBody(APIReport(report)).response()
        } catch let conflict as ReportConflict {
            return Self.conflict(conflict)
        }
    }

    @Sendable func getReport(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let found = try await service.reportDetail(id: id, user: user)
        let detail = APIReportDetail(
            report: APIReport(found.report), versions: found.versions.map(APIReport.init), events: found.events.map(APIEvent.init),
            attachments: found.attachments.map(APIAttachment.init))
        return JSONBody(detail).response()
    }

    @Sendable func act(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let actionText = try context.parameters.require(SiteURL.Key.action)
        guard let action = ReportAction(rawValue: actionText), action == .submit || action == .return || action == .accept else {
            throw APIRefusals.action(["submit", "return", "accept"], got: actionText)
        }
        let body = try await request.decode(as: APIRequests.Action.self, context: context)
        do {
            let report = try await service.act(
                action, reportID: id, expectedLock: body.lockVersion, reason: body.reason, by: context.auditActor,
                user: user, idempotencyKey: request.headers.value(named: "idempotency-key"))
            return JSONBody(APIReport(report)).response()
        } catch let conflict as ReportConflict {
            return Self.conflict(conflict)
        }
    }

    @Sendable func correct(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let body = try await request.decode(as: APIRequests.Correction.self, context: context)
        let report = try await service.correct(
            reportID: id, reason: body.reason, by: context.auditActor, user: user,
            idempotencyKey: request.headers.value(named: "idempotency-key"))
        return JSONBody(APIReport(report), status: .created).response()
    }

    /// A 409 problem that carries the current version, so the client can merge and retry.
    static func conflict(_ conflict: ReportConflict) -> Response {
        struct ConflictProblem: Encodable {
            var type = "about:blank"
            var title = "Conflict"
            var status = 409
            var detail = "The report changed since it was read; the current version is included."
            var code = "report.conflict"
            var current: APIReport
        }
        return JSONBody(ConflictProblem(current: APIReport(conflict.current)), status: .conflict, contentType: "application/problem+json").response()
    }
}
