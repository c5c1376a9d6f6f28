import Foundation
import MinshengCore
import SQLKit

/// A step in a report's history.
struct ReportEvent: Sendable, Hashable, Codable {
    var action: String
    var state: ReportState
    var actorID: Int64?
    var actor: String?
    var at: String
    var reason: String?
}

/// A file attached to a report, stored outside the web root.
struct ReportAttachment: Sendable, Hashable, Codable {
    var id: Int64
    var reportID: Int64
    var fileName: String
    var contentType: String
    var size: Int64
    var sha256: String
    var storageKey: String
    var createdAt: String
}

/// Reads and writes reports, their values, history and attachments.
struct ReportStore: Sendable {

    /// The columns of `reports` in select order.
    private static func select(_ db: any SQLDatabase) -> SQLSelectBuilder {
        db.select().column("*").from("reports")
    }

    // MARK: Reading

    func report(id: Int64, on db: any SQLDatabase) async throws -> Report? {
        guard let row = try await Self.select(db).where("id", .equal, id).first() else { return nil }
        return try await withValues([try Self.report(row)], on: db).first
    }

    /// Every version of one unit's report on an item for a period, oldest first.
    func versions(itemID: Int64, unitID: Int64, period: Period, on db: any SQLDatabase) async throws -> [Report] {
        let rows = try await Self.select(db).where("item_id", .equal, itemID).where("unit_id", .equal, unitID)
            .where("period", .equal, period.description).orderBy("version").all()
        return try await withValues(try rows.map(Self.report), on: db)
    }

    /// The newest version of every report of a plan for a period, optionally of one unit or item.
    func latest(planID: Int64, period: Period, unitID: Int64? = nil, itemIDs: [Int64]? = nil, on db: any SQLDatabase) async throws -> [Report] {
        try await latest(planID: planID, period: period, unitID: unitID, itemIDs: itemIDs, where: { _ in true }, on: db)
    }

    /// The newest version that passes `visible` of every report of a plan for a period (a reader who may not see a
    /// unit's new draft sees the version before it).
    func latest(
        planID: Int64, period: Period, unitID: Int64? = nil, itemIDs: [Int64]? = nil, where visible: (Report) -> Bool, on db: any SQLDatabase
    ) async throws -> [Report] {
        var query = Self.select(db).where("plan_id", .equal, planID).where("period", .equal, period.description)
        if let unitID { query = query.where("unit_id", .equal, unitID) }
        if let itemIDs { query = query.where("item_id", .in, itemIDs) }
        let rows = try await query.all()
        let newest = ReportPolicy.newestVisible(try rows.map(Self.report), where: visible)
        return try await withValues(newest.sorted { ($0.itemID, $0.unitID) < ($1.itemID, $1.unitID) }, on: db)
    }

    /// Reports of a plan in a state (the review queue is `.submitted`), oldest submission first.
    func reports(planID: Int64, state: ReportState, on db: any SQLDatabase) async throws -> [Report] {
        let rows = try await Self.select(db).where("plan_id", .equal, planID).where("state", .equal, state.rawValue)
            .orderBy("submitted_at").orderBy("id").all()
        return try await withValues(try rows.map(Self.report), on: db)
    }

    /// A unit's reports of a plan waiting for it to revise them (returned), oldest month first.
    func returned(planID: Int64, unitID: Int64, on db: any SQLDatabase) async throws -> [Report] {
        let rows = try await Self.select(db).where("plan_id", .equal, planID).where("unit_id", .equal, unitID)
            .where("state", .equal, ReportState.returned.rawValue).orderBy("period").orderBy("item_id").all()
        return try rows.map(Self.report)
    }

    /// Whether a plan has any report at all.
    func hasReports(planID: Int64, on db: any SQLDatabase) async throws -> Bool {
        try await db.select().column("id").from("reports").where("plan_id", .equal, planID).limit(1).first() != nil
    }

    func events(reportIDs: [Int64], on db: any SQLDatabase) async throws -> [Int64: [ReportEvent]] {
        guard !reportIDs.isEmpty else { return [:] }
        let rows = try await db.select()
            .column(SQLColumn("report_id", table: "report_events")).column(SQLColumn("action", table: "report_events"))
            .column(SQLColumn("state", table: "report_events")).column(SQLColumn("actor_id", table: "report_events"))
            .column(SQLColumn("at", table: "report_events")).column(SQLColumn("reason", table: "report_events"))
            .column(SQLColumn("username", table: "users"))
            .from("report_events")
            .join("users", method: SQLJoinMethod.left, on: SQLColumn("actor_id", table: "report_events"), .equal, SQLColumn("id", table: "users"))
            .where(SQLColumn("report_id", table: "report_events"), .in, SQLBind.group(reportIDs))
            .orderBy(SQLColumn("id", table: "report_events")).all()
        var result: [Int64: [ReportEvent]] = [:]
        for row in rows {
            result[try row.int64("report_id"), default: []].append(
                ReportEvent(
                    action: try row.string("action"), state: try row.enumeration("state", as: ReportState.self),
                    actorID: try row.optionalInt64("actor_id"), actor: try row.optionalString("username"),
                    at: try row.string("at"), reason: try row.optionalString("reason")
                ))
        }
        return result
    }

    func withValues(_ reports: [Report], on db: any SQLDatabase) async throws -> [Report] {
        guard !reports.isEmpty else { return [] }
        var byReport: [Int64: [ReportValue]] = [:]
        for chunk in stride(from: 0, to: reports.count, by: 500) {
            let ids = reports[chunk..<min(chunk + 500, reports.count)].map(\.id)
            let rows = try await db.select().column("*").from("report_values").where("report_id", .in, ids)
                .orderBy("report_id").orderBy("indicator_id").all()
            for row in rows {
                byReport[try row.int64("report_id"), default: []].append(
                    ReportValue(
                        indicatorID: try row.int64("indicator_id"), value: try row.optionalDecimal("value"),
                        reachedOn: try row.optionalDate("reached_on")
                    ))
            }
        }
        return reports.map { report in
            var report = report
            report.values = byReport[report.id] ?? []
            return report
        }
    }

    static func report(_ row: any SQLRow) throws -> Report {
        let periodText = try row.string("period")
        guard let period = Period(periodText) else { throw AppError(.internalError, "Report has period \(periodText)") }
        return Report(
            id: try row.int64("id"), planID: try row.int64("plan_id"), itemID: try row.int64("item_id"),
            unitID: try row.int64("unit_id"), period: period, version: try row.int("version"),
            role: try row.enumeration("role", as: Assignment.Role.self), state: try row.enumeration("state", as: ReportState.self),
            progress: try row.string("progress"), problems: try row.string("problems"), nextSteps: try row.string("next_steps"),
            correctionReason: try row.optionalString("correction_reason"), returnReason: try row.optionalString("return_reason"),
            lockVersion: try row.int("lock_version"), createdAt: try row.string("created_at"), updatedAt: try row.string("updated_at"),
            submittedAt: try row.optionalString("submitted_at"), reviewedAt: try row.optionalString("reviewed_at")
        )
    }

    // MARK: Writing

    /// Starts a draft report for an obligation; fails with a conflict when one exists.
    func create(_ obligation: Obligation, planID: Int64, by userID: Int64?, now: String, on db: any SQLDatabase) async throws -> Report {
        let existing = try await db.select().column("id").from("reports").where("item_id", .equal, obligation.itemID)
            .where("unit_id", .equal, obligation.unitID).where("period", .equal, obligation.period.description).first()
        if existing != nil { throw AppError.conflict("A report for this item, unit and period already exists.") }
        let id = try await db.insert(into: "reports")
            .columns(
                "plan_id", "item_id", "unit_id", "period", "version", "role", "state", "progress", "problems", "next_steps",
                "lock_version", "created_by", "created_at", "updated_at"
            )
            .values(
                SQLBind(planID), SQLBind(obligation.itemID), SQLBind(obligation.unitID), SQLBind(obligation.period.description),
                SQLBind(1), SQLBind(obligation.role.rawValue), SQLBind(ReportState.draft.rawValue), SQLBind(""), SQLBind(""), SQLBind(""),
                SQLBind(1), SQLBind(userID), SQLBind(now), SQLBind(now)
            )
            .insertedID()
        try await event(reportID: id, action: "create", state: .draft, actorID: userID, reason: nil, at: now, on: db)
        guard let report = try await report(id: id, on: db) else { throw AppError(.internalError, "The new report could not be read back.") }
        return report
    }

    /// Saves a draft's values and narrative if nobody changed it since `expectedLock`; returns the saved report, or
    /// nil when the lock is stale (a conflicting edit).
    func save(
        _ id: Int64, expectedLock: Int, values: [ReportValue], progress: String, problems: String, nextSteps: String,
        now: String, on db: any SQLDatabase
    ) async throws -> Report? {
        let updated = try await db.update("reports")
            .set("progress", to: SQLBind(progress)).set("problems", to: SQLBind(problems)).set("next_steps", to: SQLBind(nextSteps))
            .set("updated_at", to: SQLBind(now)).set(
                "lock_version", to: SQLBinaryExpression(SQLColumn("lock_version"), .add, SQLLiteral.numeric("1"))
            )
            .where("id", .equal, id).where("lock_version", .equal, expectedLock)
            .returning("id").first()
        guard updated != nil else { return nil }
        try await replaceValues(reportID: id, values: values, on: db)
        return try await report(id: id, on: db)
    }

    /// Moves a report to `state` if nobody changed it since `expectedLock`; nil when the lock is stale.
    func transition(
        _ id: Int64, action: ReportAction, to state: ReportState, expectedLock: Int, reason: String?, actorID: Int64?,
        now: String, on db: any SQLDatabase
    ) async throws -> Report? {
        var update = db.update("reports").set("state", to: SQLBind(state.rawValue)).set("updated_at", to: SQLBind(now))
            .set("lock_version", to: SQLBinaryExpression(SQLColumn("lock_version"), .add, SQLLiteral.numeric("1")))
        switch action {
        case .submit: update = update.set("submitted_at", to: SQLBind(now))
        case .return:
            update = update.set("return_reason", to: SQLBind(reason)).set("reviewed_at", to: SQLBind(now)).set("reviewed_by", to: SQLBind(actorID))
        case .accept:
            update = update.set("reviewed_at", to: SQLBind(now)).set("reviewed_by", to: SQLBind(actorID))
        case .edit, .correct: break
        }
        let updated = try await update.where("id", .equal, id).where("lock_version", .equal, expectedLock).returning("id").first()
        guard updated != nil else { return nil }
        try await event(reportID: id, action: action.rawValue, state: state, actorID: actorID, reason: reason, at: now, on: db)
        return try await report(id: id, on: db)
    }

    /// Starts a new version of an accepted report, copying its values and narrative, with the reason for correcting it.
    func correct(_ accepted: Report, reason: String, actorID: Int64?, now: String, on db: any SQLDatabase) async throws -> Report {
        let newest = try await versions(itemID: accepted.itemID, unitID: accepted.unitID, period: accepted.period, on: db).last
        guard newest?.id == accepted.id else { throw AppError.conflict("A newer version of this report already exists.") }
        let id = try await db.insert(into: "reports")
            .columns(
                "plan_id", "item_id", "unit_id", "period", "version", "role", "state", "progress", "problems", "next_steps",
                "correction_reason", "lock_version", "created_by", "created_at", "updated_at"
            )
            .values(
                SQLBind(accepted.planID), SQLBind(accepted.itemID), SQLBind(accepted.unitID), SQLBind(accepted.period.description),
                SQLBind(accepted.version + 1), SQLBind(accepted.role.rawValue), SQLBind(ReportState.draft.rawValue),
                SQLBind(accepted.progress), SQLBind(accepted.problems), SQLBind(accepted.nextSteps), SQLBind(reason), SQLBind(1),
                SQLBind(actorID), SQLBind(now), SQLBind(now)
            )
            .insertedID()
        try await replaceValues(reportID: id, values: accepted.values, on: db)
        try await event(reportID: id, action: ReportAction.correct.rawValue, state: .draft, actorID: actorID, reason: reason, at: now, on: db)
        guard let report = try await report(id: id, on: db) else { throw AppError(.internalError, "The correction could not be read back.") }
        return report
    }

    private func replaceValues(reportID: Int64, values: [ReportValue], on db: any SQLDatabase) async throws {
        try await db.delete(from: "report_values").where("report_id", .equal, reportID).run()
        let stored = values.filter { $0.value != nil || $0.reachedOn != nil }
        guard !stored.isEmpty else { return }
        var insert = db.insert(into: "report_values").columns("report_id", "indicator_id", "value", "reached_on")
        for value in stored {
            insert = insert.values(
                SQLBind(reportID), SQLBind(value.indicatorID), SQLBind(value.value.map(DecimalText.format)), SQLBind(value.reachedOn?.iso))
        }
        try await insert.run()
    }

    private func event(reportID: Int64, action: String, state: ReportState, actorID: Int64?, reason: String?, at: String, on db: any SQLDatabase)
        async throws
    {
        try await db.insert(into: "report_events")
            .columns("report_id", "action", "state", "actor_id", "at", "reason")
            .values(SQLBind(reportID), SQLBind(action), SQLBind(state.rawValue), SQLBind(actorID), SQLBind(at), SQLBind(reason))
            .run()
    }

    // MARK: Attachments

    func addAttachment(_ attachment: ReportAttachment, by userID: Int64?, on db: any SQLDatabase) async throws -> ReportAttachment {
        var stored = attachment
        stored.id = try await db.insert(into: "report_attachments")
            .columns("report_id", "file_name", "content_type", "size", "sha256", "storage_key", "created_by", "created_at")
            .values(
                SQLBind(attachment.reportID), SQLBind(attachment.fileName), SQLBind(attachment.contentType), SQLBind(attachment.size),
                SQLBind(attachment.sha256), SQLBind(attachment.storageKey), SQLBind(userID), SQLBind(attachment.createdAt)
            )
            .insertedID()
        return stored
    }

    func attachments(reportIDs: [Int64], on db: any SQLDatabase) async throws -> [ReportAttachment] {
        guard !reportIDs.isEmpty else { return [] }
        return try await db.select().column("*").from("report_attachments").where("report_id", .in, reportIDs).orderBy("id").all().map(
            Self.attachment)
    }

    func attachment(id: Int64, on db: any SQLDatabase) async throws -> ReportAttachment? {
        try await db.select().column("*").from("report_attachments").where("id", .equal, id).first().map(Self.attachment)
    }

    static func attachment(_ row: any SQLRow) throws -> ReportAttachment {
        ReportAttachment(
            id: try row.int64("id"), reportID: try row.int64("report_id"), fileName: try row.string("file_name"),
            contentType: try row.string("content_type"), size: try row.int64("size"), sha256: try row.string("sha256"),
            storageKey: try row.string("storage_key"), createdAt: try row.string("created_at")
        )
    }
}

extension ReportStore {
    /// The newest version that passes `visible` of every report on an item, newest month first.
    func latestForItem(itemID: Int64, where visible: (Report) -> Bool, on db: any SQLDatabase) async throws -> [Report] {
        let rows = try await db.select().column("*").from("reports").where("item_id", .equal, itemID).all()
        let newest = ReportPolicy.newestVisible(try rows.map(Self.report), where: visible)
        return try await withValues(newest.sorted { ($1.period, $0.unitID) < ($0.period, $1.unitID) }, on: db)
    }
}
