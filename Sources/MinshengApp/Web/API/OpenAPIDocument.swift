import MinshengCore

/// The OpenAPI 3 document of the JSON API, built from the same table of operations that registers the routes.
struct OpenAPIDocument {
    var endpoints: [APIEndpoint]

    /// Named schemas the operations refer to.
    static let components: [String: APISchema] = [
        "PlanSummary": .record([
            ("id", .integer), ("year", .integer), ("title", .string()), ("state", .string()), ("jurisdiction", .ref("Jurisdiction")),
            ("url", .string()),
        ]),
        "Jurisdiction": .record([("id", .integer), ("name", .string()), ("level", .string()), ("parentId", .nullable(.integer))]),
        "Plan": .record([
            ("id", .integer), ("year", .integer), ("title", .string()), ("state", .string()), ("jurisdiction", .ref("Jurisdiction")),
            ("issuers", .array(.string())), ("issuedOn", .nullable(.string(format: "date"))), ("documentNumber", .nullable(.string())),
            ("notice", .string()), ("preamble", .string()), ("currentPeriod", .string()), ("categories", .array(.ref("Category"))),
            ("units", .array(.ref("PlanUnit"))),
        ]),
        "Category": .record([("id", .integer), ("ordinal", .integer), ("name", .string()), ("items", .array(.ref("Item")))]),
        "Item": .record([
            ("id", .integer), ("number", .integer), ("title", .string()), ("text", .string()), ("deadline", .nullable(.string(format: "date"))),
            ("leadUnitIds", .array(.integer)), ("responsibleUnitIds", .array(.integer)), ("indicators", .array(.ref("Indicator"))),
        ]),
        "Indicator": .record([
            ("id", .integer), ("parentId", .nullable(.integer)), ("ordinal", .integer), ("name", .string()),
            ("target", .nullable(.string(format: "decimal"))),
            ("unit", .string()), ("comparator", .enumeration(["atLeast", "exactly", "atMost"])),
            ("kind", .enumeration(["cumulative", "rate", "milestone", "qualitative"])), ("provisional", .boolean),
            ("allocatedTo", .nullable(.string())),
            ("allocatedUnitId", .nullable(.integer)), ("deadline", .nullable(.string(format: "date"))), ("source", .string()),
        ]),
        "PlanUnit": .record([("id", .integer), ("name", .string()), ("kind", .string())]),
        "Report": APIReport.schema,
        "ReportValue": APIReport.valueSchema,
        "ReportDetail": APIReportDetail.schema,
        "Attachment": APIAttachment.schema,
        "Task": APITask.schema,
        "User": APIUser.schema,
        "Unit": APIUnitDetail.schema,
        "Reminder": APIReminder.schema,
        "Token": APIToken.schema,
        "AuditEntry": APIAuditEntry.schema,
        "Calendar": APIRequests.calendarSchema,
        "Assessment": .record([
            ("period", .string()),
            (
                "settings",
                .record([
                    ("yellowThreshold", .string(format: "decimal")), ("redThreshold", .string(format: "decimal")),
                    ("aheadThreshold", .string(format: "decimal")), ("completionMonth", .integer),
                ])
            ),
            (
                "items",
                .array(
                    .record([
                        ("number", .integer), ("title", .string()), ("status", .enumeration(ProgressStatus.allCases.map(\.rawValue))),
                        ("progress", .nullable(.number)), ("expected", .nullable(.number)),
                        ("forecast", .nullable(.number)), ("earlyWarning", .boolean), ("override", .nullable(.string())),
                    ]))
            ),
        ]),
        "DocumentSummary": APIDocumentSummary.schema,
        "Document": APIDocument.schema,
        "Publication": APIPublication.schema,
        "PublicMessage": APIPublicMessage.schema,
        "Notice": APINotice.schema,
        "NoticeProposal": APINoticeProposal.schema,
        "Inspection": APIInspection.schema,
        "Rectification": APIRectification.schema,
        "Case": APICase.schema,
        "CaseProposal": APICaseProposal.schema,
        "Score": APIScore.schema,
        "SupervisionSettings": APIRequests.supervisionSettingsSchema,
        "Empty": .object([], required: []),
        "Problem": .object(
            [
                ("type", .string()), ("title", .string()), ("status", .integer), ("detail", .string()), ("code", .string()),
                ("current", .ref("Report")),
            ],
            required: ["type", "title", "status", "detail", "code"]),
    ]

    var json: [String: any Sendable] {
        var paths: [String: [String: any Sendable]] = [:]
        for endpoint in endpoints {
            paths[endpoint.url.openAPIPath, default: [:]][endpoint.method.rawValue.lowercased()] = operation(endpoint)
        }
        return [
            "openapi": "3.0.3",
            "info": [
                "title": "Minsheng API", "version": "1",
                "description": "The JSON API of Minsheng (民生实事督办平台). Decimals are exact strings; dates are YYYY-MM-DD; periods are 2019-09.",
            ] as [String: any Sendable],
            "servers": [["url": "/"] as [String: any Sendable]],
            "paths": paths,
            "components": [
                "schemas": Self.components.mapValues { $0.json as any Sendable },
                "securitySchemes": [
                    "bearer": ["type": "http", "scheme": "bearer"] as [String: any Sendable],
                    "session": ["type": "apiKey", "in": "cookie", "name": AuthMiddleware.cookieName] as [String: any Sendable],
                ] as [String: any Sendable],
            ] as [String: any Sendable],
        ]
    }

    private func operation(_ endpoint: APIEndpoint) -> [String: any Sendable] {
        var parameters: [any Sendable] = endpoint.url.parameterNames.map { name in
            let isText = name == SiteURL.Key.period || name == SiteURL.Key.action
            return ["name": name, "in": "path", "required": true, "schema": (isText ? APISchema.string() : .integer).json] as [String: any Sendable]
        }
        parameters += endpoint.query.map {
            ["name": $0.name, "in": "query", "required": $0.required, "schema": $0.schema.json] as [String: any Sendable]
        }
        if endpoint.method != .get {
            parameters.append(
                ["name": "Idempotency-Key", "in": "header", "required": false, "schema": APISchema.string().json] as [String: any Sendable])
        }
        var responses: [String: any Sendable] = [
            String(endpoint.success): ["description": "Success", "content": ["application/json": ["schema": endpoint.response.json]]]
                as [String: any Sendable]
        ]
        var errors = endpoint.errors
        if !endpoint.isPublic { errors.append(401) }
        // A path parameter that does not parse (an integer beyond 64 bits, say) is a bad request.
        if !endpoint.url.parameterNames.isEmpty || !endpoint.integerQueryNames.isEmpty { errors.append(400) }
        // A body over the upload limit is refused before it is read.
        if endpoint.body != nil { errors.append(413) }
        for status in Set(errors).sorted() {
            responses[String(status)] =
                ["description": "Problem", "content": ["application/problem+json": ["schema": APISchema.ref("Problem").json]]]
                as [String: any Sendable]
        }
        var operation: [String: any Sendable] = [
            "operationId": endpoint.operationID, "summary": endpoint.summary, "parameters": parameters, "responses": responses,
        ]
        if let body = endpoint.body {
            operation["requestBody"] = ["required": true, "content": ["application/json": ["schema": body.json]]] as [String: any Sendable]
        }
        if !endpoint.isPublic {
            operation["security"] = [["bearer": [String]()] as [String: any Sendable], ["session": [String]()] as [String: any Sendable]]
        }
        return operation
    }
}
