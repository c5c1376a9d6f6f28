import SQLKit

/// Login sessions and the plan imports awaiting a person's confirmation.
struct M0003SessionsAndImports: Migration {
    let name = "0003_sessions_and_imports"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "sessions")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("user_id", type: .bigint, .notNull, .references("users", "id", onDelete: .cascade))
            .column("csrf_token", type: .text, .notNull)
            .column("created_at", type: .text, .notNull)
            .column("expires_at", type: .text, .notNull)
            .run()
        try await db.create(index: "sessions_user").on("sessions").column("user_id").run()

        try await db.create(table: "import_drafts")
            .column("id", type: .bigint, .primaryKey)
            .column("user_id", type: .bigint, .notNull, .references("users", "id"))
            .column("file_name", type: .text, .notNull)
            .column("format", type: .text, .notNull)
            .column("draft", type: .text, .notNull)
            .column("created_at", type: .text, .notNull)
            .column("confirmed_plan_id", type: .bigint, .references("plans", "id", onDelete: .setNull))
            .column("confirmed_at", type: .text)
            .run()
    }
}
