import Foundation
import MinshengCore
import SQLKit

extension UserStore {
    /// Every account, by name.
    /// The accounts a user's reach covers: accounts of its jurisdiction and below (instance-wide accounts only for
    /// instance-wide users).
    public func users(within reach: PlanReach, on db: any SQLDatabase) async throws -> [User] {
        let all = try await users(on: db)
        guard !reach.isEverything else { return all }
        let units = try await PlanStore().allUnits(on: db)
        let unitJurisdictions = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.jurisdictionID) })
        return all.filter { user in
            guard let jurisdiction = user.jurisdictionID ?? user.unitID.flatMap({ unitJurisdictions[$0] }) else { return false }
            return reach.covers(jurisdictionID: jurisdiction)
        }
    }

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
