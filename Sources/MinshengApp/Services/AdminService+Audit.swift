import Foundation

extension AdminService {
    /// A page of the audit log, newest first.
    func auditEntries(limit: Int, offset: Int) async throws -> [AuditEntry] {
        try await database.read { try await AuditLog.entries(limit: limit, offset: offset, on: $0) }
    }
}
