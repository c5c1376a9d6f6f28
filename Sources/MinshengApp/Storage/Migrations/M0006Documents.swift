import SQLKit

/// Official documents (drafts and the issued archive) and each plan's document settings.
struct M0006Documents: Migration {
    let name = "0006_documents"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "documents")
            .column("id", type: .bigint, .primaryKey)
            .column("plan_id", type: .bigint, .notNull, .references("plans", "id", onDelete: .cascade))
            .column("kind", type: .text, .notNull)
            .column("period", type: .text, .notNull)
            .column("state", type: .text, .notNull)
            .column("sequence", type: .int)
            .column("number", type: .text)
            .column("content", type: .text, .notNull)
            .column("created_by", type: .bigint, .references("users", "id"))
            .column("created_at", type: .text, .notNull)
            .column("updated_at", type: .text, .notNull)
            .column("issued_by", type: .bigint, .references("users", "id"))
            .column("issued_at", type: .text)
            .unique("plan_id", "sequence")
            .run()

        try await db.create(table: "document_settings")
            .column("plan_id", type: .bigint, .primaryKey(autoIncrement: false), .references("plans", "id", onDelete: .cascade))
            .column("issuer", type: .text, .notNull)
            .column("addressee", type: .text, .notNull)
            .column("number_prefix", type: .text, .notNull)
            .column("requirements", type: .text, .notNull)
            .run()
    }
}
