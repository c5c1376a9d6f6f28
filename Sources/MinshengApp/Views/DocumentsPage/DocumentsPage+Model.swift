import MinshengCore

/// The archive of documents and the form that drafts a new one.
struct DocumentsPage {
    /// A plan's documents.
    struct Model {
        var plan: Plan
        var documents: [StoredDocument]
    }
}

extension DocumentsPage.Model {
    /// Reads, from the replica, the documents of a plan (the one asked for, else the first within reach).
    static func load(services: Services, reach: PlanReach, planID: Int64?, language: Language) async throws -> DocumentsPage.Model {
        try await services.database.readReplica { db in
            let plans = PlanStore()
            let plan: Plan?
            if let planID {
                plan = try await plans.plan(id: planID, on: db)
            } else {
                plan = try await plans.plans(within: reach, on: db).first
            }
            guard let plan else { throw AppError.notFound(language.reporting.noPlan) }
            return DocumentsPage.Model(plan: plan, documents: try await DocumentStore().documents(planID: plan.id, on: db))
        }
    }
}
