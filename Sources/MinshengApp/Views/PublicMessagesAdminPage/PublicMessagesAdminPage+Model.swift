import MinshengCore

/// The office's queue of public messages: pending ones with the forms to answer or reject, then the settled ones.
struct PublicMessagesAdminPage {
    /// What the message queue shows.
    struct Model {
        var plan: Plan
        var messages: [PublicMessage]
        /// Each publication's sequence number, by publication id.
        var sequences: [Int64: Int]
        /// Each item's title, by item number.
        var titles: [Int: String]
    }
}

extension PublicMessagesAdminPage.Model {
    /// Reads the messages left on the plan's publications.
    static func load(services: Services, plan: Plan) async throws -> PublicMessagesAdminPage.Model {
        let store = PublicationStore()
        return try await services.database.read { db in
            let published = try await store.publications(planID: plan.id, on: db)
            let messages = try await store.messages(publicationIDs: published.map(\.id), on: db)
            let titles = Dictionary(uniqueKeysWithValues: try await PlanStore().items(planID: plan.id, on: db).map { ($0.number, $0.title) })
            return PublicMessagesAdminPage.Model(
                plan: plan, messages: messages, sequences: Dictionary(uniqueKeysWithValues: published.map { ($0.id, $0.sequence) }), titles: titles)
        }
    }
}
