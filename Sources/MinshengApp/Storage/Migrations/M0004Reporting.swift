import SQLKit

/// The reporting cycle: calendars, group members, reports with versions, values, history and attachments,
/// reminders, API tokens, login throttling, idempotent requests and the append-only audit log.
struct M0004Reporting: Migration {
    let name = "0004_reporting"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.alter(table: "plans").column("report_due_day", type: .int, .notNull, .default(25)).run()
        try await db.alter(table: "items").column("cadence", type: .text, .notNull, .default("monthly")).run()
        try await db.alter(table: "users").column("disabled", type: .custom(SQLRaw("BOOLEAN")), .notNull, .default(false)).run()

        try await db.create(table: "unit_members")
            .column("group_id", type: .bigint, .notNull, .references("units", "id", onDelete: .cascade))
            .column("member_id", type: .bigint, .notNull, .references("units", "id", onDelete: .cascade))
            .primaryKey("group_id", "member_id")
            .run()

        try await db.create(table: "reports")
            .column("id", type: .bigint, .primaryKey)
            .column("plan_id", type: .bigint, .notNull, .references("plans", "id", onDelete: .cascade))
            .column("item_id", type: .bigint, .notNull, .references("items", "id", onDelete: .cascade))
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("period", type: .text, .notNull)
            .column("version", type: .int, .notNull)
            .column("role", type: .text, .notNull)
            .column("state", type: .text, .notNull)
            .column("progress", type: .text, .notNull)
            .column("problems", type: .text, .notNull)
            .column("next_steps", type: .text, .notNull)
            .column("correction_reason", type: .text)
            .column("return_reason", type: .text)
            .column("lock_version", type: .int, .notNull)
            .column("created_by", type: .bigint, .references("users", "id"))
            .column("created_at", type: .text, .notNull)
            .column("updated_at", type: .text, .notNull)
            .column("submitted_at", type: .text)
            .column("reviewed_at", type: .text)
            .column("reviewed_by", type: .bigint, .references("users", "id"))
            .unique("item_id", "unit_id", "period", "version")
            .run()
        try await db.create(index: "reports_plan_period").on("reports").column("plan_id").column("period").run()
        try await db.create(index: "reports_unit_period").on("reports").column("unit_id").column("period").run()

        try await db.create(table: "report_values")
            .column("report_id", type: .bigint, .notNull, .references("reports", "id", onDelete: .cascade))
            .column("indicator_id", type: .bigint, .notNull, .references("indicators", "id", onDelete: .cascade))
            .column("value", type: .text)
            .column("reached_on", type: .text)
            .primaryKey("report_id", "indicator_id")
            .run()

        try await db.create(table: "report_events")
            .column("id", type: .bigint, .primaryKey)
            .column("report_id", type: .bigint, .notNull, .references("reports", "id", onDelete: .cascade))
            .column("action", type: .text, .notNull)
            .column("state", type: .text, .notNull)
            .column("actor_id", type: .bigint, .references("users", "id"))
            .column("at", type: .text, .notNull)
            .column("reason", type: .text)
            .run()
        try await db.create(index: "report_events_report").on("report_events").column("report_id").run()

        try await db.create(table: "report_attachments")
            .column("id", type: .bigint, .primaryKey)
            .column("report_id", type: .bigint, .notNull, .references("reports", "id", onDelete: .cascade))
            .column("file_name", type: .text, .notNull)
            .column("content_type", type: .text, .notNull)
            .column("size", type: .bigint, .notNull)
            .column("sha256", type: .text, .notNull)
            .column("storage_key", type: .text, .notNull)
            .column("created_by", type: .bigint, .references("users", "id"))
            .column("created_at", type: .text, .notNull)
            .run()

        try await db.create(table: "reminders")
            .column("id", type: .bigint, .primaryKey)
            .column("plan_id", type: .bigint, .notNull, .references("plans", "id", onDelete: .cascade))
            .column("unit_id", type: .bigint, .notNull, .references("units", "id"))
            .column("period", type: .text, .notNull)
            .column("message", type: .text, .notNull)
            .column("created_by", type: .bigint, .references("users", "id"))
            .column("created_at", type: .text, .notNull)
            .column("read_at", type: .text)
            .column("webhook_status", type: .text)
            .run()
        try await db.create(index: "reminders_unit").on("reminders").column("unit_id").run()

        try await db.create(table: "api_tokens")
            .column("id", type: .bigint, .primaryKey)
            .column("user_id", type: .bigint, .notNull, .references("users", "id", onDelete: .cascade))
            .column("name", type: .text, .notNull)
            .column("token_hash", type: .text, .notNull, .unique)
            .column("created_at", type: .text, .notNull)
            .column("last_used_at", type: .text)
            .column("revoked_at", type: .text)
            .run()

        try await db.create(table: "login_failures")
            .column("id", type: .bigint, .primaryKey)
            .column("username", type: .text, .notNull)
            .column("address", type: .text, .notNull)
            .column("at", type: .text, .notNull)
            .run()
        try await db.create(index: "login_failures_username").on("login_failures").column("username").column("at").run()
        try await db.create(index: "login_failures_address").on("login_failures").column("address").column("at").run()

        try await db.create(table: "idempotency_keys")
            .column("user_id", type: .bigint, .notNull, .references("users", "id", onDelete: .cascade))
            .column("key", type: .text, .notNull)
            .column("status", type: .int, .notNull)
            .column("location", type: .text)
            .column("body", type: .text)
            .column("created_at", type: .text, .notNull)
            .primaryKey("user_id", "key")
            .run()

        try await db.create(table: "audit_log")
            .column("id", type: .bigint, .primaryKey)
            .column("at", type: .text, .notNull)
            .column("actor_id", type: .bigint)
            .column("actor", type: .text, .notNull)
            .column("action", type: .text, .notNull)
            .column("entity", type: .text, .notNull)
            .column("entity_id", type: .text)
            .column("before", type: .text)
            .column("after", type: .text)
            .column("address", type: .text)
            .run()
        try await db.create(index: "audit_log_entity").on("audit_log").column("entity").column("entity_id").run()
        try await appendOnly(db)
    }

    /// Makes the audit log refuse updates and deletes in the database itself.
    private func appendOnly(_ db: any SQLDatabase) async throws {
        if db.dialect.name == "postgresql" {
            try await db.raw(
                """
                CREATE FUNCTION audit_log_append_only() RETURNS trigger AS $$
                BEGIN RAISE EXCEPTION 'the audit log is append-only'; END;
                $$ LANGUAGE plpgsql
                """
            ).run()
            try await db.raw(
                """
                CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
                FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()
                """
            ).run()
        } else {
            try await db.raw(
                "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
            ).run()
            try await db.raw(
                "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
            ).run()
        }
    }
}
