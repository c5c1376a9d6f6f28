import Foundation
import MinshengCore
import SQLKit

/// A publication as stored: its snapshot, hash and chain link. Rows are never changed (database triggers refuse it).
struct Publication: Sendable, Hashable {
    var id: Int64
    var planID: Int64
    var published: PublishedSnapshot

    var snapshot: PublicSnapshot { published.snapshot }
    var sequence: Int { snapshot.sequence }
    var hash: String { published.hash }
}

/// A message from the public on a published item: an objection (异议) during the 公示期, a suggestion or a question.
/// Pending until the office answers it (the answer is published with it) or rejects it (it is never shown).
struct PublicMessage: Sendable, Hashable {
    enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case objection, suggestion, question
    }

    enum State: String, Sendable, Hashable, Codable, CaseIterable {
        case pending, answered, rejected
    }

    var id: Int64
    var kind: Kind
    var publicationID: Int64
    var itemNumber: Int
    var text: String
    /// Optional, for the office to call back; never published.
    var phone: String?
    var state: State
    var reply: String?
    var createdAt: String
    var repliedAt: String?
}

/// An attachment of an accepted report that may be a public photo, for the office's approval.
struct PhotoCandidate: Sendable, Hashable {
    var attachment: ReportAttachment
    var itemID: Int64
    var unitID: Int64
    var period: Period
    var isPublic: Bool
}

/// Reads and writes publications, ratings, public messages and photo approvals.
struct PublicationStore: Sendable {

    // MARK: Publications

    func insert(planID: Int64, published: PublishedSnapshot, by userID: Int64?, at now: String, on db: any SQLDatabase) async throws
        -> Publication
    {
        let id = try await db.insert(into: "publications")
            .columns(
                "plan_id", "sequence", "period", "published_on", "objections_until", "content", "hash", "previous_hash", "created_by", "created_at"
            )
            .values(
                SQLBind(planID), SQLBind(published.snapshot.sequence), SQLBind(published.snapshot.period.description),
                SQLBind(published.snapshot.publishedOn.iso), SQLBind(published.snapshot.objectionsUntil?.iso),
                SQLBind(String(decoding: try PublicSnapshot.canonical(published.snapshot), as: UTF8.self)), SQLBind(published.hash),
                SQLBind(published.snapshot.previousHash), SQLBind(userID), SQLBind(now)
            )
            .insertedID()
        return Publication(id: id, planID: planID, published: published)
    }

    /// A plan's publications, oldest first.
    func publications(planID: Int64, on db: any SQLDatabase) async throws -> [Publication] {
        try await db.select().column("*").from("publications").where("plan_id", .equal, planID).orderBy("sequence").all().map(Self.publication)
    }

    func latest(planID: Int64, on db: any SQLDatabase) async throws -> Publication? {
        try await db.select().column("*").from("publications").where("plan_id", .equal, planID).orderBy("sequence", .descending).limit(1).first()
            .map(Self.publication)
    }

    func publication(planID: Int64, sequence: Int, on db: any SQLDatabase) async throws -> Publication? {
        try await db.select().column("*").from("publications").where("plan_id", .equal, planID).where("sequence", .equal, sequence).first()
            .map(Self.publication)
    }

    /// Ids of the plans that have published anything, oldest plan first.
    func publishedPlanIDs(on db: any SQLDatabase) async throws -> [Int64] {
        try await db.select().distinct().column("plan_id").from("publications").orderBy("plan_id").all().map { try $0.int64("plan_id") }
    }

    static func publication(_ row: any SQLRow) throws -> Publication {
        let snapshot = try JSONDecoder().decode(PublicSnapshot.self, from: Data(try row.string("content").utf8))
        return Publication(
            id: try row.int64("id"), planID: try row.int64("plan_id"), published: PublishedSnapshot(snapshot: snapshot, hash: try row.string("hash")))
    }

    // MARK: Ratings

    func insertRating(
        publicationID: Int64, itemNumber: Int, verdict: SatisfactionVerdict, deviceHash: String, addressHash: String, at now: String,
        on db: any SQLDatabase
    ) async throws {
        try await db.insert(into: "ratings")
            .columns("publication_id", "item_number", "verdict", "device_hash", "address_hash", "created_at")
            .values(SQLBind(publicationID), SQLBind(itemNumber), SQLBind(verdict.rawValue), SQLBind(deviceHash), SQLBind(addressHash), SQLBind(now))
            .run()
    }

    /// The verdict a device already gave on an item in a publication.
    func rating(publicationID: Int64, itemNumber: Int, deviceHash: String, on db: any SQLDatabase) async throws -> SatisfactionVerdict? {
        try await db.select().column("verdict").from("ratings").where("publication_id", .equal, publicationID).where(
            "item_number", .equal, itemNumber
        )
        .where("device_hash", .equal, deviceHash).first().map { try $0.enumeration("verdict", as: SatisfactionVerdict.self) }
    }

    /// Ratings from an address since a time, and of one item in one publication from it (ever).
    func ratingCounts(addressHash: String, since: String, publicationID: Int64, itemNumber: Int, on db: any SQLDatabase) async throws -> (
        recent: Int, sameItem: Int
    ) {
        let recent = try await count(
            db.select().from("ratings").where("address_hash", .equal, addressHash).where("created_at", .greaterThanOrEqual, since))
        let sameItem = try await count(
            db.select().from("ratings").where("address_hash", .equal, addressHash)
                .where("publication_id", .equal, publicationID).where("item_number", .equal, itemNumber))
        return (recent, sameItem)
    }

    /// Verdicts per item number over publications.
    func tally(publicationIDs: [Int64], on db: any SQLDatabase) async throws -> [Int: SatisfactionTally] {
        guard !publicationIDs.isEmpty else { return [:] }
        let rows = try await db.select().column("item_number").column("verdict").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("ratings").where("publication_id", .in, publicationIDs).groupBy("item_number").groupBy("verdict").all()
        var result: [Int: SatisfactionTally] = [:]
        for row in rows {
            guard let verdict = SatisfactionVerdict(rawValue: try row.string("verdict")) else { continue }
            result[try row.int("item_number"), default: SatisfactionTally()][verdict] = try row.int("n")
        }
        return result
    }

    // MARK: Messages

    func insertMessage(
        publicationID: Int64, itemNumber: Int, kind: PublicMessage.Kind, text: String, phone: String?, addressHash: String,
        at now: String, on db: any SQLDatabase
    ) async throws -> Int64 {
        try await db.insert(into: "public_messages")
            .columns("publication_id", "item_number", "kind", "text", "fingerprint", "phone", "address_hash", "state", "created_at")
            .values(
                SQLBind(publicationID), SQLBind(itemNumber), SQLBind(kind.rawValue), SQLBind(text), SQLBind(MessageGuard.fingerprint(text)),
                SQLBind(phone), SQLBind(addressHash), SQLBind(PublicMessage.State.pending.rawValue), SQLBind(now)
            )
            .insertedID()
    }

    /// Messages from an address since a time, and whether the same text was sent on the publication before.
    func messageCounts(addressHash: String, since: String, publicationID: Int64, fingerprint: String, on db: any SQLDatabase) async throws -> (
        recent: Int, isRepeat: Bool
    ) {
        let recent = try await count(
            db.select().from("public_messages").where("address_hash", .equal, addressHash).where("created_at", .greaterThanOrEqual, since))
        let repeats = try await count(
            db.select().from("public_messages").where("publication_id", .equal, publicationID).where("fingerprint", .equal, fingerprint))
        return (recent, repeats > 0)
    }

    func message(id: Int64, on db: any SQLDatabase) async throws -> PublicMessage? {
        try await db.select().column("*").from("public_messages").where("id", .equal, id).first().map(Self.message)
    }

    /// Messages on publications, optionally in some states, oldest first.
    func messages(publicationIDs: [Int64], states: [PublicMessage.State]? = nil, on db: any SQLDatabase) async throws -> [PublicMessage] {
        guard !publicationIDs.isEmpty else { return [] }
        var query = db.select().column("*").from("public_messages").where("publication_id", .in, publicationIDs)
        if let states { query = query.where("state", .in, states.map(\.rawValue)) }
        return try await query.orderBy("id").all().map(Self.message)
    }

    /// Answers (publishing the answer) or rejects a pending message; false when it was no longer pending.
    func settle(messageID: Int64, state: PublicMessage.State, reply: String?, by userID: Int64, at now: String, on db: any SQLDatabase)
        async throws -> Bool
    {
        guard try await message(id: messageID, on: db)?.state == .pending else { return false }
        try await db.update("public_messages").set("state", to: SQLBind(state.rawValue)).set("reply", to: SQLBind(reply))
            .set("replied_by", to: SQLBind(userID)).set("replied_at", to: SQLBind(now))
            .where("id", .equal, messageID).where("state", .equal, PublicMessage.State.pending.rawValue).run()
        return true
    }

    static func message(_ row: any SQLRow) throws -> PublicMessage {
        PublicMessage(
            id: try row.int64("id"), kind: try row.enumeration("kind", as: PublicMessage.Kind.self), publicationID: try row.int64("publication_id"),
            itemNumber: try row.int("item_number"), text: try row.string("text"), phone: try row.optionalString("phone"),
            state: try row.enumeration("state", as: PublicMessage.State.self), reply: try row.optionalString("reply"),
            createdAt: try row.string("created_at"), repliedAt: try row.optionalString("replied_at")
        )
    }

    // MARK: Photos

    /// Image attachments of a plan's accepted reports, newest first, with whether the office approved them.
    func photoCandidates(planID: Int64, on db: any SQLDatabase) async throws -> [PhotoCandidate] {
        let rows = try await db.select()
            .column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("report_attachments")))
            .column(SQLColumn("item_id", table: "reports")).column(SQLColumn("unit_id", table: "reports")).column(
                SQLColumn("period", table: "reports")
            )
            .from("report_attachments")
            .join("reports", on: SQLColumn("report_id", table: "report_attachments"), .equal, SQLColumn("id", table: "reports"))
            .where(SQLColumn("plan_id", table: "reports"), .equal, SQLBind(planID))
            .where(SQLColumn("state", table: "reports"), .equal, SQLBind(ReportState.accepted.rawValue))
            .where(SQLColumn("content_type", table: "report_attachments"), .in, SQLBind.group(["image/jpeg", "image/png"]))
            .orderBy(SQLOrderBy(expression: SQLColumn("id", table: "report_attachments"), direction: SQLDirection.descending)).all()
        return try rows.compactMap { row in
            guard let period = Period(try row.string("period")) else { return nil }
            return PhotoCandidate(
                attachment: try ReportStore.attachment(row), itemID: try row.int64("item_id"), unitID: try row.int64("unit_id"),
                period: period, isPublic: try row.bool("public"))
        }
    }

    func setPublic(_ isPublic: Bool, attachmentID: Int64, on db: any SQLDatabase) async throws {
        try await db.update("report_attachments").set("public", to: SQLBind(isPublic)).where("id", .equal, attachmentID).run()
    }

    /// An attachment the public may see: approved, and an image of an accepted report.
    func publicPhoto(id: Int64, on db: any SQLDatabase) async throws -> ReportAttachment? {
        try await photoCandidatesQuery(db).where(SQLColumn("id", table: "report_attachments"), .equal, SQLBind(id)).first().map(
            ReportStore.attachment)
    }

    private func photoCandidatesQuery(_ db: any SQLDatabase) -> SQLSelectBuilder {
        db.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("report_attachments")))
            .from("report_attachments")
            .join("reports", on: SQLColumn("report_id", table: "report_attachments"), .equal, SQLColumn("id", table: "reports"))
            .where(SQLColumn("state", table: "reports"), .equal, SQLBind(ReportState.accepted.rawValue))
            .where(SQLColumn("public", table: "report_attachments"), .equal, SQLBind(true))
            .where(SQLColumn("content_type", table: "report_attachments"), .in, SQLBind.group(["image/jpeg", "image/png"]))
    }

    // MARK: Settings

    /// The installation's secret salt for hashing devices and addresses, created on first use.
    func salt(on db: any SQLDatabase) async throws -> String {
        if let row = try await db.select().column("value").from("settings").where("key", .equal, Self.saltKey).first() {
            return try row.string("value")
        }
        let salt = Tokens.random()
        try await db.insert(into: "settings").columns("key", "value").values(SQLBind(Self.saltKey), SQLBind(salt)).run()
        return salt
    }

    static let saltKey = "public.salt"

    private func count(_ query: SQLSelectBuilder) async throws -> Int {
        try await query.column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").first()?.int("n") ?? 0
    }
}
