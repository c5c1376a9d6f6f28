import Foundation
import Hummingbird
import MinshengCore

/// The API's documents, calendars, accounts, units, audit log and tokens.
extension APIController {
    @Sendable func listDocuments(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let documents = try await services.documents.documents(planID: planID)
        return JSONBody(documents.map(APIDocumentSummary.init)).response()
    }

    @Sendable func draftDocument(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let body = try await request.decode(as: APIRequests.NewDocument.self, context: context)
        let words = DocumentUseCaseWords(language: context.language)
        guard let kind = OfficialDocument.Kind(rawValue: body.kind) else { throw AppError.invalidInput(words.kindList) }
        guard let period = Period(body.period) else { throw AppError.invalidInput(words.periodFormat) }
        let stored = try await services.documents.createDraft(
            kind: kind, planID: planID, period: period, user: user, by: context.auditActor, language: context.language)
        return JSONBody(APIDocument(stored), status: .created).response()
    }

    @Sendable func getDocument(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let stored = try await services.documents.document(id: id, language: context.language)
        return JSONBody(APIDocument(stored)).response()
    }

    @Sendable func issueDocument(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let issued = try await services.documents.issue(documentID: id, user: user, by: context.auditActor, language: context.language)
        return JSONBody(APIDocument(issued)).response()
    }

    // MARK: Administration

    @Sendable func getCalendar(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireUser()
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        return JSONBody(try await admin.calendar(planID: planID)).response()
    }

    @Sendable func setCalendar(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let body = try await request.decode(as: AdminService.Calendar.self, context: context)
        return JSONBody(try await admin.setCalendar(planID: planID, body, by: context.auditActor, language: context.language)).response()
    }

    @Sendable func listUsers(_ request: Request, context: AppRequestContext) async throws -> Response {
        return JSONBody(try await admin.users(within: context.reach).map(APIUser.init)).response()
    }

    @Sendable func createUser(_ request: Request, context: AppRequestContext) async throws -> Response {
        let office = try context.requirePrincipal()
        let body = try await request.decode(as: AccountService.NewUser.self, context: context)
        let created = try await accounts.createUser(body, by: office, actor: context.auditActor, language: context.language)
        return JSONBody(APIUser(created), status: .created).response()
    }

    @Sendable func updateUser(_ request: Request, context: AppRequestContext) async throws -> Response {
        let office = try context.requirePrincipal()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let body = try await request.decode(as: AccountService.UserChange.self, context: context)
        let changed = try await accounts.updateUser(id, body, by: office, actor: context.auditActor, language: context.language)
        return JSONBody(APIUser(changed)).response()
    }

    @Sendable func listUnits(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireUser()
        let requested = request.uri.queryParameters.get("plan").flatMap { Int64(String($0)) }
        if let requested { try context.requirePlan(requested, changing: false) }
        let units = try await services.plans.units(planID: requested, reach: context.reach).map { unit, memberIDs in
            APIUnitDetail(id: unit.id, name: unit.name, kind: unit.kind.rawValue, jurisdictionId: unit.jurisdictionID, memberIds: memberIDs)
        }
        return JSONBody(units).response()
    }

    @Sendable func setMembers(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let body = try await request.decode(as: APIRequests.Members.self, context: context)
        return JSONBody(try await admin.setMembers(groupID: id, memberIDs: body.memberIds, by: context.auditActor)).response()
    }

    @Sendable func audit(_ request: Request, context: AppRequestContext) async throws -> Response {
        let limit = min(max(request.uri.queryParameters.get("limit").flatMap { Int(String($0)) } ?? 100, 1), 1000)
        let offset = max(request.uri.queryParameters.get("offset").flatMap { Int(String($0)) } ?? 0, 0)
        let entries = try await admin.auditEntries(limit: limit, offset: offset)
        return JSONBody(entries.map(APIAuditEntry.init)).response()
    }

    @Sendable func listTokens(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        return JSONBody(try await admin.tokens(for: user).map { APIToken($0) }).response()
    }

    @Sendable func createToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let body = try await request.decode(as: APIRequests.NewToken.self, context: context)
        let created = try await admin.createToken(name: body.name, for: user, by: context.auditActor)
        return JSONBody(APIToken(created.token, secret: created.secret), status: .created).response()
    }

    @Sendable func revokeToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        try await admin.revokeToken(id: id, for: user, by: context.auditActor)
        return JSONBody([String: String]()).response()
    }
}
