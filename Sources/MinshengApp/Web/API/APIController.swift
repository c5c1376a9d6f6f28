import Foundation
import Hummingbird
import MinshengCore
import SQLKit

/// One operation of the JSON API: how it is routed and how the OpenAPI document describes it.
struct APIEndpoint: Sendable {
    var method: HTTPRequest.Method
    var url: SiteURL
    var operationID: String
    var summary: String
    var query: [(name: String, schema: APISchema, required: Bool)] = []
    var body: APISchema?
    var response: APISchema
    var success: Int = 200
    /// Error statuses the operation may answer, besides 401 for a missing or bad credential.
    var errors: [Int] = []
    var isPublic = false
    var handler: @Sendable (Request, AppRequestContext) async throws -> Response

    /// The query parameters declared as integers.
    var integerQueryNames: [String] {
        query.compactMap { parameter in
            if case .integer = parameter.schema { return parameter.name }
            return nil
        }
    }
}

/// The JSON API under `/api/v1`: everything the pages do, for other systems. Authenticated by a personal token
/// (`Authorization: Bearer …`) or the session cookie with an `X-CSRF-Token` header for changes.
struct APIController {
    let services: Services
    var database: AppDatabase { services.database }
    var configuration: AppConfiguration { services.configuration }
    var notifier: (any ReminderNotifier)? { services.notifier }
    let plans = PlanStore()
    let reports = ReportStore()

    var service: ReportingService { services.reporting }
    var admin: AdminService { services.admin }
    var accounts: AccountService { services.accounts }

    func register(with routes: SiteRouter) {
        for endpoint in endpoints {
            let integers = endpoint.integerQueryNames
            let handler = endpoint.handler
            routes.on(endpoint.url, method: endpoint.method) { request, context in
                // An integer query parameter that is not one is refused, as the document says, not ignored.
                for name in integers {
                    if let value = request.uri.queryParameters.get(name), Int64(String(value)) == nil {
                        throw AppError.invalidInput("The query parameter \(name) must be an integer (got \(String(value).prefix(40))).")
                    }
                }
                return try await handler(request, context)
            }
        }
    }

    // MARK: The table of operations

    var endpoints: [APIEndpoint] {
        let planAPI = PlanAPIController(database: database, store: plans)
        return [
            APIEndpoint(method: .get, url: .api(.openapi), operationID: "openapi", summary: "This OpenAPI document", response: .any, isPublic: true) {
                _, _ in
                JSONBody(RawJSON(value: OpenAPIDocument(endpoints: self.endpoints).json)).response()
            },
            APIEndpoint(method: .get, url: .api(.me), operationID: "me", summary: "The signed-in user", response: .ref("User")) { _, context in
                JSONBody(APIUser(try context.requireUser())).response()
            },
            APIEndpoint(
                method: .get, url: .api(.plans), operationID: "listPlans", summary: "Every plan", response: .array(.ref("PlanSummary")),
                isPublic: true
            ) { request, context in
                try await planAPI.list(request, context: context).response()
            },
            APIEndpoint(
                method: .get, url: .api(.plan(.key)), operationID: "getPlan", summary: "A plan with categories, items, indicators and units",
                response: .ref("Plan"), errors: [400, 404], isPublic: true
            ) { request, context in
                try await planAPI.show(request, context: context)
            },
            APIEndpoint(
                method: .get, url: .api(.tasks(.key)), operationID: "listTasks", summary: "Reports owed for a month (a reporter's own unit)",
                query: [("period", .string(), false), ("unit", .integer, false)], response: .array(.ref("Task")), errors: [400, 403, 404],
                handler: tasks),
            APIEndpoint(
                method: .get, url: .api(.reports(.key)), operationID: "listReports",
                summary: "The newest version of every report of a month, or every report in a state",
                query: [("period", .string(), false), ("state", .enumeration(ReportState.allCases.map(\.rawValue)), false)],
                response: .array(.ref("Report")), errors: [400, 404], handler: listReports),
            APIEndpoint(
                method: .put, url: .api(.saveReport(plan: .key, period: .key, item: .key, unit: .key)), operationID: "saveReport",
                summary:
                    """
                    Save (and with submit, submit) a unit's report; lockVersion is the version read, absent for a new report; an \
                    Idempotency-Key header makes retries safe
                    """,
                body: APIRequests.SaveReport.schema, response: .ref("Report"), errors: [400, 403, 404, 409], handler: saveReport),
            APIEndpoint(
                method: .get, url: .api(.report(.key)), operationID: "getReport", summary: "A report with its versions, history and attachments",
                response: .ref("ReportDetail"), errors: [400, 404], handler: getReport),
            APIEndpoint(
                method: .post, url: .api(.reportAction(.key, .key)), operationID: "actOnReport",
                summary: "submit, return (with a reason) or accept a report", body: APIRequests.Action.schema, response: .ref("Report"),
                errors: [400, 403, 404, 409], handler: act),
            APIEndpoint(
                method: .post, url: .api(.corrections(.key)), operationID: "correctReport", summary: "Start a new version of an accepted report",
                body: APIRequests.Correction.schema, response: .ref("Report"), success: 201, errors: [400, 403, 404, 409], handler: correct),
            APIEndpoint(
                method: .get, url: .api(.overdue(.key)), operationID: "listOverdue", summary: "Reports not submitted by the due day",
                query: [("period", .string(), false)], response: .array(.ref("Task")), errors: [400, 403, 404], handler: overdue),
            APIEndpoint(
                method: .post, url: .api(.reminders(.key)), operationID: "sendReminders",
                summary: "Remind overdue units (all when unitIds is absent)",
                body: APIRequests.Remind.schema, response: .array(.ref("Reminder")), success: 201, errors: [400, 403, 404], handler: remind),
            APIEndpoint(
                method: .get, url: .api(.calendar(.key)), operationID: "getCalendar", summary: "A plan's reporting calendar",
                response: .ref("Calendar"), errors: [404], handler: getCalendar),
            APIEndpoint(
                method: .put, url: .api(.calendar(.key)), operationID: "setCalendar", summary: "Set the due day and the quarterly items",
                body: APIRequests.calendarSchema, response: .ref("Calendar"), errors: [400, 403, 404], handler: setCalendar),
            APIEndpoint(
                method: .get, url: .api(.assessment(.key)), operationID: "getAssessment",
                summary: "Every item's status, progress, expected progress and forecast at a period (2019-09, 2019-Q3, 2019-H1 or 2019)",
                query: [("period", .string(), false)], response: .ref("Assessment"), errors: [400, 403, 404], handler: assessment),
            APIEndpoint(
                method: .get, url: .api(.documents(.key)), operationID: "listDocuments", summary: "The plan's documents, drafts and issued",
                response: .array(.ref("DocumentSummary")), errors: [403, 404], handler: listDocuments),
            APIEndpoint(
                method: .post, url: .api(.documents(.key)), operationID: "draftDocument",
                summary: "Draft a document (kind monthly, quarterly, halfYear or annual) for a period from the current data",
                body: APIRequests.NewDocument.schema, response: .ref("Document"), success: 201, errors: [400, 403, 404], handler: draftDocument),
            APIEndpoint(
                method: .get, url: .api(.document(.key)), operationID: "getDocument", summary: "A document with its content and data",
                response: .ref("Document"), errors: [400, 403, 404], handler: getDocument),
            APIEndpoint(
                method: .post, url: .api(.issueDocument(.key)), operationID: "issueDocument", summary: "Issue a draft: number, freeze and archive it",
                response: .ref("Document"), errors: [400, 403, 404, 409], handler: issueDocument),
            APIEndpoint(
                method: .get, url: .api(.inbox), operationID: "inbox", summary: "Reminders to the user's unit", response: .array(.ref("Reminder")),
                handler: inbox),
            APIEndpoint(
                method: .get, url: .api(.users), operationID: "listUsers", summary: "Every account (admin)", response: .array(.ref("User")),
                errors: [403], handler: listUsers),
            APIEndpoint(
                method: .post, url: .api(.users), operationID: "createUser", summary: "Create an account (admin)", body: APIRequests.newUserSchema,
                response: .ref("User"), success: 201, errors: [400, 403, 409], handler: createUser),
            APIEndpoint(
                method: .patch, url: .api(.user(.key)), operationID: "updateUser",
                summary: "Change an account's role, unit, status or password (admin)",
                body: APIRequests.userChangeSchema, response: .ref("User"), errors: [400, 403, 404], handler: updateUser),
            APIEndpoint(
                method: .get, url: .api(.units), operationID: "listUnits", summary: "The unit directory of a plan's jurisdiction, with group members",
                query: [("plan", .integer, false)], response: .array(.ref("Unit")), errors: [400, 404], handler: listUnits),
            APIEndpoint(
                method: .put, url: .api(.unitMembers(.key)), operationID: "setUnitMembers", summary: "Set a group unit's members (admin)",
                body: APIRequests.Members.schema, response: .array(.integer), errors: [400, 403, 404], handler: setMembers),
            APIEndpoint(
                method: .get, url: .api(.audit), operationID: "listAudit", summary: "The audit log, newest first (admin)",
                query: [("limit", .integer, false), ("offset", .integer, false)], response: .array(.ref("AuditEntry")), errors: [400, 403],
                handler: audit),
            APIEndpoint(
                method: .get, url: .api(.tokens), operationID: "listTokens", summary: "The user's personal tokens", response: .array(.ref("Token")),
                handler: listTokens),
            APIEndpoint(
                method: .post, url: .api(.tokens), operationID: "createToken", summary: "Create a personal token; its secret is in this answer only",
                body: APIRequests.NewToken.schema, response: .ref("Token"), success: 201, errors: [400], handler: createToken),
            APIEndpoint(
                method: .delete, url: .api(.token(.key)), operationID: "revokeToken", summary: "Revoke a personal token",
                response: .ref("Empty"), errors: [400, 404], handler: revokeToken),
        ] + disclosureEndpoints + supervisionEndpoints
    }

    // MARK: Reports

    private func period(_ request: Request, planID: Int64, context: AppRequestContext) async throws -> Period {
        if let text = request.uri.queryParameters.get("period").map({ String($0) }) {
            guard let period = Period(text), case .month = period else {
                throw AppError.invalidInput("period must be a month such as 2019-09; got \(text).")
            }
            return period
        }
        return try await database.read { db in
            guard let plan = try await plans.plan(id: planID, on: db) else { throw AppError.notFound("No plan has id \(planID).") }
            return try await PlanScope.defaultPeriod(plan: plan, today: configuration.today, on: db)
        }
    }

    @Sendable func tasks(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let period = try await period(request, planID: planID, context: context)
        let principal = user.principal(reach: context.reach)
        let asked = request.uri.queryParameters.get("unit").flatMap { Int64(String($0)) }
        let unit = ReportPolicy.taskUnit(asked: asked, by: principal)
        guard ReportPolicy.canListTasks(ofUnit: asked ?? unit, by: principal) else {
            throw AppError(.forbidden, "Reporters see their own unit's tasks.")
        }
        let tasks = try await database.read { db in
            try await service.tasks(
                planID: planID, period: period, unitID: unit, for: try await service.reader(for: user, planID: planID, on: db), on: db)
        }
        return JSONBody(tasks.map(APITask.init)).response()
    }

    @Sendable func listReports(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let state = try request.uri.queryParameters.get("state").map { text -> ReportState in
            guard let state = ReportState(rawValue: String(text)) else { throw AppError.invalidInput("Unknown state \(text).") }
            return state
        }
        let period = state == nil ? try await period(request, planID: planID, context: context) : nil
        let found = try await database.read { db -> [Report] in
            guard try await plans.plan(id: planID, on: db) != nil else { throw AppError.notFound("No plan has id \(planID).") }
            let reader = try await service.reader(for: user, planID: planID, on: db)
            if let state {
                return try await reports.reports(planID: planID, state: state, on: db).filter { ReportPolicy.canRead($0, by: reader) }
            }
            return try await reports.latest(planID: planID, period: period!, where: { ReportPolicy.canRead($0, by: reader) }, on: db)
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
        let detail = try await database.read { db -> APIReportDetail in
            guard let report = try await reports.report(id: id, on: db) else { throw AppError.notFound("No report has id \(id).") }
            let reader = try await service.reader(for: user, planID: report.planID, on: db)
            guard ReportPolicy.canRead(report, by: reader) else { throw AppError.notFound("No report has id \(id).") }
            let versions = try await reports.versions(itemID: report.itemID, unitID: report.unitID, period: report.period, on: db)
                .filter { ReportPolicy.canRead($0, by: reader) }
            let events = try await reports.events(reportIDs: [report.id], on: db)[report.id] ?? []
            let attachments = try await reports.attachments(reportIDs: [report.id], on: db)
            return APIReportDetail(
                report: APIReport(report), versions: versions.map(APIReport.init), events: events.map(APIEvent.init),
                attachments: attachments.map(APIAttachment.init))
        }
        return JSONBody(detail).response()
    }

    @Sendable func act(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let actionText = try context.parameters.require(SiteURL.Key.action)
        guard let action = ReportAction(rawValue: actionText), action == .submit || action == .return || action == .accept else {
            throw AppError.notFound("No action \(actionText); use submit, return or accept.")
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
            var current: APIReport
        }
        return JSONBody(ConflictProblem(current: APIReport(conflict.current)), status: .conflict, contentType: "application/problem+json").response()
    }

    // MARK: Overdue and reminders

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
        guard let period = Period(body.period), case .month = period else { throw AppError.invalidInput("period must be a month such as 2019-09.") }
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
            guard let plan = try await plans.plan(id: planID, on: db) else { throw AppError.notFound("No plan has id \(planID).") }
            let period: Period
            if let text = request.uri.queryParameters.get("period").map({ String($0) }) {
                guard let parsed = Period(text) else { throw AppError.invalidInput("period must be 2019-09, 2019-Q3, 2019-H1 or 2019; got \(text).") }
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

    // MARK: Documents

    @Sendable func listDocuments(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let documents = try await database.read { db in
            guard try await plans.plan(id: planID, on: db) != nil else { throw AppError.notFound("No plan has id \(planID).") }
            return try await DocumentStore().documents(planID: planID, on: db)
        }
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
        return JSONBody(try await database.read { try await admin.calendar(planID: planID, on: $0) }).response()
    }

    @Sendable func setCalendar(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let body = try await request.decode(as: AdminService.Calendar.self, context: context)
        return JSONBody(try await admin.setCalendar(planID: planID, body, by: context.auditActor, language: context.language)).response()
    }

    @Sendable func listUsers(_ request: Request, context: AppRequestContext) async throws -> Response {
        return JSONBody(try await database.read { try await UserStore().users(within: context.reach, on: $0) }.map(APIUser.init)).response()
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
        let units = try await database.read { db -> [APIUnitDetail] in
            let plan: Plan?
            if let requested {
                plan = try await plans.plan(id: requested, on: db)
                if plan == nil { throw AppError.notFound("No plan has id \(requested).") }
            } else {
                plan = try await plans.plans(within: context.reach, on: db).first
            }
            guard let plan else { return [] }
            let members = try await UnitStore().members(jurisdictionID: plan.jurisdictionID, on: db)
            return try await plans.units(jurisdictionID: plan.jurisdictionID, on: db).map {
                APIUnitDetail(id: $0.id, name: $0.name, kind: $0.kind.rawValue, jurisdictionId: $0.jurisdictionID, memberIds: members[$0.id] ?? [])
            }
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
        return JSONBody(try await database.read { try await TokenStore().tokens(userID: user.id, on: $0) }.map { APIToken($0) }).response()
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

/// Any JSON value built from dictionaries and arrays.
struct RawJSON: Encodable {
    var value: any Sendable

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch value {
        case let dictionary as [String: any Sendable]:
            try container.encode(dictionary.mapValues { RawJSON(value: $0) })
        case let array as [any Sendable]:
            try container.encode(array.map { RawJSON(value: $0) })
        case let string as String: try container.encode(string)
        case let bool as Bool: try container.encode(bool)
        case let int as Int: try container.encode(int)
        case let int as Int64: try container.encode(int)
        case let strings as [String]: try container.encode(strings)
        default: try container.encodeNil()
        }
    }
}
