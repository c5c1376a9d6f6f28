import MinshengCore

/// The unit's inbox: reminders from the office and reports returned for revision, newest first.
struct InboxPage {
    /// What the inbox shows.
    struct Model {
        var reminders: [Reminder]
        /// The items returned reports are about, by id.
        var items: [Int64: Item]
    }
}

extension InboxPage.Model {
    /// Opens the inbox of `user`'s unit, marking its messages read; a user without a unit has none.
    static func load(services: Services, user: User, by actor: AuditActor) async throws -> InboxPage.Model {
        guard let unitID = user.unitID else { return InboxPage.Model(reminders: [], items: [:]) }
        let reminders = try await services.reporting.openInbox(unitID: unitID, by: actor)
        let itemIDs = Set(reminders.compactMap(\.itemID))
        let items = try await services.database.read { db in
            var found: [Int64: Item] = [:]
            for id in itemIDs { found[id] = try await PlanStore().item(id: id, on: db) }
            return found
        }
        return InboxPage.Model(reminders: reminders, items: items)
    }
}
