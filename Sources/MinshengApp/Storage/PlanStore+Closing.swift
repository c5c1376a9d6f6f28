import Foundation
import MinshengCore
import SQLKit

/// A month the office closed, with who closed it and when.
struct MonthClosingRecord: Sendable, Hashable {
    var month: Int
    var closedBy: Int64?
    var closedAt: String
}

extension PlanStore {
    /// The plan's closed months and how months close themselves.
    func closing(planID: Int64, on db: any SQLDatabase) async throws -> MonthClosing {
        let row = try await db.select().column("auto_close_days").from("plans").where("id", .equal, planID).first()
        let autoClose = try row?.decode(column: "auto_close_days", as: Int?.self)
        let months = try await closingRecords(planID: planID, on: db).map(\.month)
        return MonthClosing(closedMonths: Set(months), autoCloseDays: autoClose)
    }

    /// The months the office closed, in order.
    func closingRecords(planID: Int64, on db: any SQLDatabase) async throws -> [MonthClosingRecord] {
        try await db.select().column("month").column("closed_by").column("closed_at").from("month_closings")
            .where("plan_id", .equal, planID).orderBy("month").all()
            .map { MonthClosingRecord(month: try $0.int("month"), closedBy: try $0.optionalInt64("closed_by"), closedAt: try $0.string("closed_at")) }
    }

    func closeMonth(planID: Int64, month: Int, by userID: Int64?, now: Date, on db: any SQLDatabase) async throws {
        try await db.insert(into: "month_closings").columns("plan_id", "month", "closed_by", "closed_at")
            .values(SQLBind(planID), SQLBind(month), SQLBind(userID), SQLBind(Timestamp.string(from: now))).run()
    }

    func reopenMonth(planID: Int64, month: Int, on db: any SQLDatabase) async throws {
        try await db.delete(from: "month_closings").where("plan_id", .equal, planID).where("month", .equal, month).run()
    }

    func setAutoCloseDays(planID: Int64, days: Int?, on db: any SQLDatabase) async throws {
        try await db.update("plans").set("auto_close_days", to: SQLBind(days)).where("id", .equal, planID).run()
    }
}
