import MinshengCore
import SQLKit

extension PlanReach {
    /// The reach of a user: one query for scoped accounts, none for instance-wide ones.
    static func of(_ user: User, on db: any SQLDatabase) async throws -> PlanReach {
        if user.role == .reporter {
            guard let unitID = user.unitID else { return .nothing }
            let rows = try await db.raw(
                """
                SELECT u.jurisdiction_id AS jurisdiction_id, p.id AS plan_id FROM units u
                LEFT JOIN plans p ON p.jurisdiction_id = u.jurisdiction_id WHERE u.id = \(bind: unitID)
                """
            ).all()
            let jurisdiction = try rows.first?.int64("jurisdiction_id") ?? -1
            return PlanReach(
                jurisdictionID: jurisdiction, jurisdictions: [jurisdiction],
                readablePlans: Set(try rows.compactMap { try $0.optionalInt64("plan_id") }), managedPlans: []
            )
        }
        guard let anchor = user.jurisdictionID else { return .everything }
        let rows = try await db.raw(
            """
            WITH RECURSIVE subtree(id) AS (
                SELECT id FROM jurisdictions WHERE id = \(bind: anchor)
                UNION ALL SELECT j.id FROM jurisdictions j JOIN subtree s ON j.parent_id = s.id
            )
            SELECT s.id AS jurisdiction_id, p.id AS plan_id FROM subtree s LEFT JOIN plans p ON p.jurisdiction_id = s.id
            """
        ).all()
        var jurisdictions: Set<Int64> = [anchor]
        var readable: Set<Int64> = []
        var managed: Set<Int64> = []
        for row in rows {
            let jurisdiction = try row.int64("jurisdiction_id")
            jurisdictions.insert(jurisdiction)
            guard let plan = try row.optionalInt64("plan_id") else { continue }
            readable.insert(plan)
            if jurisdiction == anchor, user.role == .admin { managed.insert(plan) }
        }
        return PlanReach(jurisdictionID: anchor, jurisdictions: jurisdictions, readablePlans: readable, managedPlans: managed)
    }
}
