import MinshengCore

/// 问责: the cases the rules call for (for the office to open) and every case with its decision.
struct AccountabilityPage {
    /// A plan's cases, and the office's proposals.
    struct Model {
        var directory: SupervisionDirectory
        var proposals: [AccountabilityProposal]
        var cases: [AccountabilityCase]
    }
}

extension AccountabilityPage.Model {
    /// Reads the cases of a plan (the one asked for, else the first within reach), and for the office the cases the
    /// rules propose.
    static func load(services: Services, principal: Principal, planID: Int64?, language: Language) async throws -> AccountabilityPage.Model {
        try await services.database.read { db in
            let directory = try await SupervisionDirectory.load(services: services, principal: principal, planID: planID, language: language, on: db)
            let proposals =
                SupervisionPolicy.canDecide(principal) ? try await services.supervision.caseProposals(planID: directory.plan.id, on: db) : []
            return AccountabilityPage.Model(
                directory: directory, proposals: proposals, cases: try await SupervisionStore().cases(planID: directory.plan.id, on: db))
        }
    }
}
