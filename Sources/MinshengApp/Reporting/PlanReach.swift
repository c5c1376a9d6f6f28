import SQLKit

/// The plans a signed-in user may see and run, from their place in the jurisdiction tree.
///
/// Accounts without a jurisdiction serve the whole instance. An office, leader or inspector of a jurisdiction reads
/// the plans of that jurisdiction and of every jurisdiction below it (a province role sees every city and county);
/// an office runs only its own jurisdiction's plans. A reporter reads the plans of its unit's jurisdiction.
public struct PlanReach: Sendable, Equatable {
    /// The jurisdiction the account serves; nil for the whole instance.
    public var jurisdictionID: Int64?
    /// That jurisdiction and every one below it; nil for all.
    public var jurisdictions: Set<Int64>?
    /// Plans the user may read; nil for all.
    public var readablePlans: Set<Int64>?
    /// Plans whose office work (review, settings, documents, publishing, supervision) the user may do; nil for all.
    public var managedPlans: Set<Int64>?

    /// The reach of an account that serves the whole instance.
    public static let everything = PlanReach(jurisdictionID: nil, jurisdictions: nil, readablePlans: nil, managedPlans: nil)

    public var isEverything: Bool { jurisdictionID == nil }

    public func canRead(planID: Int64) -> Bool { readablePlans?.contains(planID) ?? true }
    public func canManage(planID: Int64) -> Bool { managedPlans?.contains(planID) ?? true }
    /// Whether a jurisdiction is the user's or below it.
    public func covers(jurisdictionID id: Int64) -> Bool { jurisdictions?.contains(id) ?? true }
    /// Whether the user's office runs a jurisdiction's own directory and accounts.
    public func runs(jurisdictionID id: Int64?) -> Bool { jurisdictionID == nil || jurisdictionID == id }

    /// The reach of a user: one query for scoped accounts, none for instance-wide ones.
    public static func of(_ user: User, on db: any SQLDatabase) async throws -> PlanReach {
        if user.role == .reporter {
            guard let unitID = user.unitID else { return PlanReach(jurisdictionID: -1, jurisdictions: [], readablePlans: [], managedPlans: []) }
            let rows = try await db.raw("""
                SELECT u.jurisdiction_id AS jurisdiction_id, p.id AS plan_id FROM units u
                LEFT JOIN plans p ON p.jurisdiction_id = u.jurisdiction_id WHERE u.id = \(bind: unitID)
                """).all()
            let jurisdiction = try rows.first?.int64("jurisdiction_id") ?? -1
            return PlanReach(
                jurisdictionID: jurisdiction, jurisdictions: [jurisdiction],
                readablePlans: Set(try rows.compactMap { try $0.optionalInt64("plan_id") }), managedPlans: []
            )
        }
        guard let anchor = user.jurisdictionID else { return .everything }
        let rows = try await db.raw("""
            WITH RECURSIVE subtree(id) AS (
                SELECT id FROM jurisdictions WHERE id = \(bind: anchor)
                UNION ALL SELECT j.id FROM jurisdictions j JOIN subtree s ON j.parent_id = s.id
            )
            SELECT s.id AS jurisdiction_id, p.id AS plan_id FROM subtree s LEFT JOIN plans p ON p.jurisdiction_id = s.id
            """).all()
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
