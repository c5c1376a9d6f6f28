import Crypto
import Foundation
import MinshengCore
import SQLKit

/// A signed-in user's session: who they are and the token their forms must carry.
struct Session: Sendable, Hashable {
    /// SHA-256 of the cookie's token; the token itself is never stored.
    var id: String
    var user: User
    var csrfToken: String
    var expiresAt: String
}

/// Stores sessions by the hash of their cookie token.
struct SessionStore: Sendable {
    /// How long a session lasts.
    static let lifetime: TimeInterval = 12 * 3600

    /// Creates a session; returns the token for the cookie and the stored session.
    func create(userID: Int64, now: Date, on db: any SQLDatabase) async throws -> (token: String, session: Session) {
        let token = Tokens.random()
        let csrf = Tokens.random()
        let id = Tokens.hash(token)
        let expires = Timestamp.string(from: now.addingTimeInterval(Self.lifetime))
        try await db.insert(into: "sessions")
            .columns("id", "user_id", "csrf_token", "created_at", "expires_at")
            .values(SQLBind(id), SQLBind(userID), SQLBind(csrf), SQLBind(Timestamp.string(from: now)), SQLBind(expires))
            .run()
        guard let session = try await session(token: token, now: now, on: db) else {
            throw AppError(.internalError, "The new session could not be read back.")
        }
        return (token, session)
    }

    /// The live session of a cookie token, with its user.
    func session(token: String, now: Date, on db: any SQLDatabase) async throws -> Session? {
        let row = try await db.select()
            .column(SQLColumn("id", table: "sessions"), as: "session_id").column(SQLColumn("csrf_token", table: "sessions"))
            .column(SQLColumn("expires_at", table: "sessions"))
            .column(SQLColumn("id", table: "users")).column(SQLColumn("username", table: "users"))
            .column(SQLColumn("password_hash", table: "users")).column(SQLColumn("role", table: "users"))
            .column(SQLColumn("unit_id", table: "users")).column(SQLColumn("disabled", table: "users"))
            .column(SQLColumn("jurisdiction_id", table: "users"))
            .from("sessions")
            .join("users", on: SQLColumn("user_id", table: "sessions"), .equal, SQLColumn("id", table: "users"))
            .where(SQLColumn("id", table: "sessions"), .equal, SQLBind(Tokens.hash(token)))
            .where(SQLColumn("expires_at", table: "sessions"), .greaterThan, SQLBind(Timestamp.string(from: now)))
            .first()
        guard let row else { return nil }
        return Session(
            id: try row.string("session_id"), user: try UserStore.user(row), csrfToken: try row.string("csrf_token"),
            expiresAt: try row.string("expires_at")
        )
    }

    func delete(id: String, on db: any SQLDatabase) async throws {
        try await db.delete(from: "sessions").where("id", .equal, id).run()
    }
}

/// Random tokens and their hashes.
enum Tokens {
    /// 32 random bytes as URL-safe base64.
    static func random() -> String {
        let base64 = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedData()
        return String(
            decoding: base64.compactMap { byte -> UInt8? in
                switch byte {
                case UInt8(ascii: "+"): return UInt8(ascii: "-")
                case UInt8(ascii: "/"): return UInt8(ascii: "_")
                case UInt8(ascii: "="): return nil
                default: return byte
                }
            }, as: UTF8.self)
    }

    /// SHA-256 as lowercase hex.
    static func hash(_ text: String) -> String {
        SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Compares secrets in time that does not depend on where they differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
