import Foundation
import MinshengCore
import SQLKit

/// A file kept with an inspection (photos) or a rectification (evidence).
struct SupervisionFile: Sendable, Hashable {
    enum Owner: String, Sendable, Hashable, Codable {
        case inspection, rectification
    }

    var id: Int64
    var owner: Owner
    var ownerID: Int64
    var fileName: String
    var contentType: String
    var size: Int64
    var sha256: String
    var storageKey: String
    var createdAt: String
}

/// Reads and writes supervision: settings, notices, inspections, files, rectifications and cases. Each facet lives in
/// its own extension: `SupervisionStore+Notices`, `+Inspections`, `+Rectifications` and `+Cases`.
struct SupervisionStore: Sendable {

    // MARK: Settings

    func settings(planID: Int64, on db: any SQLDatabase) async throws -> SupervisionSettings {
        guard let row = try await db.select().column("content").from("supervision_settings").where("plan_id", .equal, planID).first() else {
            return SupervisionSettings()
        }
        return try JSONDecoder().decode(SupervisionSettings.self, from: Data(try row.string("content").utf8))
    }

    func setSettings(_ settings: SupervisionSettings, planID: Int64, on db: any SQLDatabase) async throws {
        let json = String(decoding: try JSONEncoder().encode(settings), as: UTF8.self)
        try await db.delete(from: "supervision_settings").where("plan_id", .equal, planID).run()
        try await db.insert(into: "supervision_settings").columns("plan_id", "content").values(SQLBind(planID), SQLBind(json)).run()
    }

    static func date(_ row: any SQLRow, _ column: String) throws -> CalendarDate {
        guard let date = try row.optionalDate(column) else { throw AppError(.internalError, "\(column) is not a date.") }
        return date
    }

    // MARK: Files

    func addFile(_ file: SupervisionFile, by userID: Int64?, on db: any SQLDatabase) async throws -> SupervisionFile {
        var stored = file
        stored.id = try await db.insert(into: "supervision_files")
            .columns("owner", "owner_id", "file_name", "content_type", "size", "sha256", "storage_key", "created_by", "created_at")
            .values(
                SQLBind(file.owner.rawValue), SQLBind(file.ownerID), SQLBind(file.fileName), SQLBind(file.contentType), SQLBind(file.size),
                SQLBind(file.sha256), SQLBind(file.storageKey), SQLBind(userID), SQLBind(file.createdAt)
            )
            .insertedID()
        return stored
    }

    func files(owner: SupervisionFile.Owner, ownerIDs: [Int64], on db: any SQLDatabase) async throws -> [SupervisionFile] {
        guard !ownerIDs.isEmpty else { return [] }
        return try await db.select().column("*").from("supervision_files").where("owner", .equal, owner.rawValue).where("owner_id", .in, ownerIDs)
            .orderBy("id").all().map(Self.file)
    }

    func file(id: Int64, on db: any SQLDatabase) async throws -> SupervisionFile? {
        try await db.select().column("*").from("supervision_files").where("id", .equal, id).first().map(Self.file)
    }

    static func file(_ row: any SQLRow) throws -> SupervisionFile {
        SupervisionFile(
            id: try row.int64("id"), owner: try row.enumeration("owner", as: SupervisionFile.Owner.self), ownerID: try row.int64("owner_id"),
            fileName: try row.string("file_name"), contentType: try row.string("content_type"), size: try row.int64("size"),
            sha256: try row.string("sha256"),
            storageKey: try row.string("storage_key"), createdAt: try row.string("created_at")
        )
    }
}
