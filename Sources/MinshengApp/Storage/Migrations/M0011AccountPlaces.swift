import SQLKit

/// Every account carries its jurisdiction explicitly: reporters stored before take their unit's. Import drafts
/// belong to the office that uploaded them, recorded by that office's jurisdiction (none: the instance-wide office).
/// A sign-in attempt is counted while its password is checked (`pending`), so that simultaneous attempts cannot
/// outrun the per-account limit.
struct M0011AccountPlaces: Migration {
    let name = "0011_account_places"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.raw(
            """
            UPDATE users SET jurisdiction_id = (SELECT u.jurisdiction_id FROM units u WHERE u.id = users.unit_id)
            WHERE role = 'reporter' AND unit_id IS NOT NULL
            """
        ).run()
        try await db.alter(table: "import_drafts").column("office_jurisdiction_id", type: .bigint, .references("jurisdictions", "id")).run()
        try await db.raw(
            """
            UPDATE import_drafts SET office_jurisdiction_id = (SELECT u.jurisdiction_id FROM users u WHERE u.id = import_drafts.user_id)
            """
        ).run()
        try await db.alter(table: "login_failures").column("pending", type: .custom(SQLRaw("BOOLEAN")), .notNull, .default(false)).run()
    }
}
