import SQLKit

/// The unit scores read notices, rectifications, accountability decisions and the public's ratings too: changes to
/// them advance the plan's revision as well, so that the scores can be kept per revision like the assessment.
struct M0014ScoreRevisions: Migration {
    let name = "0014_score_revisions"

    static let watched: [(table: String, plan: String)] = [
        ("supervision_notices", "R.plan_id"),
        ("rectifications", "R.plan_id"),
        ("accountability_cases", "R.plan_id"),
        ("publications", "R.plan_id"),
        ("ratings", "(SELECT plan_id FROM publications WHERE id = R.publication_id)"),
    ]

    func prepare(on db: any SQLDatabase) async throws {
        for (table, plan) in Self.watched { try await M0009PlanRevisions.watch(table: table, plan: plan, on: db) }
    }
}
