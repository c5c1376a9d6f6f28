import Foundation
import MinshengCore

/// A notice in the API, with its colour today.
struct APINotice: Encodable {
    struct Escalation: Encodable {
        var on: CalendarDate
        var grade: NoticeGrade
    }

    var id: Int64
    var number: Int
    var itemNumber: Int
    var unitId: Int64
    var issuedGrade: NoticeGrade
    var grade: NoticeGrade
    var escalations: [Escalation]
    var reason: String
    var requirement: String
    var issuedOn: CalendarDate
    var due: CalendarDate
    var redOverdue: Bool
    @NullCoded var measures: String?
    @NullCoded var promisedOn: CalendarDate?
    @NullCoded var answeredOn: CalendarDate?
    @NullCoded var closedOn: CalendarDate?

    init(_ notice: SupervisionNotice, itemNumber: Int, standing: NoticeStanding) {
        id = notice.id
        number = notice.sequence
        self.itemNumber = itemNumber
        unitId = notice.unitID
        issuedGrade = notice.grade
        grade = standing.grade
        escalations = standing.escalations.map { Escalation(on: $0.on, grade: $0.grade) }
        reason = notice.reason
        requirement = notice.requirement
        issuedOn = notice.issuedOn
        due = standing.due
        redOverdue = standing.redOverdue
        measures = notice.measures
        promisedOn = notice.promisedOn
        answeredOn = notice.answeredOn
        closedOn = notice.closedOn
    }

    static let grades = APISchema.enumeration(NoticeGrade.allCases.map(\.rawValue))
    static let schema: APISchema = .record([
        ("id", .integer), ("number", .integer), ("itemNumber", .integer), ("unitId", .integer), ("issuedGrade", grades), ("grade", grades),
        ("escalations", .array(.record([("on", .string(format: "date")), ("grade", grades)]))), ("reason", .string()), ("requirement", .string()),
        ("issuedOn", .string(format: "date")), ("due", .string(format: "date")), ("redOverdue", .boolean), ("measures", .nullable(.string())),
        ("promisedOn", .nullable(.string(format: "date"))), ("answeredOn", .nullable(.string(format: "date"))),
        ("closedOn", .nullable(.string(format: "date"))),
    ])
}

/// A notice Minsheng proposes.
struct APINoticeProposal: Encodable {
    var itemNumber: Int
    var grade: NoticeGrade
    var reason: String

    static let schema: APISchema = .record([("itemNumber", .integer), ("grade", APINotice.grades), ("reason", .string())])
}

/// An inspection with the figures checked.
struct APIInspection: Encodable {
    struct Value: Encodable {
        var indicatorId: Int64
        @NullCoded var reported: String?
        var verified: String
        var discrepancy: Bool
    }

    var id: Int64
    @NullCoded var itemNumber: Int?
    @NullCoded var unitId: Int64?
    var inspectedOn: CalendarDate
    var place: String
    var mode: InspectionMode
    var state: Inspection.State
    var checked: String
    var findings: String
    var values: [Value]

    init(_ inspection: Inspection, itemNumber: Int?, rule: DiscrepancyRule) {
        id = inspection.id
        self.itemNumber = itemNumber
        unitId = inspection.unitID
        inspectedOn = inspection.inspectedOn
        place = inspection.place
        mode = inspection.mode
        state = inspection.state
        checked = inspection.checked
        findings = inspection.findings
        values = inspection.values.map {
            Value(
                indicatorId: $0.indicatorID, reported: $0.reported.map(DecimalText.format), verified: DecimalText.format($0.verified),
                discrepancy: rule.isDiscrepancy($0))
        }
    }

    static let schema: APISchema = .record([
        ("id", .integer), ("itemNumber", .nullable(.integer)), ("unitId", .nullable(.integer)), ("inspectedOn", .string(format: "date")),
        ("place", .string()),
        ("mode", .enumeration(InspectionMode.allCases.map(\.rawValue))), ("state", .enumeration(Inspection.State.allCases.map(\.rawValue))),
        ("checked", .string()), ("findings", .string()),
        (
            "values",
            .array(
                .record([
                    ("indicatorId", .integer), ("reported", .nullable(.string(format: "decimal"))), ("verified", .string(format: "decimal")),
                    ("discrepancy", .boolean),
                ]))
        ),
    ])
}

/// A rectification in the API.
struct APIRectification: Encodable {
    var id: Int64
    var inspectionId: Int64
    @NullCoded var itemNumber: Int?
    var unitId: Int64
    var requirement: String
    var due: CalendarDate
    var state: RectificationState
    @NullCoded var report: String?
    var overdue: Bool

    init(_ rectification: Rectification, itemNumber: Int?, today: CalendarDate) {
        id = rectification.id
        inspectionId = rectification.inspectionID
        self.itemNumber = itemNumber
        unitId = rectification.unitID
        requirement = rectification.requirement
        due = rectification.due
        state = rectification.state
        report = rectification.report
        overdue = rectification.isOverdue(today: today)
    }

    static let schema: APISchema = .record([
        ("id", .integer), ("inspectionId", .integer), ("itemNumber", .nullable(.integer)), ("unitId", .integer), ("requirement", .string()),
        ("due", .string(format: "date")), ("state", .enumeration(RectificationState.allCases.map(\.rawValue))), ("report", .nullable(.string())),
        ("overdue", .boolean),
    ])
}

/// Grounds of a case: what the evidence is and what it points at.
private let evidenceSchema: APISchema = .record([
    ("kind", .enumeration(["assessment", "notice", "inspection", "rectification"])), ("reference", .integer), ("text", .string()),
])

/// A case Minsheng proposes.
struct APICaseProposal: Encodable {
    var unitId: Int64
    @NullCoded var itemNumber: Int?
    var rule: AccountabilityRule
    var grounds: [Evidence]

    static let schema: APISchema = .record([
        ("unitId", .integer), ("itemNumber", .nullable(.integer)), ("rule", .enumeration(AccountabilityRule.allCases.map(\.rawValue))),
        ("grounds", .array(evidenceSchema)),
    ])
}

/// An accountability case in the API.
struct APICase: Encodable {
    var id: Int64
    var unitId: Int64
    @NullCoded var itemNumber: Int?
    var rule: AccountabilityRule
    var grounds: [Evidence]
    var openedOn: CalendarDate
    @NullCoded var decision: AccountabilityDecision?
    @NullCoded var decisionNote: String?
    @NullCoded var decidedOn: CalendarDate?

    init(_ entry: AccountabilityCase, itemNumber: Int?) {
        id = entry.id
        unitId = entry.unitID
        self.itemNumber = itemNumber
        rule = entry.rule
        grounds = entry.grounds
        openedOn = entry.openedOn
        decision = entry.decision
        decisionNote = entry.decisionNote
        decidedOn = entry.decidedOn
    }

    static let schema: APISchema = .record([
        ("id", .integer), ("unitId", .integer), ("itemNumber", .nullable(.integer)),
        ("rule", .enumeration(AccountabilityRule.allCases.map(\.rawValue))),
        ("grounds", .array(evidenceSchema)), ("openedOn", .string(format: "date")),
        ("decision", .nullable(.enumeration(AccountabilityDecision.allCases.map(\.rawValue)))), ("decisionNote", .nullable(.string())),
        ("decidedOn", .nullable(.string(format: "date"))),
    ])
}

/// A unit's score with its sheet.
struct APIScore: Encodable {
    struct Line: Encodable {
        var criterion: String
        var points: Decimal
        var maximum: Decimal
        var explanation: String
    }

    var rank: Int
    var unitId: Int64
    var unit: String
    var total: Decimal
    var lines: [Line]

    init(_ score: UnitScore) {
        rank = score.rank
        unitId = score.unitID
        unit = score.name
        total = score.total
        lines = score.lines.map { Line(criterion: $0.criterion, points: $0.points, maximum: $0.maximum, explanation: $0.explanation) }
    }

    static let schema: APISchema = .record([
        ("rank", .integer), ("unitId", .integer), ("unit", .string()), ("total", .number),
        ("lines", .array(.record([("criterion", .string()), ("points", .number), ("maximum", .number), ("explanation", .string())]))),
    ])
}

extension APIRequests {
    struct IssueNotice: Decodable {
        var itemNumber: Int
        var grade: NoticeGrade
        var reason: String
        var requirement: String?

        static let schema: APISchema = .object(
            [("itemNumber", .integer), ("grade", APINotice.grades), ("reason", .string()), ("requirement", .string())],
            required: ["itemNumber", "grade", "reason"])
    }

    struct AnswerNotice: Decodable {
        var measures: String
        var promisedOn: CalendarDate

        static let schema: APISchema = .record([("measures", .string()), ("promisedOn", .string(format: "date"))])
    }

    struct NewInspection: Decodable {
        struct Value: Decodable {
            var indicatorId: Int64
            var verified: String
        }

        var itemNumber: Int?
        var unitId: Int64?
        var inspectedOn: CalendarDate
        var place: String
        var mode: InspectionMode
        var checked: String
        var findings: String?
        var values: [Value]?
        var planned: Bool?

        static let schema: APISchema = .object(
            [
                ("itemNumber", .integer), ("unitId", .integer), ("inspectedOn", .string(format: "date")), ("place", .string()),
                ("mode", .enumeration(InspectionMode.allCases.map(\.rawValue))), ("checked", .string()), ("findings", .string()),
                ("values", .array(.record([("indicatorId", .integer), ("verified", .string(format: "decimal"))]))), ("planned", .boolean),
            ], required: ["inspectedOn", "place", "mode", "checked"])
    }

    struct NewRectification: Decodable {
        var unitId: Int64
        var requirement: String
        var due: CalendarDate

        static let schema: APISchema = .record([("unitId", .integer), ("requirement", .string()), ("due", .string(format: "date"))])
    }

    struct RectificationStep: Decodable {
        var text: String?

        static let schema: APISchema = .object([("text", .string())], required: [])
    }

    struct OpenCase: Decodable {
        var unitId: Int64
        var itemNumber: Int?
        var rule: AccountabilityRule

        static let schema: APISchema = .object(
            [("unitId", .integer), ("itemNumber", .integer), ("rule", .enumeration(AccountabilityRule.allCases.map(\.rawValue)))],
            required: ["unitId", "rule"])
    }

    struct Decide: Decodable {
        var decision: AccountabilityDecision
        var note: String

        static let schema: APISchema = .record([("decision", .enumeration(AccountabilityDecision.allCases.map(\.rawValue))), ("note", .string())])
    }

    static let supervisionSettingsSchema: APISchema = .record([
        (
            "notices",
            .record([("nearDays", .integer), ("blueResponseDays", .integer), ("yellowResponseDays", .integer), ("redResponseDays", .integer)])
        ),
        ("discrepancy", .record([("tolerance", .number)])),
        ("accountability", .record([("rules", .array(.enumeration(AccountabilityRule.allCases.map(\.rawValue)))), ("consecutiveMonths", .integer)])),
        (
            "scoring",
            .record([
                ("completion", .number), ("progress", .number), ("reporting", .number), ("satisfaction", .number), ("perDiscrepancy", .number),
                ("perOverdueRectification", .number), ("perRedNotice", .number), ("findingsCap", .number),
                ("decisions", .object(AccountabilityDecision.allCases.map { ($0.rawValue, APISchema.number) }, required: [])),
            ])
        ),
    ])
}
