import Foundation
import MinshengCore
import SQLKit

/// Counts failed logins per account and per address, in the database so that every instance agrees.
struct LoginThrottle: Sendable {
    /// Failures allowed per account within the window before it is locked for the rest of it.
    var perAccount = 5
    /// Failures allowed per address within the window.
    var perAddress = 20
    var window: TimeInterval = 15 * 60

    init() {}

    /// Admits a sign-in attempt in one step with its count, so that simultaneous attempts cannot all pass: nil when
    /// the account or the address has failed too often (nothing is recorded); otherwise the attempt is recorded as
    /// pending before the password is checked, and counts against the account until ``settle(_:failed:on:)`` says how
    /// it ended. The address counts settled failures only, so that an office behind one address can sign in together.
    func admit(username: String, address: String, now: Date, in database: AppDatabase) async throws -> Int64? {
        try await database.write { db in
            // SQLite runs one writer at a time; on PostgreSQL the admissions of one account take turns on that
            // account's lock (in this schema), while other accounts are admitted side by side.
            if database.engine == .postgres {
                let key = "login:" + username
                try await db.raw("SELECT pg_advisory_xact_lock(hashtext(current_schema() || \(bind: key)))").run()
            }
            if try await isLocked(username: username, address: address, now: now, on: db) { return nil }
            return try await db.insert(into: "login_failures").columns("username", "address", "at", "pending")
                .values(SQLBind(username), SQLBind(address), SQLBind(Timestamp.string(from: now)), SQLBind(true)).insertedID()
        }
    }

    /// Whether the account (its failures and its attempts being checked) or the address (its failures) has failed too
    /// often recently.
    func isLocked(username: String, address: String, now: Date, on db: any SQLDatabase) async throws -> Bool {
        let since = Timestamp.string(from: now.addingTimeInterval(-window))
        let byAccount = try await count("username", username, since: since, settledOnly: false, on: db)
        if byAccount >= perAccount { return true }
        return try await count("address", address, since: since, settledOnly: true, on: db) >= perAddress
    }

    /// Settles an admitted attempt: a failure stays counted; a success clears the account's failures.
    func settle(_ attempt: Int64, username: String, failed: Bool, on db: any SQLDatabase) async throws {
        if failed {
            try await db.update("login_failures").set("pending", to: SQLBind(false)).where("id", .equal, attempt).run()
        } else {
            try await reset(username: username, on: db)
        }
    }

    /// Forgets an account's failures after a successful login.
    func reset(username: String, on db: any SQLDatabase) async throws {
        try await db.delete(from: "login_failures").where("username", .equal, username).run()
    }

    private func count(_ column: String, _ value: String, since: String, settledOnly: Bool, on db: any SQLDatabase) async throws -> Int {
        var query = db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("login_failures")
            .where(SQLIdentifier(column), .equal, SQLBind(value)).where("at", .greaterThan, since)
        if settledOnly { query = query.where("pending", .equal, SQLBind(false)) }
        return try await query.first()?.int("n") ?? 0
    }
}
