import SQLKit

/// Users scoped to a jurisdiction: an office, leader or inspector of a city sees that city's plans and those below
/// it. No jurisdiction means the whole instance.
struct M0010UserJurisdictions: Migration {
    let name = "0010_user_jurisdictions"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.alter(table: "users").column("jurisdiction_id", type: .bigint, .references("jurisdictions", "id")).run()
        try await db.create(index: "jurisdictions_parent").on("jurisdictions").column("parent_id").run()
    }
}
