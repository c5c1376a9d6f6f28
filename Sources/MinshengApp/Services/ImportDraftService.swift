import Foundation
import MinshengCore
import SQLKit

/// The office's plan import as use cases: keep an uploaded draft, correct it, and confirm it as a new plan or as
/// changes accepted into a plan that has reports. Each draft belongs to the office (jurisdiction) that uploaded it.
struct ImportDraftService: Sendable {
    let database: AppDatabase
    let clock: @Sendable () -> Date
    let imports: PlanImportService
    let drafts = ImportDraftStore()
    let plans = PlanStore()
    var audit: AuditLog { AuditLog(clock: clock) }

    /// Keeps what was understood of an uploaded file, for review.
    func keep(
        _ draft: PlanDraft, fileName: String, format: PlanImporter.Format, user: User, officeJurisdictionID: Int64?, by actor: AuditActor
    ) async throws -> Int64 {
        try await database.write { db in
            let id = try await drafts.insert(
                userID: user.id, officeJurisdictionID: officeJurisdictionID, fileName: fileName, format: format, draft: draft, now: clock(),
                on: db)
            try await audit.record(
                "import.upload", entity: "import", id: id, after: ["file": fileName, "format": format.rawValue], by: actor, on: db)
            return id
        }
    }

    /// An import draft the principal's office may open, or nil.
    func draft(id: Int64, for principal: Principal) async throws -> ImportDraft? {
        guard let importDraft = try await database.read({ try await drafts.importDraft(id: id, on: $0) }),
            ImportPolicy.canOpen(draftOf: importDraft.officeJurisdictionID, by: principal)
        else { return nil }
        return importDraft
    }

    /// Stores a corrected draft; `before` and `after` are what the audit entry records of the change.
    func update<Part: Encodable & Sendable>(_ importDraft: ImportDraft, to draft: PlanDraft, before: Part, after: Part, by actor: AuditActor)
        async throws
    {
        try await database.write { db in
            try await drafts.update(id: importDraft.id, draft: draft, on: db)
            try await audit.record("import.edit", entity: "import", id: importDraft.id, before: before, after: after, by: actor, on: db)
        }
    }

    /// The stored plan the draft would replace: the same jurisdiction and year.
    func existingPlan(_ importDraft: ImportDraft) async throws -> Plan? {
        try await database.read { db in
            guard let name = importDraft.draft.jurisdiction, let year = importDraft.draft.year,
                let jurisdiction = try await plans.jurisdiction(named: name, on: db)
            else { return nil }
            return try await plans.plan(jurisdictionID: jurisdiction.id, year: year, on: db)
        }
    }

    /// The stored plan beside the draft, with what changed and whether it has reports.
    func comparison(_ importDraft: ImportDraft) async throws -> (plan: Plan, diff: PlanDiff, hasReports: Bool)? {
        let plan = try await existingPlan(importDraft)
        return try await database.read { db in
            guard let plan, let detail = try await plans.detail(planID: plan.id, on: db) else { return nil }
            return (plan, PlanDiff(old: detail.asDraft(), new: importDraft.draft), try await ReportStore().hasReports(planID: plan.id, on: db))
        }
    }

    /// Whether a plan has reports (then an import only merges accepted changes into it).
    func hasReports(planID: Int64) async throws -> Bool {
        try await database.read { try await ReportStore().hasReports(planID: planID, on: $0) }
    }

    /// The name of a jurisdiction, or nil.
    func jurisdictionName(_ id: Int64) async throws -> String? {
        try await database.read { try await plans.jurisdiction(id: id, on: $0)?.name }
    }

    /// Stores the draft as a plan (new, or replacing one without reports) and marks the draft confirmed.
    func confirmAsPlan(_ importDraft: ImportDraft, by actor: AuditActor) async throws -> PlanImportService.Outcome {
        try await imports.store(importDraft.draft, by: actor) { db, plan in
            try await drafts.markConfirmed(id: importDraft.id, planID: plan.id, now: clock(), on: db)
            try await audit.record("import.confirm", entity: "import", id: importDraft.id, after: ["planId": plan.id], by: actor, on: db)
        }
    }

    /// Applies the ticked changes to a plan that has reports and marks the draft confirmed.
    func merge(_ importDraft: ImportDraft, into plan: Plan, accepting accepted: Set<Int>, planFields: Bool, by actor: AuditActor)
        async throws -> PlanMerge.Outcome
    {
        try await database.write { db in
            let before = try await plans.detail(planID: plan.id, on: db)?.asDraft()
            let outcome = try await PlanMerge().apply(importDraft.draft, to: plan.id, accepting: accepted, planFields: planFields, on: db)
            let after = try await plans.detail(planID: plan.id, on: db)?.asDraft()
            try await audit.record("plan.merge", entity: "plan", id: plan.id, before: before, after: after, by: actor, on: db)
            try await drafts.markConfirmed(id: importDraft.id, planID: plan.id, now: clock(), on: db)
            try await audit.record(
                "import.confirm", entity: "import", id: importDraft.id,
                after: [
                    "planId": String(plan.id), "applied": outcome.applied.map(String.init).joined(separator: ","),
                    "refused": outcome.refused.keys.sorted().map(String.init).joined(separator: ","),
                ], by: actor, on: db)
            return outcome
        }
    }
}
