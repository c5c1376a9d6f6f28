import SQLKit

/// Assessment settings per plan, indicator schedules and weights, and the office's status overrides.
struct M0005Assessment: Migration {
    let name = "0005_assessment"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "assessment_settings")
            .column("plan_id", type: .bigint, .primaryKey(autoIncrement: false), .references("plans", "id", onDelete: .cascade))
            .column("yellow_threshold", type: .text, .notNull)
            .column("red_threshold", type: .text, .notNull)
            .column("ahead_threshold", type: .text, .notNull)
            .column("completion_month", type: .int, .notNull)
            .run()

        try await db.create(table: "indicator_schedules")
            .column("indicator_id", type: .bigint, .primaryKey(autoIncrement: false), .references("indicators", "id", onDelete: .cascade))
            .column("schedule", type: .text, .notNull)
            .run()

        try await db.create(table: "indicator_weights")
            .column("indicator_id", type: .bigint, .primaryKey(autoIncrement: false), .references("indicators", "id", onDelete: .cascade))
            .column("weight", type: .text, .notNull)
            .run()

        try await db.create(table: "status_overrides")
            .column("item_id", type: .bigint, .notNull, .references("items", "id", onDelete: .cascade))
            .column("period", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("reason", type: .text, .notNull)
            .column("created_by", type: .bigint, .references("users", "id"))
            .column("created_at", type: .text, .notNull)
            .primaryKey("item_id", "period")
            .run()
    }
}
