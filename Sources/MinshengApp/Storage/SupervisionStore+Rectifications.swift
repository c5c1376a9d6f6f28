import Foundation
import MinshengCore
import SQLKit

/// A rectification (整改) required by an inspection: what, by whom, by when, and where it stands.
struct Rectification: Sendable, Hashable {
    var id: Int64
    var planID: Int64
    var inspectionID: Int64
    var itemID: Int64?
    var unitID: Int64
    var requirement: String
    var due: CalendarDate
    var state: RectificationState
    var report: String?
    var updatedAt: String

    func isOverdue(today: CalendarDate) -> Bool {
        state.isPending && today > due
    }
}

/// One step of a rectification's history.
struct RectificationEvent: Sendable, Hashable {
    var action: String
    var state: RectificationState
    var note: String?
    var actorID: Int64?
    var at: String
}

/// Rectifications (整改) required by inspections, their state transitions and their history.
extension SupervisionStore {
    func insertRectification(_ rectification: Rectification, by userID: Int64?, at now: String, on db: any SQLDatabase) async throws
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

    func rectifications(planID: Int64, unitID: Int64? = nil, inspectionID: Int64? = nil, on db: any SQLDatabase) async throws
        -> [Rectification]
    {
        var query = db.select().column("*").from("rectifications").where("plan_id", .equal, planID)
        if let unitID { query = query.where("unit_id", .equal, unitID) }
        if let inspectionID { query = query.where("inspection_id", .equal, inspectionID) }
        return try await query.orderBy("due").orderBy("id").all().map(Self.rectification)
    }

    func rectification(id: Int64, on db: any SQLDatabase) async throws -> Rectification? {
        try await db.select().column("*").from("rectifications").where("id", .equal, id).first().map(Self.rectification)
    }

    /// Moves a rectification to a state if it is still in `from`; false when someone moved it first.
    func transition(
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

    func events(rectificationID: Int64, on db: any SQLDatabase) async throws -> [RectificationEvent] {
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
}
