import Foundation
import MinshengCore
import SQLKit

/// A personal API token, shown once and stored only as a hash.
struct PersonalToken: Sendable, Hashable, Codable {
    var id: Int64
    var userID: Int64
    var name: String
    var createdAt: String
    var lastUsedAt: String?
    var revokedAt: String?
}

struct TokenStore: Sendable {
    static let prefix = "msk_"

    /// Creates a token; returns its secret (shown once) and the stored record.
    func create(userID: Int64, name: String, now date: Date, on db: any SQLDatabase) async throws -> (secret: String, token: PersonalToken) {
        let secret = Self.prefix + Tokens.random()
        let now = Timestamp.string(from: date)
        let id = try await db.insert(into: "api_tokens").columns("user_id", "name", "token_hash", "created_at")
            .values(SQLBind(userID), SQLBind(name), SQLBind(Tokens.hash(secret)), SQLBind(now)).insertedID()
        return (secret, PersonalToken(id: id, userID: userID, name: name, createdAt: now))
    }

    /// The live (not revoked) token's user.
    func user(secret: String, on db: any SQLDatabase) async throws -> (token: PersonalToken, user: User)? {
        guard secret.hasPrefix(Self.prefix) else { return nil }
        guard
            let row = try await db.select().column("*").from("api_tokens").where("token_hash", .equal, Tokens.hash(secret))
                .where("revoked_at", .is, SQLLiteral.null).first()
        else { return nil }
        let token = try Self.token(row)
        guard let user = try await UserStore().user(id: token.userID, on: db), !user.disabled else { return nil }
        return (token, user)
    }

    func tokens(userID: Int64, on db: any SQLDatabase) async throws -> [PersonalToken] {
        try await db.select().column("*").from("api_tokens").where("user_id", .equal, userID).orderBy("id").all().map(Self.token)
    }

    func revoke(id: Int64, userID: Int64, now: Date, on db: any SQLDatabase) async throws -> Bool {
        try await db.update("api_tokens").set("revoked_at", to: SQLBind(Timestamp.string(from: now))).where("id", .equal, id)
            .where("user_id", .equal, userID).where("revoked_at", .is, SQLLiteral.null).returning("id").first() != nil
    }

    static func token(_ row: any SQLRow) throws -> PersonalToken {
        PersonalToken(
            id: try row.int64("id"), userID: try row.int64("user_id"), name: try row.string("name"), createdAt: try row.string("created_at"),
            lastUsedAt: try row.optionalString("last_used_at"), revokedAt: try row.optionalString("revoked_at")
        )
    }
}
