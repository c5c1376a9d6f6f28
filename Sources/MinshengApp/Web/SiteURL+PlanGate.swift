import Hummingbird
import MinshengCore

/// How a route names the plan it reads or changes, so that ``PlanGateMiddleware`` can hold every route to the
/// user's ``PlanReach`` in one place.
enum PlanGate: Sendable {
    /// Not about one plan (sign-in, the user's own inbox and tokens, public pages, lists that filter themselves).
    case none
    /// The plan is the `planID` path parameter.
    case pathPlan
    /// The plan is the `?plan=` query parameter when given; without it the page picks a plan within reach.
    case queryPlan
    /// The `id` path parameter is a record of `table`, whose plan is found as `plan` says.
    case record(table: String, GateStore.RecordPlan)
    /// The `id` path parameter is a unit of a jurisdiction's directory.
    case unit
    /// The `id` path parameter is a user account.
    case user

    static func table(_ table: String) -> PlanGate { .record(table: table, .ownColumn) }
    static let attachment = PlanGate.record(table: "report_attachments", .attachment)
    static let publicMessage = PlanGate.record(table: "public_messages", .publicMessage)
    static let supervisionFile = PlanGate.record(table: "supervision_files", .supervisionFile)
}

extension SiteURL {
    /// How this route names its plan.
    var planGate: PlanGate {
        switch self {
        case .home, .healthz, .stylesheet, .appScript, .login, .logout, .inbox, .tokens, .revokeToken, .adminUsers, .adminUnits, .adminAudit, .rollup:
            return .none
        case .newImport, .imports, .importDraft, .importPlanFields, .importItem, .importConfirm:
            return .none
        case .publicIndex, .publicScript, .publicHome, .publicItem, .publicRate, .publicMessage, .publicCategory, .publicUnit,
            .publicSearch, .publicPublications, .publicPublicationFile, .publicChain, .publicVerify, .publicPhoto:
            return .none
        case .plan, .report, .reportReview, .reportCorrect, .reportAttachments, .adminCalendar, .item, .itemSettings,
            .adminAssessment, .documentSettings:
            return .pathPlan
        case .tasks, .taskForm, .reviewQueue, .overdue, .remind, .overview, .battleMap, .unitRanking, .documents,
            .adminPublications, .adminPublicMessages, .adminPhotos, .supervision, .inspections, .newInspection,
            .rectifications, .accountability, .scores, .supervisionSettings:
            return .queryPlan
        case .attachment, .adminPhoto: return .attachment
        case .adminUser: return .user
        case .adminUnitMembers, .unitPage: return .unit
        case .document, .documentIssue, .documentRefresh, .documentFile: return .table("documents")
        case .adminPublicMessage: return .publicMessage
        case .notice, .noticeAnswer, .noticeClose: return .table("supervision_notices")
        case .inspection, .inspectionPhotos, .inspectionResults, .inspectionRectifications: return .table("inspections")
        case .rectification, .rectificationAction: return .table("rectifications")
        case .supervisionFile: return .supervisionFile
        case .accountabilityCase, .caseDecision: return .table("accountability_cases")
        case .api(let api): return api.planGate
        }
    }
}

extension SiteURL.API {
    var planGate: PlanGate {
        switch self {
        case .openapi, .me, .plans, .inbox, .users, .units, .audit, .tokens, .token:
            return .none
        case .plan, .tasks, .reports, .saveReport, .overdue, .reminders, .calendar, .assessment, .documents, .publications,
            .publicMessages, .noticeProposals, .notices, .inspections, .rectifications, .caseProposals, .cases, .scores,
            .supervisionSettings:
            return .pathPlan
        case .report, .reportAction, .corrections: return .table("reports")
        case .document, .issueDocument: return .table("documents")
        case .user: return .user
        case .unitMembers: return .unit
        case .publicMessage: return .publicMessage
        case .photo: return .attachment
        case .noticeAnswer, .noticeClose: return .table("supervision_notices")
        case .inspectionRectifications: return .table("inspections")
        case .rectificationAction: return .table("rectifications")
        case .caseDecision: return .table("accountability_cases")
        }
    }
}

/// Holds a route to what it asks of the person (its ``Capability``) and to the user's ``PlanReach``: a route the
/// person's role may not use answers 401 signed out and 403 signed in; a plan, record, unit or account outside the
/// reach answers 404, and an office may change only its own jurisdiction's plans. Instance-wide accounts pass the
/// reach check without a query.
struct PlanGateMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let capability: Capability
    let gate: PlanGate
    let gates: RequestGates

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response
    {
        if case .queryPlan = gate, let text = request.uri.queryParameters.get("plan"), !text.isEmpty, Int64(String(text)) == nil {
            throw AppError.invalidInput(RequestWords(language: context.language).planParameter)
        }
        guard Policy.allows(capability, context.principal) else {
            let principal = try context.requirePrincipal()
            // What only the whole instance's office sees does not exist for a scoped office.
            if capability == .instanceOffice, principal.isOffice { throw context.outOfReach() }
            throw AppError(.forbidden, Self.roleRefusal(context.language))
        }
        guard context.user != nil, !context.reach.isEverything else { return try await next(request, context) }
        let changing = ![.get, .head, .options].contains(request.method)
        switch gate {
        case .none:
            break
        case .pathPlan:
            if let planID = context.parameters.get(SiteURL.Key.planID, as: Int64.self) {
                try context.requirePlan(planID, changing: changing)
            }
        case .queryPlan:
            if let planID = request.uri.queryParameters.get("plan").flatMap({ Int64(String($0)) }) {
                try context.requirePlan(planID, changing: changing)
            }
        case .record(let table, let plan):
            guard let id = context.parameters.get(SiteURL.Key.id, as: Int64.self) else { break }
            let planID = try await gates.planID(of: plan, table: table, id: id)
            if let planID { try context.requirePlan(planID, changing: changing) }
        case .unit:
            guard let id = context.parameters.get(SiteURL.Key.id, as: Int64.self) else { break }
            let jurisdiction = try await gates.unitJurisdiction(id: id)
            if let jurisdiction { try check(jurisdiction, changing: changing, context: context) }
        case .user:
            guard let id = context.parameters.get(SiteURL.Key.id, as: Int64.self) else { break }
            let account = try await gates.userJurisdiction(id: id)
            if account.exists {
                guard let jurisdiction = account.jurisdictionID else { throw context.outOfReach() }
                try check(jurisdiction, changing: changing, context: context)
            }
        }
        return try await next(request, context)
    }

    /// The answer to a person whose role may not use a route.
    static func roleRefusal(_ language: Language) -> String {
        RequestWords(language: language).roleRefusal
    }

    private func check(_ jurisdiction: Int64, changing: Bool, context: AppRequestContext) throws {
        let allowed = changing ? context.reach.runs(jurisdictionID: jurisdiction) : context.reach.covers(jurisdictionID: jurisdiction)
        guard allowed else { throw context.outOfReach() }
    }
}
