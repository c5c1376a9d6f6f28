import Foundation
import MinshengCore
import SQLKit

/// A supervision notice (督办单) to one unit about one item, with the unit's answer.
public struct SupervisionNotice: Sendable, Hashable {
    public var id: Int64
    public var planID: Int64
    /// The notice's number within the plan; the notices to several units about one item share it.
    public var sequence: Int
    public var itemID: Int64
    public var unitID: Int64
    /// The colour it was issued with; its colour today comes from ``standing(today:rules:)``.
    public var grade: NoticeGrade
    public var reason: String
    public var requirement: String
    public var issuedOn: CalendarDate
    public var measures: String?
    public var promisedOn: CalendarDate?
    public var answeredOn: CalendarDate?
    public var closedOn: CalendarDate?

    public func standing(today: CalendarDate, rules: NoticeRules) -> NoticeStanding {
        NoticeStanding.evaluate(grade: grade, issuedOn: issuedOn, answeredOn: answeredOn, today: today, rules: rules)
    }
}

/// An inspection (抽查暗访): planned, then done with what was found and the figures checked.
public struct Inspection: Sendable, Hashable {
    /// Planned (on the inspectors' schedule, never shown to units) or done.
    public enum State: String, Sendable, Hashable, Codable, CaseIterable {
        case planned, done
    }

    public var id: Int64
    public var planID: Int64
    public var itemID: Int64?
    public var unitID: Int64?
    public var inspectedOn: CalendarDate
    public var place: String
    public var mode: InspectionMode
    public var state: State
    public var checked: String
    public var findings: String
    public var inspectorID: Int64?
    public var values: [CheckedValue]
}

/// A file kept with an inspection (photos) or a rectification (evidence).
public struct SupervisionFile: Sendable, Hashable {
    public enum Owner: String, Sendable, Hashable, Codable {
        case inspection, rectification
    }

    public var id: Int64
    public var owner: Owner
    public var ownerID: Int64
    public var fileName: String
    public var contentType: String
    public var size: Int64
    public var sha256: String
    public var storageKey: String
    public var createdAt: String
}

/// A rectification (整改) required by an inspection: what, by whom, by when, and where it stands.
public struct Rectification: Sendable, Hashable {
    public var id: Int64
    public var planID: Int64
    public var inspectionID: Int64
    public var itemID: Int64?
    public var unitID: Int64
    public var requirement: String
    public var due: CalendarDate
    public var state: RectificationState
    public var report: String?
    public var updatedAt: String

    public func isOverdue(today: CalendarDate) -> Bool {
        state.isPending && today > due
    }
}

/// One step of a rectification's history.
public struct RectificationEvent: Sendable, Hashable {
    public var action: String
    public var state: RectificationState
    public var note: String?
    public var actorID: Int64?
    public var at: String
}

/// An accountability case (问责): the unit, the item, the grounds with their evidence, and the office's decision.
public struct AccountabilityCase: Sendable, Hashable {
    public var id: Int64
    public var planID: Int64
    public var unitID: Int64
    public var itemID: Int64?
    public var rule: AccountabilityRule
    public var grounds: [Evidence]
    public var openedOn: CalendarDate
    public var decision: AccountabilityDecision?
    public var decisionNote: String?
    public var decidedOn: CalendarDate?

    public var key: AccountabilityProposer.Key { .init(unitID: unitID, itemID: itemID, rule: rule) }
}

/// Reads and writes supervision: settings, notices, inspections, files, rectifications and cases.
public struct SupervisionStore: Sendable {
    public init() {}

    // MARK: Settings

    public func settings(planID: Int64, on db: any SQLDatabase) async throws -> SupervisionSettings {
        guard let row = try await db.select().column("content").from("supervision_settings").where("plan_id", .equal, planID).first() else {
            return SupervisionSettings()
        }
        return try JSONDecoder().decode(SupervisionSettings.self, from: Data(try row.string("content").utf8))
    }

    public func setSettings(_ settings: SupervisionSettings, planID: Int64, on db: any SQLDatabase) async throws {
        let json = String(decoding: try JSONEncoder().encode(settings), as: UTF8.self)
        try await db.delete(from: "supervision_settings").where("plan_id", .equal, planID).run()
        try await db.insert(into: "supervision_settings").columns("plan_id", "content").values(SQLBind(planID), SQLBind(json)).run()
    }

    // MARK: Notices

    /// Issues one notice per unit under the plan's next number.
    public func issueNotices(
        planID: Int64, itemID: Int64, unitIDs: [Int64], grade: NoticeGrade, reason: String, requirement: String,
        issuedOn: CalendarDate, by userID: Int64?, at now: String, on db: any SQLDatabase
    ) async throws -> [SupervisionNotice] {
        let last = try await db.select().column(SQLFunction("MAX", args: SQLColumn("sequence")), as: "last").from("supervision_notices")
            .where("plan_id", .equal, planID).first()
        let sequence = (try last?.decode(column: "last", as: Int?.self) ?? 0) + 1
        var notices: [SupervisionNotice] = []
        for unitID in unitIDs {
            let id = try await db.insert(into: "supervision_notices")
                .columns("plan_id", "sequence", "item_id", "unit_id", "grade", "reason", "requirement", "issued_on", "issued_by", "created_at")
                .values(
                    SQLBind(planID), SQLBind(sequence), SQLBind(itemID), SQLBind(unitID), SQLBind(grade.rawValue), SQLBind(reason),
                    SQLBind(requirement),
                    SQLBind(issuedOn.iso), SQLBind(userID), SQLBind(now)
                )
                .insertedID()
            notices.append(
                SupervisionNotice(
                    id: id, planID: planID, sequence: sequence, itemID: itemID, unitID: unitID, grade: grade, reason: reason,
                    requirement: requirement, issuedOn: issuedOn))
        }
        return notices
    }

    public func notices(planID: Int64, unitID: Int64? = nil, itemID: Int64? = nil, on db: any SQLDatabase) async throws -> [SupervisionNotice] {
        var query = db.select().column("*").from("supervision_notices").where("plan_id", .equal, planID)
        if let unitID { query = query.where("unit_id", .equal, unitID) }
        if let itemID { query = query.where("item_id", .equal, itemID) }
        return try await query.orderBy("sequence", .descending).orderBy("id").all().map(Self.notice)
    }

    public func notice(id: Int64, on db: any SQLDatabase) async throws -> SupervisionNotice? {
        try await db.select().column("*").from("supervision_notices").where("id", .equal, id).first().map(Self.notice)
    }

    /// Records the unit's answer to an unanswered notice; false when it was answered already.
    public func answer(
        noticeID: Int64, measures: String, promisedOn: CalendarDate, answeredOn: CalendarDate, by userID: Int64, on db: any SQLDatabase
    ) async throws -> Bool {
        guard try await notice(id: noticeID, on: db)?.answeredOn == nil else { return false }
        try await db.update("supervision_notices").set("measures", to: SQLBind(measures)).set("promised_on", to: SQLBind(promisedOn.iso))
            .set("answered_on", to: SQLBind(answeredOn.iso)).set("answered_by", to: SQLBind(userID))
            .where("id", .equal, noticeID).where("answered_on", .is, SQLLiteral.null).run()
        return true
    }

    public func close(noticeID: Int64, on day: CalendarDate, on db: any SQLDatabase) async throws {
        try await db.update("supervision_notices").set("closed_on", to: SQLBind(day.iso)).where("id", .equal, noticeID).run()
    }

    static func notice(_ row: any SQLRow) throws -> SupervisionNotice {
        SupervisionNotice(
            id: try row.int64("id"), planID: try row.int64("plan_id"), sequence: try row.int("sequence"), itemID: try row.int64("item_id"),
            unitID: try row.int64("unit_id"), grade: try row.enumeration("grade", as: NoticeGrade.self), reason: try row.string("reason"),
            requirement: try row.string("requirement"), issuedOn: try Self.date(row, "issued_on"), measures: try row.optionalString("measures"),
            promisedOn: try row.optionalDate("promised_on"), answeredOn: try row.optionalDate("answered_on"),
            closedOn: try row.optionalDate("closed_on")
        )
    }

    static func date(_ row: any SQLRow, _ column: String) throws -> CalendarDate {
        guard let date = try row.optionalDate(column) else { throw AppError(.internalError, "\(column) is not a date.") }
        return date
    }

    // MARK: Inspections

    public func insertInspection(_ inspection: Inspection, at now: String, on db: any SQLDatabase) async throws -> Inspection {
        var stored = inspection
        stored.id = try await db.insert(into: "inspections")
            .columns("plan_id", "item_id", "unit_id", "inspected_on", "place", "mode", "state", "checked", "findings", "inspector_id", "created_at")
            .values(
                SQLBind(inspection.planID), SQLBind(inspection.itemID), SQLBind(inspection.unitID), SQLBind(inspection.inspectedOn.iso),
                SQLBind(inspection.place), SQLBind(inspection.mode.rawValue), SQLBind(inspection.state.rawValue), SQLBind(inspection.checked),
                SQLBind(inspection.findings), SQLBind(inspection.inspectorID), SQLBind(now)
            )
            .insertedID()
        try await insertValues(inspection.values, inspectionID: stored.id, on: db)
        return stored
    }

    /// Records the results of a planned inspection; false when it was done already.
    public func complete(
        inspectionID: Int64, on day: CalendarDate, findings: String, values: [CheckedValue], by userID: Int64?, on db: any SQLDatabase
    ) async throws -> Bool {
        guard try await inspection(id: inspectionID, on: db)?.state == .planned else { return false }
        try await db.update("inspections").set("state", to: SQLBind(Inspection.State.done.rawValue)).set("inspected_on", to: SQLBind(day.iso))
            .set("findings", to: SQLBind(findings)).set("inspector_id", to: SQLBind(userID))
            .where("id", .equal, inspectionID).where("state", .equal, Inspection.State.planned.rawValue).run()
        try await insertValues(values, inspectionID: inspectionID, on: db)
        return true
    }

    private func insertValues(_ values: [CheckedValue], inspectionID: Int64, on db: any SQLDatabase) async throws {
        guard !values.isEmpty else { return }
        var insert = db.insert(into: "inspection_values").columns("inspection_id", "indicator_id", "reported", "verified")
        for value in values {
            insert = insert.values(
                SQLBind(inspectionID), SQLBind(value.indicatorID), SQLBind(value.reported.map(DecimalText.format)),
                SQLBind(DecimalText.format(value.verified)))
        }
        try await insert.run()
    }

    public func inspections(planID: Int64, itemID: Int64? = nil, on db: any SQLDatabase) async throws -> [Inspection] {
        var query = db.select().column("*").from("inspections").where("plan_id", .equal, planID)
        if let itemID { query = query.where("item_id", .equal, itemID) }
        let rows = try await query.orderBy("inspected_on", .descending).orderBy("id", .descending).all()
        let ids = try rows.map { try $0.int64("id") }
        var values: [Int64: [CheckedValue]] = [:]
        if !ids.isEmpty {
            for row in try await db.select().column("*").from("inspection_values").where("inspection_id", .in, ids).orderBy("indicator_id").all() {
                guard let verified = try row.optionalDecimal("verified") else { continue }
                values[try row.int64("inspection_id"), default: []].append(
                    CheckedValue(indicatorID: try row.int64("indicator_id"), reported: try row.optionalDecimal("reported"), verified: verified)
                )
            }
        }
        return try rows.map { row in
            let id = try row.int64("id")
            return Inspection(
                id: id, planID: try row.int64("plan_id"), itemID: try row.optionalInt64("item_id"), unitID: try row.optionalInt64("unit_id"),
                inspectedOn: try Self.date(row, "inspected_on"), place: try row.string("place"),
                mode: try row.enumeration("mode", as: InspectionMode.self),
                state: try row.enumeration("state", as: Inspection.State.self), checked: try row.string("checked"),
                findings: try row.string("findings"), inspectorID: try row.optionalInt64("inspector_id"),
                values: values[id] ?? []
            )
        }
    }

    public func inspection(id: Int64, on db: any SQLDatabase) async throws -> Inspection? {
        guard let planID = try await db.select().column("plan_id").from("inspections").where("id", .equal, id).first()?.int64("plan_id") else {
            return nil
        }
        return try await inspections(planID: planID, on: db).first { $0.id == id }
    }

    // MARK: Files

    public func addFile(_ file: SupervisionFile, by userID: Int64?, on db: any SQLDatabase) async throws -> SupervisionFile {
        var stored = file
        stored.id = try await db.insert(into: "supervision_files")
            .columns("owner", "owner_id", "file_name", "content_type", "size", "sha256", "storage_key", "created_by", "created_at")
            .values(
                SQLBind(file.owner.rawValue), SQLBind(file.ownerID), SQLBind(file.fileName), SQLBind(file.contentType), SQLBind(file.size),
                SQLBind(file.sha256), SQLBind(file.storageKey), SQLBind(userID), SQLBind(file.createdAt)
            )
            .insertedID()
        return stored
    }

    public func files(owner: SupervisionFile.Owner, ownerIDs: [Int64], on db: any SQLDatabase) async throws -> [SupervisionFile] {
        guard !ownerIDs.isEmpty else { return [] }
        return try await db.select().column("*").from("supervision_files").where("owner", .equal, owner.rawValue).where("owner_id", .in, ownerIDs)
            .orderBy("id").all().map(Self.file)
    }

    public func file(id: Int64, on db: any SQLDatabase) async throws -> SupervisionFile? {
        try await db.select().column("*").from("supervision_files").where("id", .equal, id).first().map(Self.file)
    }

    static func file(_ row: any SQLRow) throws -> SupervisionFile {
        SupervisionFile(
            id: try row.int64("id"), owner: try row.enumeration("owner", as: SupervisionFile.Owner.self), ownerID: try row.int64("owner_id"),
            fileName: try row.string("file_name"), contentType: try row.string("content_type"), size: try row.int64("size"),
            sha256: try row.string("sha256"),
            storageKey: try row.string("storage_key"), createdAt: try row.string("created_at")
        )
    }

    // MARK: Rectifications

    public func insertRectification(_ rectification: Rectification, by userID: Int64?, at now: String, on db: any SQLDatabase) async throws
        -> Rectification
    {
        var stored = rectification
        stored.id = try await db.insert(into: "rectifications")
            .columns("plan_id", "inspection_id", "item_id", "unit_id", "requirement", "due", "state", "created_by", "created_at", "updated_at")
            .values(
                SQLBind(rectification.planID), SQLBind(rectification.inspectionID), SQLBind(rectification.itemID), SQLBind(rectification.unitID),
                SQLBind(rectification.requirement), SQLBind(rectification.due.iso), SQLBind(rectification.state.rawValue), SQLBind(userID),
                SQLBind(now), SQLBind(now)
            )
            .insertedID()
        stored.updatedAt = now
        try await event(
            rectificationID: stored.id, action: "require", state: stored.state, note: rectification.requirement, by: userID, at: now, on: db)
        return stored
    }

    public func rectifications(planID: Int64, unitID: Int64? = nil, inspectionID: Int64? = nil, on db: any SQLDatabase) async throws
        -> [Rectification]
    {
        var query = db.select().column("*").from("rectifications").where("plan_id", .equal, planID)
        if let unitID { query = query.where("unit_id", .equal, unitID) }
        if let inspectionID { query = query.where("inspection_id", .equal, inspectionID) }
        return try await query.orderBy("due").orderBy("id").all().map(Self.rectification)
    }

    public func rectification(id: Int64, on db: any SQLDatabase) async throws -> Rectification? {
        try await db.select().column("*").from("rectifications").where("id", .equal, id).first().map(Self.rectification)
    }

    /// Moves a rectification to a state if it is still in `from`; false when someone moved it first.
    public func transition(
        _ id: Int64, from: RectificationState, to: RectificationState, action: String, report: String?, note: String?, by userID: Int64?,
        at now: String, on db: any SQLDatabase
    ) async throws -> Bool {
        guard try await rectification(id: id, on: db)?.state == from else { return false }
        var update = db.update("rectifications").set("state", to: SQLBind(to.rawValue)).set("updated_at", to: SQLBind(now))
        if let report { update = update.set("report", to: SQLBind(report)) }
        try await update.where("id", .equal, id).where("state", .equal, from.rawValue).run()
        try await event(rectificationID: id, action: action, state: to, note: note ?? report, by: userID, at: now, on: db)
        return true
    }

    public func events(rectificationID: Int64, on db: any SQLDatabase) async throws -> [RectificationEvent] {
        try await db.select().column("*").from("rectification_events").where("rectification_id", .equal, rectificationID).orderBy("id").all().map {
            row in
            RectificationEvent(
                action: try row.string("action"), state: try row.enumeration("state", as: RectificationState.self),
                note: try row.optionalString("note"), actorID: try row.optionalInt64("actor_id"), at: try row.string("at"))
        }
    }

    private func event(
        rectificationID: Int64, action: String, state: RectificationState, note: String?, by userID: Int64?, at now: String,
        on db: any SQLDatabase
    ) async throws {
        try await db.insert(into: "rectification_events").columns("rectification_id", "action", "state", "note", "actor_id", "at")
            .values(SQLBind(rectificationID), SQLBind(action), SQLBind(state.rawValue), SQLBind(note), SQLBind(userID), SQLBind(now)).run()
    }

    static func rectification(_ row: any SQLRow) throws -> Rectification {
        Rectification(
            id: try row.int64("id"), planID: try row.int64("plan_id"), inspectionID: try row.int64("inspection_id"),
            itemID: try row.optionalInt64("item_id"),
            unitID: try row.int64("unit_id"), requirement: try row.string("requirement"), due: try Self.date(row, "due"),
            state: try row.enumeration("state", as: RectificationState.self), report: try row.optionalString("report"),
            updatedAt: try row.string("updated_at")
        )
    }

    // MARK: Accountability cases

    public func openCase(
        planID: Int64, unitID: Int64, itemID: Int64?, rule: AccountabilityRule, grounds: [Evidence], openedOn: CalendarDate,
        by userID: Int64?, at now: String, on db: any SQLDatabase
    ) async throws -> AccountabilityCase {
        let json = String(decoding: try JSONEncoder().encode(grounds), as: UTF8.self)
        let id = try await db.insert(into: "accountability_cases")
            .columns("plan_id", "unit_id", "item_id", "rule", "grounds", "opened_on", "opened_by", "created_at")
            .values(
                SQLBind(planID), SQLBind(unitID), SQLBind(itemID), SQLBind(rule.rawValue), SQLBind(json), SQLBind(openedOn.iso), SQLBind(userID),
                SQLBind(now)
            )
            .insertedID()
        return AccountabilityCase(id: id, planID: planID, unitID: unitID, itemID: itemID, rule: rule, grounds: grounds, openedOn: openedOn)
    }

    /// Records the decision of an open case; false when it was decided already.
    public func decide(caseID: Int64, decision: AccountabilityDecision, note: String, on day: CalendarDate, by userID: Int64, on db: any SQLDatabase)
        async throws -> Bool
    {
        guard let existing = try await accountabilityCase(id: caseID, on: db), existing.decision == nil else { return false }
        try await db.update("accountability_cases").set("decision", to: SQLBind(decision.rawValue)).set("decision_note", to: SQLBind(note))
            .set("decided_on", to: SQLBind(day.iso)).set("decided_by", to: SQLBind(userID))
            .where("id", .equal, caseID).where("decision", .is, SQLLiteral.null).run()
        return true
    }

    public func cases(planID: Int64, unitID: Int64? = nil, on db: any SQLDatabase) async throws -> [AccountabilityCase] {
        var query = db.select().column("*").from("accountability_cases").where("plan_id", .equal, planID)
        if let unitID { query = query.where("unit_id", .equal, unitID) }
        return try await query.orderBy("opened_on", .descending).orderBy("id", .descending).all().map(Self.accountabilityCase)
    }

    public func accountabilityCase(id: Int64, on db: any SQLDatabase) async throws -> AccountabilityCase? {
        try await db.select().column("*").from("accountability_cases").where("id", .equal, id).first().map(Self.accountabilityCase)
    }

    static func accountabilityCase(_ row: any SQLRow) throws -> AccountabilityCase {
        AccountabilityCase(
            id: try row.int64("id"), planID: try row.int64("plan_id"), unitID: try row.int64("unit_id"), itemID: try row.optionalInt64("item_id"),
            rule: try row.enumeration("rule", as: AccountabilityRule.self),
            grounds: try JSONDecoder().decode([Evidence].self, from: Data(try row.string("grounds").utf8)),
            openedOn: try Self.date(row, "opened_on"), decision: try row.optionalString("decision").flatMap(AccountabilityDecision.init(rawValue:)),
            decisionNote: try row.optionalString("decision_note"), decidedOn: try row.optionalDate("decided_on")
        )
    }
}
