import SQLKit

/// Months closed for reporting: the office's closings per plan and the days after the due day at which a month closes
/// itself (null: never; the demo's plan, whose story stops in September). Inbox messages carry their kind (a reminder
/// or a returned report) and the item they are about, so that a returned report reaches the unit that must revise it.
struct M0012MonthClosing: Migration {
    let name = "0012_month_closing"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "month_closings")
            .column("plan_id", type: .bigint, .notNull, .references("plans", "id", onDelete: .cascade))
            .column("month", type: .int, .notNull)
            .column("closed_by", type: .bigint, .references("users", "id"))
            .column("closed_at", type: .text, .notNull)
            .primaryKey("plan_id", "month")
            .run()
        try await M0009PlanRevisions.watch(table: "month_closings", plan: "R.plan_id", on: db)
        try await db.alter(table: "plans").column("auto_close_days", type: .int, .default(10)).run()
        try await db.alter(table: "reminders").column("kind", type: .text, .notNull, .default("reminder")).run()
        try await db.alter(table: "reminders").column("item_id", type: .bigint, .references("items", "id", onDelete: .cascade)).run()
    }
}
