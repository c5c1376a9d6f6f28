import Foundation
import MinshengCore
import SQLKit

/// A user account as stored.
struct User: Sendable, Hashable {
    var id: Int64
    var username: String
    var passwordHash: String
    var role: Role
    var unitID: Int64?
    var disabled: Bool = false
    /// The jurisdiction an office, leader or inspector account serves (nil: the whole instance). Reporters belong
    /// to their unit's jurisdiction.
    var jurisdictionID: Int64? = nil
}

/// Reads and writes user accounts.
struct UserStore: Sendable {

    /// Stores a new account; fails with a conflict when the username is taken. A reporter always carries its unit's
    /// jurisdiction, whatever the caller passed.
    func insert(
        username: String, passwordHash: String, role: Role, unitID: Int64?, jurisdictionID: Int64? = nil, now: Date, on db: any SQLDatabase
    ) async throws -> User {
        if try await user(username: username, on: db) != nil {
            throw AppError.conflict("A user named \(username) already exists.")
        }
        let jurisdictionID = try await Self.jurisdiction(role: role, unitID: unitID, given: jurisdictionID, on: db)
        let id = try await db.insert(into: "users")
            .columns("username", "password_hash", "role", "unit_id", "jurisdiction_id", "created_at")
            .values(
                SQLBind(username), SQLBind(passwordHash), SQLBind(role.rawValue), SQLBind(unitID), SQLBind(jurisdictionID),
                SQLBind(Timestamp.string(from: now))
            )
            .insertedID()
        return User(id: id, username: username, passwordHash: passwordHash, role: role, unitID: unitID, jurisdictionID: jurisdictionID)
    }

    func user(username: String, on db: any SQLDatabase) async throws -> User? {
        try await db.select().column("*").from("users").where("username", .equal, username).first().map(Self.user)
    }

    func userCount(on db: any SQLDatabase) async throws -> Int {
        let row = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("users").first()
        return try row?.int("n") ?? 0
    }

    /// The jurisdiction an account is stored with: a reporter's unit's, anyone else's as given.
    static func jurisdiction(role: Role, unitID: Int64?, given: Int64?, on db: any SQLDatabase) async throws -> Int64? {
        guard role.requiresUnit, let unitID else { return given }
        return try await db.select().column("jurisdiction_id").from("units").where("id", .equal, unitID).first()?.int64("jurisdiction_id")
    }

    static func user(_ row: any SQLRow) throws -> User {
        User(
            id: try row.int64("id"), username: try row.string("username"), passwordHash: try row.string("password_hash"),
            role: try row.enumeration("role", as: Role.self), unitID: try row.optionalInt64("unit_id"),
            disabled: try row.bool("disabled"), jurisdictionID: try row.optionalInt64("jurisdiction_id")
        )
    }
}

extension User {
    /// The account as the authorization policies see it, with the reach its place in the tree gives.
    func principal(reach: PlanReach) -> Principal {
        Principal(userID: id, role: role, unitID: unitID, reach: reach)
    }
}
