import SQLKit

/// A revision number per plan that database triggers advance whenever anything its computed views read changes
/// (reports and their values, items, indicators, assignments, schedules, weights, overrides, settings, inspections,
/// and the units of its jurisdiction). Caches of computed views key on it, so they stay correct whichever instance
/// made the change.
struct M0009PlanRevisions: Migration {
    let name = "0009_plan_revisions"

    /// Each watched table and how a row of it (`R` stands for NEW or OLD) names its plan.
    static let watched: [(table: String, plan: String)] = [
        ("reports", "R.plan_id"),
        ("report_values", "(SELECT plan_id FROM reports WHERE id = R.report_id)"),
        ("items", "R.plan_id"),
        ("indicators", "(SELECT plan_id FROM items WHERE id = R.item_id)"),
        ("assignments", "(SELECT plan_id FROM items WHERE id = R.item_id)"),
        ("status_overrides", "(SELECT plan_id FROM items WHERE id = R.item_id)"),
        (
            "indicator_schedules",
            "(SELECT items.plan_id FROM indicators JOIN items ON items.id = indicators.item_id WHERE indicators.id = R.indicator_id)"
        ),
        (
            "indicator_weights",
            "(SELECT items.plan_id FROM indicators JOIN items ON items.id = indicators.item_id WHERE indicators.id = R.indicator_id)"
        ),
        ("assessment_settings", "R.plan_id"),
        ("categories", "R.plan_id"),
        ("inspections", "R.plan_id"),
        ("inspection_values", "(SELECT plan_id FROM inspections WHERE id = R.inspection_id)"),
        ("supervision_settings", "R.plan_id"),
        ("units", "SELECT id FROM plans WHERE jurisdiction_id = R.jurisdiction_id"),
    ]

    func prepare(on db: any SQLDatabase) async throws {
        try await db.create(table: "plan_revisions")
            .column("plan_id", type: .bigint, .primaryKey(autoIncrement: false))
            .column("revision", type: .bigint, .notNull)
            .run()
        for (table, plan) in Self.watched { try await Self.watch(table: table, plan: plan, on: db) }
    }

    /// Creates the triggers that advance a plan's revision when a row of `table` changes; `plan` names the row's
    /// plan as in `watched`.
    static func watch(table: String, plan: String, on db: any SQLDatabase) async throws {
        // A plan expression names one plan; a SELECT (units) names every plan of the jurisdiction.
        let source = plan.hasPrefix("SELECT") ? "(\(plan))" : "(SELECT %@ AS id)"
        let bump =
            "INSERT INTO plan_revisions (plan_id, revision) SELECT id, 1 FROM \(source) AS changed WHERE id IS NOT NULL "
            + "ON CONFLICT (plan_id) DO UPDATE SET revision = plan_revisions.revision + 1"
        let expression = plan.hasPrefix("SELECT") ? "" : plan
        if db.dialect.name == "postgresql" {
            let function = """
                CREATE FUNCTION \(table)_plan_revision() RETURNS trigger AS $$
                BEGIN
                  IF TG_OP = 'DELETE' THEN
                    \(bump.replacingOccurrences(of: "%@", with: expression).replacingOccurrences(of: "R.", with: "OLD."));
                  ELSE
                    \(bump.replacingOccurrences(of: "%@", with: expression).replacingOccurrences(of: "R.", with: "NEW."));
                  END IF;
                  RETURN NULL;
                END $$ LANGUAGE plpgsql
                """
            try await db.raw(SQLQueryString(stringLiteral: function)).run()
            try await db.raw(
                SQLQueryString(
                    stringLiteral:
                        """
                        CREATE TRIGGER \(table)_plan_revision AFTER INSERT OR UPDATE OR DELETE ON \(table) FOR EACH ROW EXECUTE FUNCTION \
                        \(table)_plan_revision()
                        """
                )
            ).run()
        } else {
            for (event, row) in [("INSERT", "NEW."), ("UPDATE", "NEW."), ("DELETE", "OLD.")] {
                let statement = bump.replacingOccurrences(of: "%@", with: expression).replacingOccurrences(of: "R.", with: row)
                try await db.raw(
                    SQLQueryString(
                        stringLiteral:
                            "CREATE TRIGGER \(table)_plan_revision_\(event.lowercased()) AFTER \(event) ON \(table) BEGIN \(statement); END")
                ).run()
            }
        }
    }
}
