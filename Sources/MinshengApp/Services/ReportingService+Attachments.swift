import Foundation
import MinshengCore

extension ReportingService {
    /// Adds a checked file to the newest version of a unit's report for an item and month, when that version is a
    /// draft or returned and the user may write it. The file is stored first and removed again if the write fails.
    func attach(
        _ accepted: AttachmentStorage.Accepted, planID: Int64, itemID: Int64, unitID: Int64, period: Period, user: User,
        by actor: AuditActor
    ) async throws {
        let storage = AttachmentStorage(folder: configuration.uploadsDirectory)
        let key = try storage.store(accepted)
        do {
            try await database.write { db in
                let reader = try await reader(for: user, planID: planID, on: db)
                guard ReportPolicy.canWrite(forUnit: unitID, by: reader.principal) else {
                    throw ReportingRefusals.mayNotAttach
                }
                guard let report = try await reports.versions(itemID: itemID, unitID: unitID, period: period, on: db).last,
                    report.planID == planID, report.state == .draft || report.state == .returned
                else { throw ReportingRefusals.attachToDraftsOnly }
                let stored = try await reports.addAttachment(
                    ReportAttachment(
                        id: 0, reportID: report.id, fileName: accepted.fileName, contentType: accepted.contentType,
                        size: Int64(accepted.data.count), sha256: accepted.sha256, storageKey: key,
                        createdAt: configuration.timestamp),
                    by: user.id, on: db
                )
                try await audit.record("attachment.add", entity: "report", id: report.id, after: stored, by: actor, on: db)
            }
        } catch {
            storage.remove(key: key)
            throw error
        }
    }
}
