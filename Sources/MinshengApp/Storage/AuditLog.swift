import Foundation
import MinshengCore
import SQLKit

/// Who made a change: a signed-in user, a command at the server's console, or Minsheng itself.
struct AuditActor: Sendable, Hashable {
    var userID: Int64?
    var name: String
    /// The client's address, for changes made over the network.
    var address: String?

    init(userID: Int64?, name: String, address: String? = nil) {
        self.userID = userID
        self.name = name
        self.address = address
    }

    init(user: User, address: String?) {
        self.init(userID: user.id, name: user.username, address: address)
    }

    static let system = AuditActor(userID: nil, name: "system")
    static let console = AuditActor(userID: nil, name: "console")
}

/// One entry of the audit log.
struct AuditEntry: Sendable, Hashable {
    var id: Int64
    var at: String
    var actorID: Int64?
    var actor: String
    var action: String
    var entity: String
    var entityID: String?
    var before: String?
    var after: String?
    var address: String?
}

/// The append-only record of every write: who, when, what, before and after. The database refuses updates and
/// deletes of its rows; the application offers no way to change them.
struct AuditLog: Sendable {
    /// The one clock of the process (the configured clock; the console's is the wall clock).
    let clock: @Sendable () -> Date

    init(clock: @escaping @Sendable () -> Date) {
        self.clock = clock
    }

    /// Records a change; call it inside the transaction that makes the change.
    func record(
        _ action: String, entity: String, id: CustomStringConvertible?, before: (any Encodable)? = nil,
        after: (any Encodable)? = nil, by actor: AuditActor, on db: any SQLDatabase
    ) async throws {
        try await db.insert(into: "audit_log")
            .columns("at", "actor_id", "actor", "action", "entity", "entity_id", "before", "after", "address")
            .values(
                SQLBind(Timestamp.string(from: clock())), SQLBind(actor.userID), SQLBind(actor.name), SQLBind(action), SQLBind(entity),
                SQLBind(id?.description), SQLBind(try before.map(Self.json)), SQLBind(try after.map(Self.json)), SQLBind(actor.address)
            )
            .run()
    }

    /// The newest entries first, optionally for one entity.
    static func entries(entity: String? = nil, entityID: String? = nil, limit: Int = 200, offset: Int = 0, on db: any SQLDatabase) async throws
        -> [AuditEntry]
    {
        var query = db.select().column("*").from("audit_log")
        if let entity { query = query.where("entity", .equal, entity) }
        if let entityID { query = query.where("entity_id", .equal, entityID) }
        return try await query.orderBy("id", .descending).limit(limit).offset(offset).all().map { row in
            AuditEntry(
                id: try row.int64("id"), at: try row.string("at"), actorID: try row.optionalInt64("actor_id"),
                actor: try row.string("actor"), action: try row.string("action"), entity: try row.string("entity"),
                entityID: try row.optionalString("entity_id"), before: try row.optionalString("before"),
                after: try row.optionalString("after"), address: try row.optionalString("address")
            )
        }
    }

    static func count(on db: any SQLDatabase) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("audit_log").first()?.int("n") ?? 0
    }

    static func json(_ value: any Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }
}
