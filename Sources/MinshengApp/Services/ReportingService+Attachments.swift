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

extension ReportingService {
    /// An attachment and its bytes, when the user may read its report; not found otherwise.
    func readableAttachment(id: Int64, user: User) async throws -> (attachment: ReportAttachment, data: Data) {
        let found = try await database.read { db -> ReportAttachment? in
            guard let attachment = try await reports.attachment(id: id, on: db),
                let report = try await reports.report(id: attachment.reportID, on: db)
            else { return nil }
            let reader = try await reader(for: user, planID: report.planID, on: db)
            return ReportPolicy.canRead(report, by: reader) ? attachment : nil
        }
        guard let attachment = found else { throw Refusals.noAttachment }
        return (attachment, try AttachmentStorage(folder: configuration.uploadsDirectory).read(key: attachment.storageKey))
    }

    /// An item's indicators, in the plan's order.
    func indicators(planID: Int64, itemID: Int64) async throws -> [Indicator] {
        try await database.read { db in try await plans.indicators(planID: planID, on: db).filter { $0.itemID == itemID } }
    }
}
