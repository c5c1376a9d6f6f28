import Foundation
import MinshengCore
import SQLKit

/// A plan read from an uploaded file, kept until a person confirms it.
struct ImportDraft: Sendable {
    var id: Int64
    var userID: Int64
    /// The jurisdiction of the office that uploaded it; nil for the instance-wide office.
    var officeJurisdictionID: Int64?
    var fileName: String
    var format: PlanImporter.Format
    var draft: PlanDraft
    var createdAt: String
    var confirmedPlanID: Int64?
}

/// Reads and writes pending imports.
struct ImportDraftStore: Sendable {

    func insert(
        userID: Int64, officeJurisdictionID: Int64?, fileName: String, format: PlanImporter.Format, draft: PlanDraft, now: Date,
        on db: any SQLDatabase
    ) async throws -> Int64 {
        try await db.insert(into: "import_drafts")
            .columns("user_id", "office_jurisdiction_id", "file_name", "format", "draft", "created_at")
            .values(
                SQLBind(userID), SQLBind(officeJurisdictionID), SQLBind(fileName), SQLBind(format.rawValue), SQLBind(try Self.encode(draft)),
                SQLBind(Timestamp.string(from: now))
            )
            .insertedID()
    }

    func importDraft(id: Int64, on db: any SQLDatabase) async throws -> ImportDraft? {
        guard let row = try await db.select().column("*").from("import_drafts").where("id", .equal, id).first() else { return nil }
        return ImportDraft(
            id: try row.int64("id"), userID: try row.int64("user_id"), officeJurisdictionID: try row.optionalInt64("office_jurisdiction_id"),
            fileName: try row.string("file_name"),
            format: try row.enumeration("format", as: PlanImporter.Format.self),
            draft: try JSONDecoder().decode(PlanDraft.self, from: Data(try row.string("draft").utf8)),
            createdAt: try row.string("created_at"), confirmedPlanID: try row.optionalInt64("confirmed_plan_id")
        )
    }

    func update(id: Int64, draft: PlanDraft, on db: any SQLDatabase) async throws {
        try await db.update("import_drafts").set("draft", to: SQLBind(try Self.encode(draft))).where("id", .equal, id).run()
    }

    func markConfirmed(id: Int64, planID: Int64, now: Date, on db: any SQLDatabase) async throws {
        try await db.update("import_drafts").set("confirmed_plan_id", to: SQLBind(planID))
            .set("confirmed_at", to: SQLBind(Timestamp.string(from: now))).where("id", .equal, id).run()
    }

    static func encode(_ draft: PlanDraft) throws -> String {
        String(decoding: try JSONEncoder().encode(draft), as: UTF8.self)
    }
}
