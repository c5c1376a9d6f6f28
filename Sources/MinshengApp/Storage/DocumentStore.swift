import Foundation
import MinshengCore
import SQLKit

/// A stored official document: a draft the office edits, or an issued document frozen in the archive.
struct StoredDocument: Sendable, Hashable {
    enum State: String, Sendable, Hashable, Codable {
        case draft, issued
    }

    var id: Int64
    var planID: Int64
    var state: State
    var content: OfficialDocument
    var createdAt: String
    var issuedAt: String?
}

/// A plan's settings for its documents: who issues them, to whom, their number prefix and the 下一步工作要求 template.
struct DocumentSettings: Sendable, Hashable, Codable {
    var issuer: String
    var addressee: String
    /// The issuing office's abbreviation before 〔2019〕3号, such as 洛政督.
    var numberPrefix: String
    var requirements: [String]

    static func defaults(jurisdiction: String) -> DocumentSettings {
        let short = jurisdiction.first.map(String.init) ?? ""
        let level = jurisdiction.hasSuffix("省") ? "省" : (jurisdiction.hasSuffix("县") ? "县" : (jurisdiction.hasSuffix("区") ? "区" : "市"))
        return DocumentSettings(
            issuer: "\(jurisdiction)人民政府督查室",
            addressee: "各县(市、区)人民政府，\(level)人民政府各部门：",
            numberPrefix: "\(short)政督",
            requirements: CircularBuilder.defaultRequirements
        )
    }
}

struct DocumentStore: Sendable {

    func insert(planID: Int64, content: OfficialDocument, by userID: Int64?, now date: Date, on db: any SQLDatabase) async throws
        -> StoredDocument
    {
        let now = Timestamp.string(from: date)
        let id = try await db.insert(into: "documents")
            .columns("plan_id", "kind", "period", "state", "content", "created_by", "created_at", "updated_at")
            .values(
                SQLBind(planID), SQLBind(content.kind.rawValue), SQLBind(content.period.description), SQLBind(StoredDocument.State.draft.rawValue),
                SQLBind(try Self.encode(content)), SQLBind(userID), SQLBind(now), SQLBind(now)
            )
            .insertedID()
        return StoredDocument(id: id, planID: planID, state: .draft, content: content, createdAt: now, issuedAt: nil)
    }

    func document(id: Int64, on db: any SQLDatabase) async throws -> StoredDocument? {
        try await db.select().column("*").from("documents").where("id", .equal, id).first().map(Self.document)
    }

    func documents(planID: Int64, on db: any SQLDatabase) async throws -> [StoredDocument] {
        try await db.select().column("*").from("documents").where("plan_id", .equal, planID).orderBy("id", .descending).all().map(Self.document)
    }

    /// Replaces a draft's content; nil when the document is not (or no longer) a draft.
    func updateDraft(id: Int64, content: OfficialDocument, now: Date, on db: any SQLDatabase) async throws -> Bool {
        try await db.update("documents").set("content", to: SQLBind(try Self.encode(content))).set(
            "updated_at", to: SQLBind(Timestamp.string(from: now))
        )
        .where("id", .equal, id).where("state", .equal, StoredDocument.State.draft.rawValue).returning("id").first() != nil
    }

    /// Issues a draft with the plan's next number, freezing its content; nil when it is not a draft.
    func issue(id: Int64, prefix: String, year: Int, by userID: Int64?, now date: Date, on db: any SQLDatabase) async throws -> StoredDocument? {
        guard var stored = try await document(id: id, on: db), stored.state == .draft else { return nil }
        let last = try await db.select().column(SQLFunction("MAX", args: SQLColumn("sequence")), as: "last").from("documents")
            .where("plan_id", .equal, stored.planID).first()
        let sequence = (try last?.decode(column: "last", as: Int?.self) ?? 0) + 1
        let number = "\(prefix)〔\(year)〕\(sequence)号"
        stored.content.number = number
        let now = Timestamp.string(from: date)
        let updated = try await db.update("documents")
            .set("state", to: SQLBind(StoredDocument.State.issued.rawValue)).set("sequence", to: SQLBind(sequence)).set("number", to: SQLBind(number))
            .set("content", to: SQLBind(try Self.encode(stored.content))).set("issued_at", to: SQLBind(now)).set("issued_by", to: SQLBind(userID))
            .set("updated_at", to: SQLBind(now))
            .where("id", .equal, id).where("state", .equal, StoredDocument.State.draft.rawValue).returning("id").first()
        guard updated != nil else { return nil }
        stored.state = .issued
        stored.issuedAt = now
        return stored
    }

    func settings(plan: Plan, jurisdiction: String, on db: any SQLDatabase) async throws -> DocumentSettings {
        guard let row = try await db.select().column("*").from("document_settings").where("plan_id", .equal, plan.id).first() else {
            return .defaults(jurisdiction: jurisdiction)
        }
        return DocumentSettings(
            issuer: try row.string("issuer"), addressee: try row.string("addressee"), numberPrefix: try row.string("number_prefix"),
            requirements: try JSONDecoder().decode([String].self, from: Data(try row.string("requirements").utf8))
        )
    }

    func setSettings(_ settings: DocumentSettings, planID: Int64, on db: any SQLDatabase) async throws {
        try await db.delete(from: "document_settings").where("plan_id", .equal, planID).run()
        try await db.insert(into: "document_settings").columns("plan_id", "issuer", "addressee", "number_prefix", "requirements")
            .values(
                SQLBind(planID), SQLBind(settings.issuer), SQLBind(settings.addressee), SQLBind(settings.numberPrefix),
                SQLBind(String(decoding: try JSONEncoder().encode(settings.requirements), as: UTF8.self))
            )
            .run()
    }

    static func encode(_ content: OfficialDocument) throws -> String {
        String(decoding: try JSONEncoder().encode(content), as: UTF8.self)
    }

    static func document(_ row: any SQLRow) throws -> StoredDocument {
        StoredDocument(
            id: try row.int64("id"), planID: try row.int64("plan_id"), state: try row.enumeration("state", as: StoredDocument.State.self),
            content: try JSONDecoder().decode(OfficialDocument.self, from: Data(try row.string("content").utf8)),
            createdAt: try row.string("created_at"), issuedAt: try row.optionalString("issued_at")
        )
    }
}
