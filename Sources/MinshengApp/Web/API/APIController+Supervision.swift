import Foundation
import Hummingbird
import MinshengCore

extension APIController {
    var supervision: SupervisionService { services.supervision }

    var supervisionEndpoints: [APIEndpoint] {
        [
            APIEndpoint(
                method: .get, url: .api(.noticeProposals(.key)), operationID: "listNoticeProposals",
                summary: "The notices the assessment calls for (admin)",
                response: .array(.ref("NoticeProposal")), errors: [403, 404], handler: noticeProposals),
            APIEndpoint(
                method: .get, url: .api(.notices(.key)), operationID: "listNotices",
                summary: "Supervision notices with their colour today (a reporter's own unit)",
                response: .array(.ref("Notice")), errors: [404], handler: listNotices),
            APIEndpoint(
                method: .post, url: .api(.notices(.key)), operationID: "issueNotice",
                summary: "Issue a notice about an item to its lead units (admin)",
                body: APIRequests.IssueNotice.schema, response: .array(.ref("Notice")), success: 201, errors: [400, 403, 404], handler: issueNotice),
            APIEndpoint(
                method: .post, url: .api(.noticeAnswer(.key)), operationID: "answerNotice",
                summary: "The notified unit's answer: measures and promised date",
                body: APIRequests.AnswerNotice.schema, response: .ref("Notice"), errors: [400, 403, 404, 409], handler: answerNotice),
            APIEndpoint(
                method: .post, url: .api(.noticeClose(.key)), operationID: "closeNotice", summary: "Close (办结) a notice (admin)",
                response: .ref("Notice"), errors: [403, 404, 409], handler: closeNotice),
            APIEndpoint(
                method: .get, url: .api(.inspections(.key)), operationID: "listInspections", summary: "Inspections with the figures checked",
                response: .array(.ref("Inspection")), errors: [403, 404], handler: listInspections),
            APIEndpoint(
                method: .post, url: .api(.inspections(.key)), operationID: "recordInspection",
                summary:
                    """
                    Plan an inspection of an item or a unit (planned true), or record one done; each verified figure is kept beside the \
                    accepted one (inspector, admin)
                    """,
                body: APIRequests.NewInspection.schema, response: .ref("Inspection"), success: 201, errors: [400, 403, 404], handler: recordInspection
            ),
            APIEndpoint(
                method: .post, url: .api(.inspectionRectifications(.key)), operationID: "requireRectification",
                summary: "Require a unit to rectify what an inspection found (inspector, admin)",
                body: APIRequests.NewRectification.schema, response: .ref("Rectification"), success: 201, errors: [400, 403, 404],
                handler: requireRectification),
            APIEndpoint(
                method: .get, url: .api(.rectifications(.key)), operationID: "listRectifications", summary: "Rectifications (a reporter's own unit)",
                response: .array(.ref("Rectification")), errors: [404], handler: listRectifications),
            APIEndpoint(
                method: .post, url: .api(.rectificationAction(.key, .key)), operationID: "actOnRectification",
                summary: "report (the unit), close or reopen (inspector) a rectification",
                body: APIRequests.RectificationStep.schema, response: .ref("Rectification"), errors: [400, 403, 404, 409], handler: actOnRectification
            ),
            APIEndpoint(
                method: .get, url: .api(.caseProposals(.key)), operationID: "listCaseProposals",
                summary: "The cases the accountability rules call for (admin)",
                response: .array(.ref("CaseProposal")), errors: [403, 404], handler: caseProposals),
            APIEndpoint(
                method: .get, url: .api(.cases(.key)), operationID: "listCases", summary: "Accountability cases", response: .array(.ref("Case")),
                errors: [403, 404], handler: listCases),
            APIEndpoint(
                method: .post, url: .api(.cases(.key)), operationID: "openCase", summary: "Open a proposed case with its grounds (admin)",
                body: APIRequests.OpenCase.schema, response: .ref("Case"), success: 201, errors: [400, 403, 404, 409], handler: openCase),
            APIEndpoint(
                method: .post, url: .api(.caseDecision(.key)), operationID: "decideCase", summary: "Decide a case (admin)",
                body: APIRequests.Decide.schema, response: .ref("Case"), errors: [400, 403, 404, 409], handler: decideCase),
            APIEndpoint(
                method: .get, url: .api(.scores(.key)), operationID: "listScores",
                summary: "Lead units' scores at a period, ranked, every point explained",
                query: [("period", .string(), false)], response: .array(.ref("Score")), errors: [400, 403, 404], handler: scores),
            APIEndpoint(
                method: .get, url: .api(.supervisionSettings(.key)), operationID: "getSupervisionSettings",
                summary: "The plan's supervision settings",
                response: .ref("SupervisionSettings"), errors: [403, 404], handler: getSupervisionSettings),
            APIEndpoint(
                method: .put, url: .api(.supervisionSettings(.key)), operationID: "setSupervisionSettings",
                summary: "Set the plan's supervision settings (admin)",
                body: APIRequests.supervisionSettingsSchema, response: .ref("SupervisionSettings"), errors: [400, 403, 404],
                handler: setSupervisionSettings),
        ]
    }

    private func planID(_ context: AppRequestContext) throws -> Int64 {
        try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
    }

    private func apiNotice(_ id: Int64) async throws -> APINotice {
        let (scope, notice) = try await supervision.notice(id: id)
        return APINotice(
            notice, itemNumber: scope.itemNumbers[notice.itemID] ?? 0, standing: notice.standing(today: scope.day, rules: scope.settings.notices))
    }

    @Sendable func noticeProposals(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (scope, proposals) = try await supervision.noticeProposals(planID: try planID(context))
        return JSONBody(
            proposals.map { APINoticeProposal(itemNumber: scope.itemNumbers[$0.itemID] ?? $0.number, grade: $0.grade, reason: $0.reason) }
        ).response()
    }

    @Sendable func listNotices(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let (scope, notices) = try await supervision.notices(planID: try planID(context), by: principal)
        return JSONBody(
            notices.map {
                APINotice($0, itemNumber: scope.itemNumbers[$0.itemID] ?? 0, standing: $0.standing(today: scope.day, rules: scope.settings.notices))
            }
        ).response()
    }

    @Sendable func issueNotice(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try planID(context)
        let body = try await request.decode(as: APIRequests.IssueNotice.self, context: context)
        let itemID = try await supervision.itemID(number: body.itemNumber, planID: planID)
        let issued = try await supervision.issue(
            planID: planID, itemID: itemID, grade: body.grade, reason: body.reason, requirement: body.requirement ?? "",
            by: context.auditActor)
        var answer: [APINotice] = []
        for notice in issued { answer.append(try await apiNotice(notice.id)) }
        return JSONBody(answer, status: .created).response()
    }

    @Sendable func answerNotice(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let body = try await request.decode(as: APIRequests.AnswerNotice.self, context: context)
        _ = try await supervision.answer(noticeID: id, measures: body.measures, promisedOn: body.promisedOn, by: user, address: context.clientAddress)
        return JSONBody(try await apiNotice(id)).response()
    }

    @Sendable func closeNotice(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        try await supervision.close(noticeID: id, by: context.auditActor)
        return JSONBody(try await apiNotice(id)).response()
    }

    @Sendable func listInspections(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (scope, inspections) = try await supervision.inspections(planID: try planID(context))
        return JSONBody(
            inspections.map { APIInspection($0, itemNumber: $0.itemID.flatMap { scope.itemNumbers[$0] }, rule: scope.settings.discrepancy) }
        ).response()
    }

    @Sendable func recordInspection(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try planID(context)
        let body = try await request.decode(as: APIRequests.NewInspection.self, context: context)
        var verified: [Int64: Decimal] = [:]
        for value in body.values ?? [] {
            guard let number = DecimalText.parse(value.verified) else { throw APIRefusals.number("values", value.verified) }
            verified[value.indicatorId] = number
        }
        let (itemID, unitID) = try await supervision.inspectionTarget(planID: planID, itemNumber: body.itemNumber, unitID: body.unitId)
        let inspection = try await supervision.record(
            planID: planID,
            SupervisionService.InspectionInput(
                itemID: itemID, unitID: unitID, inspectedOn: body.inspectedOn, place: body.place, mode: body.mode, checked: body.checked,
                findings: body.findings ?? "", verified: verified, planned: body.planned ?? false
            ), by: context.auditActor)
        let settings = try await supervision.settings(planID: planID)
        return JSONBody(APIInspection(inspection, itemNumber: body.itemNumber, rule: settings.discrepancy), status: .created).response()
    }

    private func apiRectification(_ rectification: Rectification) async throws -> APIRectification {
        let scope = try await supervision.scope(planID: rectification.planID)
        return APIRectification(rectification, itemNumber: rectification.itemID.flatMap { scope.itemNumbers[$0] }, today: scope.day)
    }

    @Sendable func requireRectification(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let body = try await request.decode(as: APIRequests.NewRectification.self, context: context)
        let stored = try await supervision.requireRectification(
            inspectionID: id, unitID: body.unitId, requirement: body.requirement, due: body.due, by: context.auditActor)
        return JSONBody(try await apiRectification(stored), status: .created).response()
    }

    @Sendable func listRectifications(_ request: Request, context: AppRequestContext) async throws -> Response {
        let principal = try context.requirePrincipal()
        let (scope, list) = try await supervision.rectifications(planID: try planID(context), by: principal)
        return JSONBody(list.map { APIRectification($0, itemNumber: $0.itemID.flatMap { scope.itemNumbers[$0] }, today: scope.day) }).response()
    }

    @Sendable func actOnRectification(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let text = try context.parameters.require(SiteURL.Key.action)
        guard let action = RectificationState.Action(rawValue: text) else { throw APIRefusals.action(["report", "close", "reopen"], got: text) }
        let body = try await request.decode(as: APIRequests.RectificationStep.self, context: context)
        let updated = try await supervision.act(rectificationID: id, action: action, text: body.text ?? "", by: user, address: context.clientAddress)
        return JSONBody(try await apiRectification(updated)).response()
    }

    @Sendable func caseProposals(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (scope, proposals) = try await supervision.caseProposals(planID: try planID(context))
        return JSONBody(
            proposals.map {
                APICaseProposal(unitId: $0.unitID, itemNumber: $0.itemID.flatMap { scope.itemNumbers[$0] }, rule: $0.rule, grounds: $0.grounds)
            }
        ).response()
    }

    @Sendable func listCases(_ request: Request, context: AppRequestContext) async throws -> Response {
        let (scope, cases) = try await supervision.cases(planID: try planID(context))
        return JSONBody(cases.map { APICase($0, itemNumber: $0.itemID.flatMap { scope.itemNumbers[$0] }) }).response()
    }

    @Sendable func openCase(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try planID(context)
        let body = try await request.decode(as: APIRequests.OpenCase.self, context: context)
        let proposal = try await supervision.caseProposal(planID: planID, unitID: body.unitId, itemNumber: body.itemNumber, rule: body.rule)
        guard let proposal else { throw APIRefusals.noCaseToOpen }
        let opened = try await supervision.openCase(
            planID: planID, unitID: proposal.unitID, itemID: proposal.itemID, rule: proposal.rule,
            grounds: proposal.grounds, by: context.auditActor)
        return JSONBody(APICase(opened, itemNumber: body.itemNumber), status: .created).response()
    }

    @Sendable func decideCase(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let body = try await request.decode(as: APIRequests.Decide.self, context: context)
        let decided = try await supervision.decide(caseID: id, decision: body.decision, note: body.note, by: user, address: context.clientAddress)
        let number = try await supervision.itemNumber(itemID: decided.itemID, planID: decided.planID)
        return JSONBody(APICase(decided, itemNumber: number)).response()
    }

    @Sendable func scores(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try planID(context)
        let text = request.uri.queryParameters.get("period").map { String($0) }
        let requested = text.flatMap { Period($0) }
        if text != nil, requested == nil {
            // A missing plan is refused before a malformed period.
            throw APIRefusals.documentPeriod(year: try await supervision.scope(planID: planID).plan.year)
        }
        return JSONBody(try await supervision.scores(planID: planID, period: requested).map(APIScore.init)).response()
    }

    @Sendable func getSupervisionSettings(_ request: Request, context: AppRequestContext) async throws -> Response {
        JSONBody(try await supervision.scope(planID: try planID(context)).settings).response()
    }

    @Sendable func setSupervisionSettings(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try planID(context)
        let settings = try await request.decode(as: SupervisionSettings.self, context: context)
        do {
            try await supervision.saveSettings(settings, planID: planID, by: context.auditActor)
        } catch let problem as SettingsProblem {
            throw AppError.invalidInput(SupervisionSettingsWords(language: context.language).apiProblem(problem))
        }
        return JSONBody(settings).response()
    }
}
