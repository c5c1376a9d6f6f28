import Foundation
import MinshengCore
import SQLKit

extension UserStore {
    /// The accounts a user's reach covers: accounts of its jurisdiction and below (instance-wide accounts only for
    /// instance-wide users).
    func users(within reach: PlanReach, on db: any SQLDatabase) async throws -> [User] {
        let all = try await users(on: db)
        guard !reach.isEverything else { return all }
        let units = try await PlanStore().allUnits(on: db)
        let unitJurisdictions = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.jurisdictionID) })
        return all.filter { user in
            guard let jurisdiction = user.jurisdictionID ?? user.unitID.flatMap({ unitJurisdictions[$0] }) else { return false }
            return reach.covers(jurisdictionID: jurisdiction)
        }
    }

    func users(on db: any SQLDatabase) async throws -> [User] {
        try await db.select().column("*").from("users").orderBy("username").all().map(Self.user)
    }

    func user(id: Int64, on db: any SQLDatabase) async throws -> User? {
        try await db.select().column("*").from("users").where("id", .equal, id).first().map(Self.user)
    }

    func setPassword(userID: Int64, hash: String, on db: any SQLDatabase) async throws {
        try await db.update("users").set("password_hash", to: SQLBind(hash)).where("id", .equal, userID).run()
    }

    /// Changes an account's role, unit, jurisdiction (a reporter's is always its unit's) and status.
    func update(userID: Int64, role: Role, unitID: Int64?, jurisdictionID: Int64?, disabled: Bool, on db: any SQLDatabase) async throws {
        let jurisdictionID = try await Self.jurisdiction(role: role, unitID: unitID, given: jurisdictionID, on: db)
        try await db.update("users").set("role", to: SQLBind(role.rawValue)).set("unit_id", to: SQLBind(unitID))
            .set("jurisdiction_id", to: SQLBind(jurisdictionID)).set("disabled", to: SQLBind(disabled)).where("id", .equal, userID).run()
    }

    /// Ends every session of an account and revokes its live API tokens (after a new password or when disabled).
    func endSessionsAndTokens(userID: Int64, now: Date, on db: any SQLDatabase) async throws {
        try await db.delete(from: "sessions").where("user_id", .equal, userID).run()
        try await db.update("api_tokens").set("revoked_at", to: SQLBind(Timestamp.string(from: now))).where("user_id", .equal, userID)
            .where("revoked_at", .is, SQLLiteral.null).run()
    }
}
