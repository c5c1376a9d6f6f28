import MinshengCore

/// 督办: the notices the assessment calls for (for the office to issue) and every notice with its colour today.
struct NoticesPage {
    /// The plan's notices a principal may see, and the office's proposals.
    struct Model {
        var directory: SupervisionDirectory
        var proposals: [NoticeProposal]
        var notices: [SupervisionNotice]
    }
}

extension NoticesPage.Model {
    /// Reads a plan's notices (the one asked for, else the first within reach): a unit's own for a reporter, every
    /// one otherwise, and for the office the notices the assessment proposes.
    static func load(services: Services, principal: Principal, planID: Int64?, language: Language) async throws -> NoticesPage.Model {
        try await services.database.read { db in
            let directory = try await SupervisionDirectory.load(services: services, principal: principal, planID: planID, language: language, on: db)
            let proposals = SupervisionPolicy.canDecide(principal) ? try await services.supervision.proposals(planID: directory.plan.id, on: db) : []
            let unit = SupervisionPolicy.listedUnit(for: principal)
            let notices = try await SupervisionStore().notices(planID: directory.plan.id, unitID: unit, on: db)
            return NoticesPage.Model(directory: directory, proposals: proposals, notices: notices)
        }
    }
}
