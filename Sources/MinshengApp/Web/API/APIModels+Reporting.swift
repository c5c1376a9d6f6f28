import Foundation
import MinshengCore

/// A report in the API.
struct APIReport: Encodable {
    var id: Int64
    var planId: Int64
    var itemId: Int64
    var unitId: Int64
    var period: Period
    var version: Int
    var role: Assignment.Role
    var state: ReportState
    var progress: String
    var problems: String
    var nextSteps: String
    @NullCoded var correctionReason: String?
    @NullCoded var returnReason: String?
    var lockVersion: Int
    var createdAt: String
    var updatedAt: String
    @NullCoded var submittedAt: String?
    @NullCoded var reviewedAt: String?
    var values: [ReportValue]

    init(_ report: Report) {
        id = report.id
        planId = report.planID
        itemId = report.itemID
        unitId = report.unitID
        period = report.period
        version = report.version
        role = report.role
        state = report.state
        progress = report.progress
        problems = report.problems
        nextSteps = report.nextSteps
        correctionReason = report.correctionReason
        returnReason = report.returnReason
        lockVersion = report.lockVersion
        createdAt = report.createdAt
        updatedAt = report.updatedAt
        submittedAt = report.submittedAt
        reviewedAt = report.reviewedAt
        values = report.values
    }

    static let schema: APISchema = .record([
        ("id", .integer), ("planId", .integer), ("itemId", .integer), ("unitId", .integer), ("period", .string()),
        ("version", .integer), ("role", .enumeration(["lead", "responsible"])), ("state", .enumeration(ReportState.allCases.map(\.rawValue))),
        ("progress", .string()), ("problems", .string()), ("nextSteps", .string()), ("correctionReason", .nullable(.string())),
        ("returnReason", .nullable(.string())), ("lockVersion", .integer), ("createdAt", .string()), ("updatedAt", .string()),
        ("submittedAt", .nullable(.string())), ("reviewedAt", .nullable(.string())), ("values", .array(.ref("ReportValue"))),
    ])

    static let valueSchema: APISchema = .object(
        [("indicatorId", .integer), ("value", .nullable(.string(format: "decimal"))), ("reachedOn", .nullable(.string(format: "date")))],
        required: ["indicatorId"]
    )
}

/// A report with its versions, history and attachments.
struct APIReportDetail: Encodable {
    var report: APIReport
    var versions: [APIReport]
    var events: [APIEvent]
    var attachments: [APIAttachment]

    static let schema: APISchema = .record([
        ("report", .ref("Report")), ("versions", .array(.ref("Report"))), ("events", .array(APIEvent.schema)),
        ("attachments", .array(.ref("Attachment"))),
    ])
}

/// A step in a report's history, in the API.
struct APIEvent: Encodable {
    var action: String
    var state: ReportState
    @NullCoded var actorId: Int64?
    @NullCoded var actor: String?
    var at: String
    @NullCoded var reason: String?

    init(_ event: ReportEvent) {
        action = event.action
        state = event.state
        actorId = event.actorID
        actor = event.actor
        at = event.at
        reason = event.reason
    }

    static let schema: APISchema = .record([
        ("action", .string()), ("state", .enumeration(ReportState.allCases.map(\.rawValue))), ("actorId", .nullable(.integer)),
        ("actor", .nullable(.string())), ("at", .string()), ("reason", .nullable(.string())),
    ])
}

struct APIAttachment: Encodable {
    var id: Int64
    var fileName: String
    var contentType: String
    var size: Int64
    var sha256: String
    var url: String

    init(_ attachment: ReportAttachment) {
        id = attachment.id
        fileName = attachment.fileName
        contentType = attachment.contentType
        size = attachment.size
        sha256 = attachment.sha256
        url = SiteURL.attachment(.value(attachment.id)).path
    }

    static let schema: APISchema = .record([
        ("id", .integer), ("fileName", .string()), ("contentType", .string()), ("size", .integer), ("sha256", .string()), ("url", .string()),
    ])
}

/// A report owed, in the API.
struct APITask: Encodable {
    var itemId: Int64
    var itemNumber: Int
    var unitId: Int64
    var role: Assignment.Role
    var period: Period
    var dueDate: CalendarDate
    var overdue: Bool
    var late: Bool
    @NullCoded var report: APIReport?

    init(_ task: ReportTask) {
        itemId = task.item.id
        itemNumber = task.item.number
        unitId = task.obligation.unitID
        role = task.obligation.role
        period = task.obligation.period
        dueDate = task.dueDate
        overdue = task.isOverdue
        late = task.wasLate
        report = task.report.map(APIReport.init)
    }

    static let schema: APISchema = .record([
        ("itemId", .integer), ("itemNumber", .integer), ("unitId", .integer), ("role", .enumeration(["lead", "responsible"])),
        ("period", .string()), ("dueDate", .string(format: "date")), ("overdue", .boolean), ("late", .boolean), ("report", .nullable(.ref("Report"))),
    ])
}

/// A user in the API: never the password hash.
struct APIUser: Encodable {
    var id: Int64
    var username: String
    var role: Role
    @NullCoded var unitId: Int64?
    var disabled: Bool

    init(_ user: User) {
        id = user.id
        username = user.username
        role = user.role
        unitId = user.unitID
        disabled = user.disabled
    }

    static let schema: APISchema = .record([
        ("id", .integer), ("username", .string()), ("role", .enumeration(Role.allCases.map(\.rawValue))), ("unitId", .nullable(.integer)),
        ("disabled", .boolean),
    ])
}

/// A unit with its members, in the API.
struct APIUnitDetail: Encodable {
    var id: Int64
    var name: String
    var kind: String
    var jurisdictionId: Int64
    var memberIds: [Int64]

    static let schema: APISchema = .record([
        ("id", .integer), ("name", .string()), ("kind", .enumeration(MinshengCore.Unit.Kind.allCases.map(\.rawValue))),
        ("jurisdictionId", .integer), ("memberIds", .array(.integer)),
    ])
}

struct APIReminder: Encodable {
    var id: Int64
    var planId: Int64
    var unitId: Int64
    var period: String
    var message: String
    var createdAt: String
    @NullCoded var readAt: String?
    @NullCoded var webhookStatus: String?

    init(_ reminder: Reminder) {
        id = reminder.id
        planId = reminder.planID
        unitId = reminder.unitID
        period = reminder.period.description
        message = reminder.message
        createdAt = reminder.createdAt
        readAt = reminder.readAt
        webhookStatus = reminder.webhookStatus
    }

    static let schema: APISchema = .record([
        ("id", .integer), ("planId", .integer), ("unitId", .integer), ("period", .string()), ("message", .string()), ("createdAt", .string()),
        ("readAt", .nullable(.string())), ("webhookStatus", .nullable(.string())),
    ])
}

struct APIToken: Encodable {
    var id: Int64
    var name: String
    var createdAt: String
    @NullCoded var revokedAt: String?
    /// The secret, only in the answer that creates the token (absent otherwise).
    var secret: String?

    init(_ token: PersonalToken, secret: String? = nil) {
        id = token.id
        name = token.name
        createdAt = token.createdAt
        revokedAt = token.revokedAt
        self.secret = secret
    }

    static let schema: APISchema = .object(
        [("id", .integer), ("name", .string()), ("createdAt", .string()), ("revokedAt", .nullable(.string())), ("secret", .string())],
        required: ["id", "name", "createdAt", "revokedAt"]
    )
}

struct APIAuditEntry: Encodable {
    var id: Int64
    var at: String
    @NullCoded var actorId: Int64?
    var actor: String
    var action: String
    var entity: String
    @NullCoded var entityId: String?
    @NullCoded var before: String?
    @NullCoded var after: String?
    @NullCoded var address: String?

    init(_ entry: AuditEntry) {
        id = entry.id
        at = entry.at
        actorId = entry.actorID
        actor = entry.actor
        action = entry.action
        entity = entry.entity
        entityId = entry.entityID
        before = entry.before
        after = entry.after
        address = entry.address
    }

    static let schema: APISchema = .record([
        ("id", .integer), ("at", .string()), ("actorId", .nullable(.integer)), ("actor", .string()), ("action", .string()), ("entity", .string()),
        ("entityId", .nullable(.string())), ("before", .nullable(.string())), ("after", .nullable(.string())), ("address", .nullable(.string())),
    ])
}

/// Bodies the API accepts.
enum APIRequests {
    struct SaveReport: Decodable {
        var lockVersion: Int?
        var values: [ReportValue]?
        var progress: String?
        var problems: String?
        var nextSteps: String?
        var submit: Bool?

        static let schema: APISchema = .object(
            [
                ("lockVersion", .nullable(.integer)), ("values", .array(.ref("ReportValue"))), ("progress", .string()), ("problems", .string()),
                ("nextSteps", .string()), ("submit", .boolean),
            ],
            required: []
        )
    }

    struct Action: Decodable {
        var lockVersion: Int
        var reason: String?

        static let schema: APISchema = .object([("lockVersion", .integer), ("reason", .string())], required: ["lockVersion"])
    }

    struct Correction: Decodable {
        var reason: String

        static let schema: APISchema = .record([("reason", .string())])
    }

    struct Remind: Decodable {
        var period: String
        var unitIds: [Int64]?
        var message: String?

        static let schema: APISchema = .object([("period", .string()), ("unitIds", .array(.integer)), ("message", .string())], required: ["period"])
    }

    struct Members: Decodable {
        var memberIds: [Int64]

        static let schema: APISchema = .record([("memberIds", .array(.integer))])
    }

    struct NewDocument: Decodable {
        var kind: String
        var period: String

        static let schema: APISchema = .record([("kind", .enumeration(OfficialDocument.Kind.allCases.map(\.rawValue))), ("period", .string())])
    }

    struct NewToken: Decodable {
        var name: String

        static let schema: APISchema = .record([("name", .string())])
    }

    static let calendarSchema: APISchema = .record([("dueDay", .integer), ("quarterlyItemIds", .array(.integer))])
}

/// A plan's assessment at a period, in the API.
struct APIAssessment: Encodable {
    var period: String
    var settings: Settings
    var items: [AssessmentEntry]

    init(period: String, settings: AssessmentSettings, items: [AssessmentEntry]) {
        self.period = period
        self.settings = Settings(
            yellowThreshold: DecimalText.format(settings.yellowThreshold), redThreshold: DecimalText.format(settings.redThreshold),
            aheadThreshold: DecimalText.format(settings.aheadThreshold), completionMonth: settings.completionMonth
        )
        self.items = items
    }

    struct Settings: Encodable {
        var yellowThreshold: String
        var redThreshold: String
        var aheadThreshold: String
        var completionMonth: Int
    }
}

/// A document in the archive list.
struct APIDocumentSummary: Encodable {
    var id: Int64
    var kind: OfficialDocument.Kind
    var period: Period
    var state: StoredDocument.State
    @NullCoded var number: String?
    var title: String

    init(_ stored: StoredDocument) {
        id = stored.id
        kind = stored.content.kind
        period = stored.content.period
        state = stored.state
        number = stored.content.number
        title = stored.content.title
    }

    static let schema: APISchema = .record([
        ("id", .integer), ("kind", .enumeration(OfficialDocument.Kind.allCases.map(\.rawValue))), ("period", .string()),
        ("state", .enumeration(["draft", "issued"])), ("number", .nullable(.string())), ("title", .string()),
    ])
}

/// A document with its full content (the same JSON as its download).
struct APIDocument: Encodable {
    var id: Int64
    var state: StoredDocument.State
    @NullCoded var issuedAt: String?
    var content: OfficialDocument

    init(_ stored: StoredDocument) {
        id = stored.id
        state = stored.state
        issuedAt = stored.issuedAt
        content = stored.content
    }

    static let schema: APISchema = .record([
        ("id", .integer), ("state", .enumeration(["draft", "issued"])), ("issuedAt", .nullable(.string())), ("content", .any),
    ])
}
