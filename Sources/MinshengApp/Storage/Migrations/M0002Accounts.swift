import SQLKit

/// User accounts and instance settings.
struct M0002Accounts: Migration {
    let name = "0002_accounts"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "users")
            .column("id", type: .bigint, .primaryKey)
            .column("username", type: .text, .notNull, .unique)
            .column("password_hash", type: .text, .notNull)
            .column("role", type: .text, .notNull)
            .column("unit_id", type: .bigint, .references("units", "id"))
            .column("created_at", type: .text, .notNull)
            .run()

        try await db.create(table: "settings")
            .column("key", type: .text, .primaryKey(autoIncrement: false))
            .column("value", type: .text, .notNull)
            .run()
    }
}
