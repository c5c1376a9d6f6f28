import Foundation
import MinshengCore

/// A report in the API.
struct APIReport: Encodable {
    var report: Report

    init(_ report: Report) {
        self.report = report
    }

    enum CodingKeys: String, CodingKey {
        case id, planId, itemId, unitId, period, version, role, state, progress, problems, nextSteps, correctionReason,
             returnReason, lockVersion, createdAt, updatedAt, submittedAt, reviewedAt, values
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(report.id, forKey: .id)
        try c.encode(report.planID, forKey: .planId)
        try c.encode(report.itemID, forKey: .itemId)
        try c.encode(report.unitID, forKey: .unitId)
        try c.encode(report.period, forKey: .period)
        try c.encode(report.version, forKey: .version)
        try c.encode(report.role, forKey: .role)
        try c.encode(report.state, forKey: .state)
        try c.encode(report.progress, forKey: .progress)
        try c.encode(report.problems, forKey: .problems)
        try c.encode(report.nextSteps, forKey: .nextSteps)
        try c.encode(report.correctionReason, forKey: .correctionReason)
        try c.encode(report.returnReason, forKey: .returnReason)
        try c.encode(report.lockVersion, forKey: .lockVersion)
        try c.encode(report.createdAt, forKey: .createdAt)
        try c.encode(report.updatedAt, forKey: .updatedAt)
        try c.encode(report.submittedAt, forKey: .submittedAt)
        try c.encode(report.reviewedAt, forKey: .reviewedAt)
        try c.encode(report.values, forKey: .values)
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
    var event: ReportEvent

    enum CodingKeys: String, CodingKey { case action, state, actorId, actor, at, reason }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(event.action, forKey: .action)
        try c.encode(event.state, forKey: .state)
        try c.encode(event.actorID, forKey: .actorId)
        try c.encode(event.actor, forKey: .actor)
        try c.encode(event.at, forKey: .at)
        try c.encode(event.reason, forKey: .reason)
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
    var report: APIReport?

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

    enum CodingKeys: String, CodingKey { case itemId, itemNumber, unitId, role, period, dueDate, overdue, late, report }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(itemId, forKey: .itemId)
        try c.encode(itemNumber, forKey: .itemNumber)
        try c.encode(unitId, forKey: .unitId)
        try c.encode(role, forKey: .role)
        try c.encode(period, forKey: .period)
        try c.encode(dueDate, forKey: .dueDate)
        try c.encode(overdue, forKey: .overdue)
        try c.encode(late, forKey: .late)
        try c.encode(report, forKey: .report)
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
    var unitId: Int64?
    var disabled: Bool

    init(_ user: User) {
        id = user.id
        username = user.username
        role = user.role
        unitId = user.unitID
        disabled = user.disabled
    }

    enum CodingKeys: String, CodingKey { case id, username, role, unitId, disabled }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(username, forKey: .username)
        try c.encode(role, forKey: .role)
        try c.encode(unitId, forKey: .unitId)
        try c.encode(disabled, forKey: .disabled)
    }

    static let schema: APISchema = .record([
        ("id", .integer), ("username", .string()), ("role", .enumeration(Role.allCases.map(\.rawValue))), ("unitId", .nullable(.integer)), ("disabled", .boolean),
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
    var readAt: String?
    var webhookStatus: String?

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

    enum CodingKeys: String, CodingKey { case id, planId, unitId, period, message, createdAt, readAt, webhookStatus }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(planId, forKey: .planId)
        try c.encode(unitId, forKey: .unitId)
        try c.encode(period, forKey: .period)
        try c.encode(message, forKey: .message)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(readAt, forKey: .readAt)
        try c.encode(webhookStatus, forKey: .webhookStatus)
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
    var revokedAt: String?
    /// The secret, only in the answer that creates the token.
    var secret: String?

    init(_ token: PersonalToken, secret: String? = nil) {
        id = token.id
        name = token.name
        createdAt = token.createdAt
        revokedAt = token.revokedAt
        self.secret = secret
    }

    enum CodingKeys: String, CodingKey { case id, name, createdAt, revokedAt, secret }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(name, forKey: .name)
        try c.encode(createdAt, forKey: .createdAt)
        try c.encode(revokedAt, forKey: .revokedAt)
        try c.encodeIfPresent(secret, forKey: .secret)
    }

    static let schema: APISchema = .object(
        [("id", .integer), ("name", .string()), ("createdAt", .string()), ("revokedAt", .nullable(.string())), ("secret", .string())],
        required: ["id", "name", "createdAt", "revokedAt"]
    )
}

struct APIAuditEntry: Encodable {
    var id: Int64
    var at: String
    var actorId: Int64?
    var actor: String
    var action: String
    var entity: String
    var entityId: String?
    var before: String?
    var after: String?
    var address: String?

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

    enum CodingKeys: String, CodingKey { case id, at, actorId, actor, action, entity, entityId, before, after, address }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(at, forKey: .at)
        try c.encode(actorId, forKey: .actorId)
        try c.encode(actor, forKey: .actor)
        try c.encode(action, forKey: .action)
        try c.encode(entity, forKey: .entity)
        try c.encode(entityId, forKey: .entityId)
        try c.encode(before, forKey: .before)
        try c.encode(after, forKey: .after)
        try c.encode(address, forKey: .address)
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
            [("lockVersion", .nullable(.integer)), ("values", .array(.ref("ReportValue"))), ("progress", .string()), ("problems", .string()),
             ("nextSteps", .string()), ("submit", .boolean)],
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

    struct NewToken: Decodable {
        var name: String

        static let schema: APISchema = .record([("name", .string())])
    }

    static let newUserSchema: APISchema = .object(
        [("username", .string()), ("role", .enumeration(Role.allCases.map(\.rawValue))), ("unitId", .nullable(.integer)), ("password", .string())],
        required: ["username", "role", "password"]
    )

    static let userChangeSchema: APISchema = .object(
        [("role", .enumeration(Role.allCases.map(\.rawValue))), ("unitId", .nullable(.integer)), ("disabled", .boolean), ("password", .string())],
        required: ["role", "disabled"]
    )

    static let calendarSchema: APISchema = .record([("dueDay", .integer), ("quarterlyItemIds", .array(.integer))])
}
