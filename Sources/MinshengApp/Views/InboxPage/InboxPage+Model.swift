import MinshengCore

/// The unit's inbox of reminders.
struct InboxPage {
    /// What the inbox shows.
    struct Model {
        var reminders: [Reminder]
    }
}

extension InboxPage.Model {
    /// Opens the inbox of `user`'s unit, marking its reminders read; a user without a unit has none.
    static func load(services: Services, user: User, by actor: AuditActor) async throws -> InboxPage.Model {
        guard let unitID = user.unitID else { return InboxPage.Model(reminders: []) }
        return InboxPage.Model(reminders: try await services.reporting.openInbox(unitID: unitID, by: actor))
    }
}
