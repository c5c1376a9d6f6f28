import SQLKit

/// What the plan gate reads: the plan a record belongs to, the jurisdiction of a unit or of an account.
struct GateStore: Sendable {
    /// How a record's plan is found.
    enum RecordPlan: Sendable {
        /// The record's own `plan_id` column.
        case ownColumn
        /// An attachment's report's plan.
        case attachment
        /// A public message's publication's plan.
        case publicMessage
        /// A supervision file's inspection's or rectification's plan.
        case supervisionFile
    }

    /// The plan of the record `id` of `table`, or nil when there is no such record.
    func planID(of record: RecordPlan, table: String, id: Int64, on db: any SQLDatabase) async throws -> Int64? {
        let query: SQLQueryString
        switch record {
        case .ownColumn:
            query = "SELECT plan_id FROM \(ident: table) WHERE id = \(bind: id)"
        case .attachment:
            query = "SELECT r.plan_id AS plan_id FROM report_attachments a JOIN reports r ON r.id = a.report_id WHERE a.id = \(bind: id)"
        case .publicMessage:
            query = "SELECT p.plan_id AS plan_id FROM public_messages m JOIN publications p ON p.id = m.publication_id WHERE m.id = \(bind: id)"
        case .supervisionFile:
            query = """
                SELECT COALESCE(i.plan_id, r.plan_id) AS plan_id FROM supervision_files f
                LEFT JOIN inspections i ON f.owner = 'inspection' AND i.id = f.owner_id
                LEFT JOIN rectifications r ON f.owner = 'rectification' AND r.id = f.owner_id WHERE f.id = \(bind: id)
                """
        }
        return try await db.raw(query).first()?.int64("plan_id")
    }

    /// The jurisdiction of unit `id`, or nil when there is no such unit.
    func unitJurisdiction(id: Int64, on db: any SQLDatabase) async throws -> Int64? {
        try await db.select().column("jurisdiction_id").from("units").where("id", .equal, id).first()?.int64("jurisdiction_id")
    }

    /// Whether account `id` exists, and its jurisdiction (its own, or its unit's).
    func userJurisdiction(id: Int64, on db: any SQLDatabase) async throws -> (exists: Bool, jurisdictionID: Int64?) {
        let row = try await db.raw(
            """
            SELECT u.id AS id, COALESCE(u.jurisdiction_id, n.jurisdiction_id) AS jurisdiction_id FROM users u
            LEFT JOIN units n ON n.id = u.unit_id WHERE u.id = \(bind: id)
            """
        ).first()
        guard let row else { return (false, nil) }
        return (true, try row.optionalInt64("jurisdiction_id"))
    }
}
