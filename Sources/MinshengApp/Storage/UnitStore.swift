import Foundation
import MinshengCore
import SQLKit

/// Group units (各县(市、区)政府) and the member units that report in their place.
public struct UnitStore: Sendable {
    public init() {}

    /// Member unit ids by group unit id, for the units of a jurisdiction.
    public func members(jurisdictionID: Int64, on db: any SQLDatabase) async throws -> [Int64: [Int64]] {
        let rows = try await db.select()
            .column(SQLColumn("group_id", table: "unit_members")).column(SQLColumn("member_id", table: "unit_members"))
            .from("unit_members")
            .join("units", on: SQLColumn("group_id", table: "unit_members"), .equal, SQLColumn("id", table: "units"))
            .where(SQLColumn("jurisdiction_id", table: "units"), .equal, SQLBind(jurisdictionID))
            .orderBy(SQLColumn("group_id", table: "unit_members")).orderBy(SQLColumn("member_id", table: "unit_members"))
            .all()
        var result: [Int64: [Int64]] = [:]
        for row in rows { result[try row.int64("group_id"), default: []].append(try row.int64("member_id")) }
        return result
    }

    /// Replaces a group's members.
    public func setMembers(groupID: Int64, memberIDs: [Int64], on db: any SQLDatabase) async throws {
        try await db.delete(from: "unit_members").where("group_id", .equal, groupID).run()
        guard !memberIDs.isEmpty else { return }
        var insert = db.insert(into: "unit_members").columns("group_id", "member_id")
        for member in Set(memberIDs).sorted() where member != groupID {
            insert = insert.values(SQLBind(groupID), SQLBind(member))
        }
        try await insert.run()
    }

    /// Renames a unit or changes its kind.
    public func update(_ unit: MinshengCore.Unit, on db: any SQLDatabase) async throws {
        try await db.update("units").set("name", to: SQLBind(unit.name)).set("kind", to: SQLBind(unit.kind.rawValue))
            .where("id", .equal, unit.id).run()
    }
}

extension UserStore {
    /// Every account, by name.
    public func users(on db: any SQLDatabase) async throws -> [User] {
        try await db.select().column("*").from("users").orderBy("username").all().map(Self.user)
    }

    public func user(id: Int64, on db: any SQLDatabase) async throws -> User? {
        try await db.select().column("*").from("users").where("id", .equal, id).first().map(Self.user)
    }

    public func setPassword(userID: Int64, hash: String, on db: any SQLDatabase) async throws {
        try await db.update("users").set("password_hash", to: SQLBind(hash)).where("id", .equal, userID).run()
        try await db.delete(from: "sessions").where("user_id", .equal, userID).run()
    }

    public func update(userID: Int64, role: Role, unitID: Int64?, disabled: Bool, on db: any SQLDatabase) async throws {
        try await db.update("users").set("role", to: SQLBind(role.rawValue)).set("unit_id", to: SQLBind(unitID))
            .set("disabled", to: SQLBind(disabled)).where("id", .equal, userID).run()
        if disabled { try await db.delete(from: "sessions").where("user_id", .equal, userID).run() }
    }
}

/// Reminders (催报) sent to units, read in their inbox.
public struct Reminder: Sendable, Hashable, Codable {
    public var id: Int64
    public var planID: Int64
    public var unitID: Int64
    public var period: Period
    public var message: String
    public var createdAt: String
    public var readAt: String?
    public var webhookStatus: String?
}

public struct ReminderStore: Sendable {
    public init() {}

    public func insert(planID: Int64, unitID: Int64, period: Period, message: String, by userID: Int64?, on db: any SQLDatabase) async throws -> Reminder {
        let now = Timestamp.now()
        let id = try await db.insert(into: "reminders")
            .columns("plan_id", "unit_id", "period", "message", "created_by", "created_at")
            .values(SQLBind(planID), SQLBind(unitID), SQLBind(period.description), SQLBind(message), SQLBind(userID), SQLBind(now))
            .insertedID()
        return Reminder(id: id, planID: planID, unitID: unitID, period: period, message: message, createdAt: now)
    }

    public func reminders(unitID: Int64, on db: any SQLDatabase) async throws -> [Reminder] {
        try await db.select().column("*").from("reminders").where("unit_id", .equal, unitID).orderBy("id", .descending).limit(100).all().map(Self.reminder)
    }

    public func reminders(planID: Int64, period: Period, on db: any SQLDatabase) async throws -> [Reminder] {
        try await db.select().column("*").from("reminders").where("plan_id", .equal, planID).where("period", .equal, period.description)
            .orderBy("id").all().map(Self.reminder)
    }

    public func markRead(unitID: Int64, on db: any SQLDatabase) async throws {
        try await db.update("reminders").set("read_at", to: SQLBind(Timestamp.now())).where("unit_id", .equal, unitID)
            .where("read_at", .is, SQLLiteral.null).run()
    }

    public func setWebhookStatus(id: Int64, status: String, on db: any SQLDatabase) async throws {
        try await db.update("reminders").set("webhook_status", to: SQLBind(status)).where("id", .equal, id).run()
    }

    static func reminder(_ row: any SQLRow) throws -> Reminder {
        Reminder(
            id: try row.int64("id"), planID: try row.int64("plan_id"), unitID: try row.int64("unit_id"),
            period: Period(try row.string("period")) ?? .year(0), message: try row.string("message"),
            createdAt: try row.string("created_at"), readAt: try row.optionalString("read_at"), webhookStatus: try row.optionalString("webhook_status")
        )
    }
}

/// A personal API token, shown once and stored only as a hash.
public struct APIToken: Sendable, Hashable, Codable {
    public var id: Int64
    public var userID: Int64
    public var name: String
    public var createdAt: String
    public var lastUsedAt: String?
    public var revokedAt: String?
}

public struct TokenStore: Sendable {
    public static let prefix = "msk_"

    public init() {}

    /// Creates a token; returns its secret (shown once) and the stored record.
    public func create(userID: Int64, name: String, on db: any SQLDatabase) async throws -> (secret: String, token: APIToken) {
        let secret = Self.prefix + Tokens.random()
        let now = Timestamp.now()
        let id = try await db.insert(into: "api_tokens").columns("user_id", "name", "token_hash", "created_at")
            .values(SQLBind(userID), SQLBind(name), SQLBind(Tokens.hash(secret)), SQLBind(now)).insertedID()
        return (secret, APIToken(id: id, userID: userID, name: name, createdAt: now))
    }

    /// The live (not revoked) token's user.
    public func user(secret: String, on db: any SQLDatabase) async throws -> (token: APIToken, user: User)? {
        guard secret.hasPrefix(Self.prefix) else { return nil }
        guard let row = try await db.select().column("*").from("api_tokens").where("token_hash", .equal, Tokens.hash(secret))
            .where("revoked_at", .is, SQLLiteral.null).first() else { return nil }
        let token = try Self.token(row)
        guard let user = try await UserStore().user(id: token.userID, on: db), !user.disabled else { return nil }
        return (token, user)
    }

    public func tokens(userID: Int64, on db: any SQLDatabase) async throws -> [APIToken] {
        try await db.select().column("*").from("api_tokens").where("user_id", .equal, userID).orderBy("id").all().map(Self.token)
    }

    public func revoke(id: Int64, userID: Int64, on db: any SQLDatabase) async throws -> Bool {
        try await db.update("api_tokens").set("revoked_at", to: SQLBind(Timestamp.now())).where("id", .equal, id)
            .where("user_id", .equal, userID).where("revoked_at", .is, SQLLiteral.null).returning("id").first() != nil
    }

    static func token(_ row: any SQLRow) throws -> APIToken {
        APIToken(
            id: try row.int64("id"), userID: try row.int64("user_id"), name: try row.string("name"), createdAt: try row.string("created_at"),
            lastUsedAt: try row.optionalString("last_used_at"), revokedAt: try row.optionalString("revoked_at")
        )
    }
}

/// Counts failed logins per account and per address, in the database so that every instance agrees.
public struct LoginThrottle: Sendable {
    /// Failures allowed per account within the window before it is locked for the rest of it.
    public var perAccount = 5
    /// Failures allowed per address within the window.
    public var perAddress = 20
    public var window: TimeInterval = 15 * 60

    public init() {}

    /// Whether the account or the address has failed too often recently.
    public func isLocked(username: String, address: String, now: Date, on db: any SQLDatabase) async throws -> Bool {
        let since = Timestamp.string(from: now.addingTimeInterval(-window))
        let byAccount = try await count("username", username, since: since, on: db)
        if byAccount >= perAccount { return true }
        return try await count("address", address, since: since, on: db) >= perAddress
    }

    public func recordFailure(username: String, address: String, now: Date, on db: any SQLDatabase) async throws {
        try await db.insert(into: "login_failures").columns("username", "address", "at")
            .values(SQLBind(username), SQLBind(address), SQLBind(Timestamp.string(from: now))).run()
    }

    /// Forgets an account's failures after a successful login.
    public func reset(username: String, on db: any SQLDatabase) async throws {
        try await db.delete(from: "login_failures").where("username", .equal, username).run()
    }

    private func count(_ column: String, _ value: String, since: String, on db: any SQLDatabase) async throws -> Int {
        try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("login_failures")
            .where(SQLIdentifier(column), .equal, SQLBind(value)).where("at", .greaterThan, since).first()?.int("n") ?? 0
    }
}

/// Remembers the answer to a request carrying an idempotency key, so that a retried request is not applied twice.
public struct IdempotencyStore: Sendable {
    /// A remembered answer.
    public struct Answer: Sendable, Hashable {
        public var status: Int
        public var location: String?
        public var body: String?
    }

    public init() {}

    public func answer(userID: Int64, key: String, on db: any SQLDatabase) async throws -> Answer? {
        guard let row = try await db.select().column("*").from("idempotency_keys").where("user_id", .equal, userID)
            .where("key", .equal, key).first() else { return nil }
        return Answer(status: try row.int("status"), location: try row.optionalString("location"), body: try row.optionalString("body"))
    }

    public func remember(userID: Int64, key: String, answer: Answer, on db: any SQLDatabase) async throws {
        try await db.insert(into: "idempotency_keys").columns("user_id", "key", "status", "location", "body", "created_at")
            .values(SQLBind(userID), SQLBind(key), SQLBind(answer.status), SQLBind(answer.location), SQLBind(answer.body), SQLBind(Timestamp.now()))
            .run()
    }
}
