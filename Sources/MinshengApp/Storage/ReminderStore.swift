import Foundation
import MinshengCore
import SQLKit

/// A message in a unit's inbox: a reminder (催报) from the office, or a report returned for revision, whose message
/// is the reviewer's reason.
struct Reminder: Sendable, Hashable, Codable {
    /// What the message is about.
    enum Kind: String, Sendable, Hashable, Codable {
        case reminder
        case returned
    }

    var id: Int64
    var planID: Int64
    var unitID: Int64
    var period: Period
    var message: String
    var createdAt: String
    var readAt: String?
    var webhookStatus: String?
    var kind: Kind = .reminder
    /// The item of a returned report.
    var itemID: Int64?
}

struct ReminderStore: Sendable {

    func insert(planID: Int64, unitID: Int64, period: Period, message: String, by userID: Int64?, now date: Date, on db: any SQLDatabase)
        async throws -> Reminder
    {
        let now = Timestamp.string(from: date)
        let id = try await db.insert(into: "reminders")
            .columns("plan_id", "unit_id", "period", "message", "created_by", "created_at")
            .values(SQLBind(planID), SQLBind(unitID), SQLBind(period.description), SQLBind(message), SQLBind(userID), SQLBind(now))
            .insertedID()
        return Reminder(id: id, planID: planID, unitID: unitID, period: period, message: message, createdAt: now)
    }

    /// Tells a unit that its report on an item was returned, with the reviewer's reason.
    func insertReturn(report: Report, reason: String, by userID: Int64?, now date: Date, on db: any SQLDatabase) async throws -> Reminder {
        let now = Timestamp.string(from: date)
        let id = try await db.insert(into: "reminders")
            .columns("plan_id", "unit_id", "period", "message", "created_by", "created_at", "kind", "item_id")
            .values(
                SQLBind(report.planID), SQLBind(report.unitID), SQLBind(report.period.description), SQLBind(reason), SQLBind(userID),
                SQLBind(now), SQLBind(Reminder.Kind.returned.rawValue), SQLBind(report.itemID)
            )
            .insertedID()
        return Reminder(
            id: id, planID: report.planID, unitID: report.unitID, period: report.period, message: reason, createdAt: now, kind: .returned,
            itemID: report.itemID)
    }

    /// How many messages of a unit are unread.
    func unreadCount(unitID: Int64, on db: any SQLDatabase) async throws -> Int {
        let row = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("reminders")
            .where("unit_id", .equal, unitID).where("read_at", .is, SQLLiteral.null).first()
        return try row?.int("n") ?? 0
    }

    func reminders(unitID: Int64, on db: any SQLDatabase) async throws -> [Reminder] {
        try await db.select().column("*").from("reminders").where("unit_id", .equal, unitID).orderBy("id", .descending).limit(100).all().map(
            Self.reminder)
    }

    func reminders(planID: Int64, period: Period, on db: any SQLDatabase) async throws -> [Reminder] {
        try await db.select().column("*").from("reminders").where("plan_id", .equal, planID).where("period", .equal, period.description)
            .orderBy("id").all().map(Self.reminder)
    }

    func markRead(unitID: Int64, now: Date, on db: any SQLDatabase) async throws {
        try await db.update("reminders").set("read_at", to: SQLBind(Timestamp.string(from: now))).where("unit_id", .equal, unitID)
            .where("read_at", .is, SQLLiteral.null).run()
    }

    func setWebhookStatus(id: Int64, status: String, on db: any SQLDatabase) async throws {
        try await db.update("reminders").set("webhook_status", to: SQLBind(status)).where("id", .equal, id).run()
    }

    static func reminder(_ row: any SQLRow) throws -> Reminder {
        Reminder(
            id: try row.int64("id"), planID: try row.int64("plan_id"), unitID: try row.int64("unit_id"),
            period: Period(try row.string("period")) ?? .year(0), message: try row.string("message"),
            createdAt: try row.string("created_at"), readAt: try row.optionalString("read_at"),
            webhookStatus: try row.optionalString("webhook_status"),
            kind: Reminder.Kind(rawValue: try row.string("kind")) ?? .reminder, itemID: try row.optionalInt64("item_id")
        )
    }
}
