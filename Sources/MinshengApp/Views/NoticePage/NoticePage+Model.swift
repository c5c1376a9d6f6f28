import MinshengCore

/// One notice: its reason and requirement, its colour today, the unit's answer (and the form for it), and closing.
struct NoticePage {
    /// A notice with what the principal may do with it.
    struct Model {
        var directory: SupervisionDirectory
        var notice: SupervisionNotice
        var canAnswer: Bool
        var canClose: Bool
        var error: String?
    }
}

extension NoticePage.Model {
    /// Reads a notice the principal may see; one addressed to another unit answers as if it did not exist.
    static func load(services: Services, principal: Principal, noticeID id: Int64, language: Language, error: String? = nil) async throws
        -> NoticePage.Model
    {
        try await services.database.read { db in
            guard let notice = try await SupervisionStore().notice(id: id, on: db),
                SupervisionPolicy.canSee(addressedTo: notice.unitID, by: principal)
            else {
                throw SupervisionRefusals.noNotice(id)
            }
            let directory = try await SupervisionDirectory.load(
                services: services, principal: principal, planID: notice.planID, language: language, on: db)
            return NoticePage.Model(
                directory: directory, notice: notice, canAnswer: SupervisionPolicy.canAnswer(noticeTo: notice.unitID, by: principal),
                canClose: SupervisionPolicy.canDecide(principal), error: error)
        }
    }
}
