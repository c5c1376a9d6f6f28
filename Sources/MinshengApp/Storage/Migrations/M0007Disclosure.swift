import SQLKit

/// Publications (公示) chained by hash and never changed, approved photos, satisfaction ratings, and the public's
/// objections, suggestions and questions with the office's answers.
struct M0007Disclosure: Migration {
    let name = "0007_disclosure"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "publications")
            .column("id", type: .bigint, .primaryKey)
            .column("plan_id", type: .bigint, .notNull, .references("plans", "id"))
            .column("sequence", type: .int, .notNull)
            .column("period", type: .text, .notNull)
            .column("published_on", type: .text, .notNull)
            .column("objections_until", type: .text)
            .column("content", type: .text, .notNull)
            .column("hash", type: .text, .notNull)
            .column("previous_hash", type: .text, .notNull)
            .column("created_by", type: .bigint, .references("users", "id"))
            .column("created_at", type: .text, .notNull)
            .unique("plan_id", "sequence")
            .run()
        try await AppendOnly.protect("publications", on: db)

        try await db.alter(table: "report_attachments").column("public", type: .custom(SQLRaw("BOOLEAN")), .notNull, .default(false)).run()

        try await db.create(table: "ratings")
            .column("id", type: .bigint, .primaryKey)
            .column("publication_id", type: .bigint, .notNull, .references("publications", "id"))
            .column("item_number", type: .int, .notNull)
            .column("verdict", type: .text, .notNull)
            .column("device_hash", type: .text, .notNull)
            .column("address_hash", type: .text, .notNull)
            .column("created_at", type: .text, .notNull)
            .unique("publication_id", "item_number", "device_hash")
            .run()
        try await db.create(index: "ratings_address").on("ratings").column("address_hash").column("created_at").run()

        try await db.create(table: "public_messages")
            .column("id", type: .bigint, .primaryKey)
            .column("publication_id", type: .bigint, .notNull, .references("publications", "id"))
            .column("item_number", type: .int, .notNull)
            .column("kind", type: .text, .notNull)
            .column("text", type: .text, .notNull)
            .column("fingerprint", type: .text, .notNull)
            .column("phone", type: .text)
            .column("address_hash", type: .text, .notNull)
            .column("state", type: .text, .notNull)
            .column("reply", type: .text)
            .column("replied_by", type: .bigint, .references("users", "id"))
            .column("replied_at", type: .text)
            .column("created_at", type: .text, .notNull)
            .run()
        try await db.create(index: "public_messages_fingerprint").on("public_messages").column("publication_id").column("fingerprint").run()
        try await db.create(index: "public_messages_address").on("public_messages").column("address_hash").column("created_at").run()
    }
}

/// Database triggers that refuse updates and deletes of a table's rows.
enum AppendOnly {
    static func protect(_ table: String, on db: any SQLDatabase) async throws {
        if db.dialect.name == "postgresql" {
            try await db.raw(
                SQLQueryString(
                    """
                    CREATE FUNCTION \(unsafeRaw: table)_append_only() RETURNS trigger AS $$
                    BEGIN RAISE EXCEPTION '\(unsafeRaw: table) rows are never changed'; END;
                    $$ LANGUAGE plpgsql
                    """)
            ).run()
            try await db.raw(
                SQLQueryString(
                    """
                    CREATE TRIGGER \(unsafeRaw: table)_append_only BEFORE UPDATE OR DELETE ON \(unsafeRaw: table) FOR EACH ROW EXECUTE FUNCTION \
                    \(unsafeRaw: table)_append_only()
                    """
                )
            ).run()
        } else {
            try await db.raw(
                SQLQueryString(
                    """
                    CREATE TRIGGER \(unsafeRaw: table)_no_update BEFORE UPDATE ON \(unsafeRaw: table) BEGIN SELECT RAISE(ABORT, \
                    '\(unsafeRaw: table) rows are never changed'); END
                    """
                )
            ).run()
            try await db.raw(
                SQLQueryString(
                    """
                    CREATE TRIGGER \(unsafeRaw: table)_no_delete BEFORE DELETE ON \(unsafeRaw: table) BEGIN SELECT RAISE(ABORT, \
                    '\(unsafeRaw: table) rows are never changed'); END
                    """
                )
            ).run()
        }
    }
}
