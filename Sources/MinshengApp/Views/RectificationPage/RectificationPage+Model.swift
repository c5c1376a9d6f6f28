import MinshengCore

/// One rectification: the requirement, its history and evidence, the unit's report form, and the inspector's
/// close and reopen.
struct RectificationPage {
    /// A rectification with its history, its evidence and what the principal may do with it.
    struct Model {
        var directory: SupervisionDirectory
        var rectification: Rectification
        var events: [RectificationEvent]
        var evidence: [SupervisionFile]
        var canReport: Bool
        var canReview: Bool
        var error: String?
    }
}

extension RectificationPage.Model {
    /// Reads a rectification the principal may see; one required of another unit answers as if it did not exist.
    static func load(services: Services, principal: Principal, rectificationID id: Int64, language: Language, error: String? = nil)
        async throws -> RectificationPage.Model
    {
        try await services.database.read { db in
            let store = SupervisionStore()
            guard let rectification = try await store.rectification(id: id, on: db),
                SupervisionPolicy.canSee(addressedTo: rectification.unitID, by: principal)
            else {
                throw SupervisionRefusals.noRectification(id)
            }
            let directory = try await SupervisionDirectory.load(
                services: services, principal: principal, planID: rectification.planID, language: language, on: db)
            return RectificationPage.Model(
                directory: directory, rectification: rectification, events: try await store.events(rectificationID: id, on: db),
                evidence: try await store.files(owner: .rectification, ownerIDs: [id], on: db),
                canReport: SupervisionPolicy.canReport(rectificationOf: rectification.unitID, by: principal),
                canReview: SupervisionPolicy.canReviewRectifications(principal), error: error)
        }
    }
}
