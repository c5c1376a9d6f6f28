import MinshengCore

/// One case: the unit, item, grounds with links to the evidence, and the decision (and the form for it).
struct AccountabilityCasePage {
    /// A case and whether the principal may decide it.
    struct Model {
        var directory: SupervisionDirectory
        var entry: AccountabilityCase
        var canDecide: Bool
        var error: String?
    }
}

extension AccountabilityCasePage.Model {
    /// Reads a case the principal may see; one about another unit answers as if it did not exist.
    static func load(services: Services, principal: Principal, caseID id: Int64, language: Language, error: String? = nil) async throws
        -> AccountabilityCasePage.Model
    {
        try await services.database.read { db in
            guard let entry = try await SupervisionStore().accountabilityCase(id: id, on: db),
                SupervisionPolicy.canSee(addressedTo: entry.unitID, by: principal)
            else {
                throw SupervisionRefusals.noCase(id)
            }
            let directory = try await SupervisionDirectory.load(
                services: services, principal: principal, planID: entry.planID, language: language, on: db)
            return AccountabilityCasePage.Model(directory: directory, entry: entry, canDecide: SupervisionPolicy.canDecide(principal), error: error)
        }
    }
}
