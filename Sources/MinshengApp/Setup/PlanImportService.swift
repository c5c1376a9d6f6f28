import Foundation
import MinshengCore
import SQLKit

/// Stores an imported plan: a new plan, or a replacement for the plan of the same jurisdiction and year.
struct PlanImportService: Sendable {
    /// What storing did.
    struct Outcome: Sendable {
        var plan: Plan
        var replaced: Bool
    }

    let database: AppDatabase
    let clock: @Sendable () -> Date
    let plans = PlanStore()

    init(database: AppDatabase, clock: @escaping @Sendable () -> Date) {
        self.database = database
        self.clock = clock
    }

    /// Stores the draft in one transaction, linking its units to the jurisdiction's unit directory; `alongside` runs
    /// in the same transaction once the plan is stored. `parentName` places the jurisdiction in the tree, under the
    /// jurisdiction of that name (created if missing).
    func store(
        _ draft: PlanDraft, jurisdictionName: String? = nil, parentName: String? = nil, by actor: AuditActor,
        alongside: @escaping @Sendable (any SQLDatabase, Plan) async throws -> Void = { _, _ in }
    ) async throws -> Outcome {
        guard let name = jurisdictionName ?? draft.jurisdiction, !name.isEmpty else {
            throw ImportRefusals.noJurisdiction
        }
        guard let year = draft.year else {
            throw ImportRefusals.noYear
        }
        return try await database.write { db in
            var parent: Jurisdiction?
            if let parentName, !parentName.isEmpty {
                parent = try await existingJurisdiction(named: parentName, on: db)
                if parent == nil { parent = try await plans.jurisdiction(named: parentName, level: .guess(fromName: parentName), on: db) }
            }
            var jurisdiction = try await existingJurisdiction(named: name, on: db)
            if jurisdiction == nil {
                jurisdiction = try await plans.jurisdiction(named: name, level: .guess(fromName: name), parentID: parent?.id, on: db)
            }
            guard var jurisdiction else { throw ImportRefusals.jurisdictionNotStored(name) }
            if let parent, jurisdiction.parentID != parent.id {
                try await place(&jurisdiction, under: parent, by: actor, on: db)
            }
            let outcome: Outcome
            if let existing = try await plans.plan(jurisdictionID: jurisdiction.id, year: year, on: db) {
                if try await ReportStore().hasReports(planID: existing.id, on: db) {
                    throw PlanRefusals.hasReports(existing.title)
                }
                let before = try await plans.detail(planID: existing.id, on: db)?.asDraft()
                outcome = Outcome(plan: try await plans.replace(planID: existing.id, with: draft, on: db), replaced: true)
                try await AuditLog(clock: clock).record(
                    "plan.replace", entity: "plan", id: existing.id, before: before, after: draft, by: actor, on: db)
            } else {
                outcome = Outcome(plan: try await plans.insert(draft, jurisdiction: jurisdiction, now: clock(), on: db), replaced: false)
                try await AuditLog(clock: clock).record("plan.import", entity: "plan", id: outcome.plan.id, after: draft, by: actor, on: db)
            }
            try await alongside(db, outcome.plan)
            return outcome
        }
    }

    /// Puts a jurisdiction that has no place in the tree yet under a parent, refusing to move one that has a place or
    /// to make a cycle.
    private func place(_ jurisdiction: inout Jurisdiction, under parent: Jurisdiction, by actor: AuditActor, on db: any SQLDatabase) async throws {
        if let current = jurisdiction.parentID, let currentParent = try await plans.jurisdiction(id: current, on: db) {
            throw PlanRefusals.alreadyUnder(jurisdiction.name, current: currentParent.name, requested: parent.name)
        }
        var cursor: Jurisdiction? = parent
        while let step = cursor {
            guard step.id != jurisdiction.id else {
                throw PlanRefusals.parentBelow(parent.name, jurisdiction.name)
            }
            cursor = try await step.parentID.asyncMap { try await plans.jurisdiction(id: $0, on: db) } ?? nil
        }
        try await db.update("jurisdictions").set("parent_id", to: parent.id).where("id", .equal, jurisdiction.id).run()
        try await AuditLog(clock: clock).record(
            "jurisdiction.place", entity: "jurisdiction", id: jurisdiction.id, after: ["parent": parent.name], by: actor, on: db)
        jurisdiction.parentID = parent.id
    }

    /// A jurisdiction of that name at any level.
    private func existingJurisdiction(named name: String, on db: any SQLDatabase) async throws -> Jurisdiction? {
        try await db.select().column("*").from("jurisdictions").where("name", .equal, name).orderBy("id").first()
            .map(PlanStore.jurisdiction)
    }
}
