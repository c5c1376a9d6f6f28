import Foundation
import MinshengCore
import SQLKit

/// Stores an imported plan: a new plan, or a replacement for the plan of the same jurisdiction and year.
public struct PlanImportService: Sendable {
    /// What storing did.
    public struct Outcome: Sendable {
        public var plan: Plan
        public var replaced: Bool
    }

    let database: AppDatabase
    let plans = PlanStore()

    public init(database: AppDatabase) {
        self.database = database
    }

    /// Stores the draft in one transaction, linking its units to the jurisdiction's unit directory; `alongside` runs
    /// in the same transaction once the plan is stored.
    public func store(
        _ draft: PlanDraft, jurisdictionName: String? = nil, by actor: AuditActor,
        alongside: @escaping @Sendable (any SQLDatabase, Plan) async throws -> Void = { _, _ in }
    ) async throws -> Outcome {
        guard let name = jurisdictionName ?? draft.jurisdiction, !name.isEmpty else {
            throw AppError.invalidInput("方案没有写明行政区划，请填写（如 洛阳市）。The plan names no jurisdiction: give one (e.g. 洛阳市).")
        }
        guard let year = draft.year else {
            throw AppError.invalidInput("方案没有写明年度，请填写。The plan has no year: give one.")
        }
        return try await database.write { db in
            var jurisdiction = try await existingJurisdiction(named: name, on: db)
            if jurisdiction == nil {
                jurisdiction = try await plans.jurisdiction(named: name, level: .guess(fromName: name), on: db)
            }
            guard let jurisdiction else { throw AppError(.internalError, "The jurisdiction \(name) could not be stored.") }
            let outcome: Outcome
            if let existing = try await plans.plan(jurisdictionID: jurisdiction.id, year: year, on: db) {
                if try await ReportStore().hasReports(planID: existing.id, on: db) {
                    throw AppError.conflict("方案《\(existing.title)》已有报送数据，不能整体替换；请在导入核对页面逐项接受修改。The plan \(existing.title) has reports; accept changes item by item on the import review page.")
                }
                let before = try await plans.detail(planID: existing.id, on: db)?.asDraft()
                outcome = Outcome(plan: try await plans.replace(planID: existing.id, with: draft, on: db), replaced: true)
                try await AuditLog().record("plan.replace", entity: "plan", id: existing.id, before: before, after: draft, by: actor, on: db)
            } else {
                outcome = Outcome(plan: try await plans.insert(draft, jurisdiction: jurisdiction, on: db), replaced: false)
                try await AuditLog().record("plan.import", entity: "plan", id: outcome.plan.id, after: draft, by: actor, on: db)
            }
            try await alongside(db, outcome.plan)
            return outcome
        }
    }

    /// A jurisdiction of that name at any level.
    private func existingJurisdiction(named name: String, on db: any SQLDatabase) async throws -> Jurisdiction? {
        try await db.select().column("*").from("jurisdictions").where("name", .equal, name).orderBy("id").first()
            .map(PlanStore.jurisdiction)
    }
}
