import MinshengCore

/// The audit log, newest first. Read-only: nothing in the application edits it.
struct AuditPage {
    /// What a page of the audit log shows.
    struct Model {
        var entries: [AuditEntry]
        /// Where the next page starts, when there is one.
        var nextOffset: Int?
    }

    /// How many entries a page shows.
    static let pageSize = 200
}

extension AuditPage.Model {
    /// Reads a page of entries from `offset`.
    static func load(services: Services, offset: Int) async throws -> AuditPage.Model {
        let entries = try await services.admin.auditEntries(limit: AuditPage.pageSize + 1, offset: offset)
        return AuditPage.Model(
            entries: Array(entries.prefix(AuditPage.pageSize)), nextOffset: entries.count > AuditPage.pageSize ? offset + AuditPage.pageSize : nil)
    }
}
