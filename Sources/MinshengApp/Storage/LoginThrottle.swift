import Foundation
import MinshengCore
import SQLKit

/// Counts failed logins per account and per address, in the database so that every instance agrees.
public struct LoginThrottle: Sendable {
    /// Failures allowed per account within the window before it is locked for the rest of it.
    public var perAccount = 5
    /// Failures allowed per address within the window.
    public var perAddress = 20
    public var window: TimeInterval = 15 * 60

    public init() {}

    /// Admits a sign-in attempt, in one step with its count so that simultaneous attempts cannot all pass: when the
    /// account or address has failed too often it returns false and records nothing; otherwise it records the attempt
    /// as a failure before the password is checked (a successful sign-in then clears the account's failures).
    public func admit(username: String, address: String, now: Date, in database: AppDatabase) async throws -> Bool {
        try await database.write { db in
            // SQLite runs one writer at a time; on PostgreSQL every admission takes turns on one lock.
            if database.engine == .postgres { try await db.raw("SELECT pg_advisory_xact_lock(7212020)").run() }
            if try await isLocked(username: username, address: address, now: now, on: db) { return false }
            try await recordFailure(username: username, address: address, now: now, on: db)
            return true
        }
    }

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
