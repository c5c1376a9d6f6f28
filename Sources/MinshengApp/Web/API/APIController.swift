import Foundation
import Hummingbird
import MinshengCore

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
    var notifier: (any ReminderNotifier)? { services.notifier }

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
                        throw APIRefusals.integer(name, String(value))
                    }
                }
                return try await handler(request, context)
            }
        }
    }

    // MARK: The table of operations

    var endpoints: [APIEndpoint] {
        let planAPI = PlanAPIController(queries: services.plans)
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
                summary:
                    """
                    The newest version of every report of a month, or every report in a state; with unit, item, category, sort or \
                    page, the office's review queue filtered as on its page (50 to a page, X-Total-Count, X-Page and X-Pages headers)
                    """,
                query: [
                    ("period", .string(), false), ("state", .enumeration(ReportState.allCases.map(\.rawValue) + ["all"]), false),
                    ("unit", .integer, false), ("item", .integer, false), ("category", .integer, false),
                    ("sort", .enumeration(ReviewFilter.Sort.allCases.map(\.rawValue)), false), ("page", .integer, false),
                ],
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
