import Foundation
import MinshengCore
import NIOPosix
import SQLKit

/// The office's administration, shared by pages and the API: accounts, group members, reporting calendars and
/// personal tokens, each change audited in its transaction.
public struct AdminService: Sendable {
    let database: AppDatabase
    let plans = PlanStore()
    let users = UserStore()
    let audit = AuditLog()

    public init(database: AppDatabase) {
        self.database = database
    }

    /// A new account's fields.
    public struct NewUser: Sendable, Decodable {
        public var username: String
        public var role: Role
        public var unitId: Int64?
        public var password: String
        /// The jurisdiction an office, leader or inspector serves; nil for the whole instance. A scoped office's
        /// new accounts serve its own jurisdiction.
        public var jurisdictionId: Int64?
    }

    /// Changes to an account.
    public struct UserChange: Sendable, Decodable {
        public var role: Role
        public var unitId: Int64?
        public var disabled: Bool
        public var password: String?
    }

    public func createUser(_ new: NewUser, reach: PlanReach = .everything, by actor: AuditActor, language: Language) async throws -> User {
        let username = new.username.trimmingCharacters(in: .whitespaces)
        guard !username.isEmpty, username.count <= 64 else {
            throw AppError.invalidInput(language == .zh ? "请填写用户名（不超过 64 个字符）。" : "Give a username of up to 64 characters.")
        }
        if new.role.requiresUnit && new.unitId == nil {
            throw AppError.invalidInput(language == .zh ? "报送员必须属于一个单位。" : "A reporter belongs to a unit.")
        }
        try Self.checkPassword(new.password, language: language)
        let hash = try await NIOThreadPool.singleton.runIfActive { Passwords.hash(new.password) }
        return try await database.write { db in
            try await checkUnit(new.unitId, reach: reach, language: language, on: db)
            let jurisdiction = new.role == .reporter ? nil : (reach.jurisdictionID ?? new.jurisdictionId)
            if let jurisdiction, try await plans.jurisdiction(id: jurisdiction, on: db) == nil {
                throw AppError.invalidInput("No jurisdiction has id \(jurisdiction).")
            }
            let user = try await users.insert(
                username: username, passwordHash: hash, role: new.role, unitID: new.unitId, jurisdictionID: jurisdiction, on: db
            )
            try await audit.record("user.create", entity: "user", id: user.id, after: UserSnapshot(user), by: actor, on: db)
            return user
        }
    }

    public func updateUser(
        _ id: Int64, _ change: UserChange, reach: PlanReach = .everything, by admin: User, actor: AuditActor, language: Language
    ) async throws -> User {
        if change.role.requiresUnit && change.unitId == nil {
            throw AppError.invalidInput(language == .zh ? "报送员必须属于一个单位。" : "A reporter belongs to a unit.")
        }
        if id == admin.id && (change.disabled || change.role != .admin) {
            throw AppError.invalidInput(language == .zh ? "不能停用自己或取消自己的管理员角色。" : "You cannot disable yourself or drop your own admin role.")
        }
        if let password = change.password { try Self.checkPassword(password, language: language) }
        let hash = try await change.password.asyncMap { password in try await NIOThreadPool.singleton.runIfActive { Passwords.hash(password) } }
        return try await database.write { db in
            guard let before = try await users.user(id: id, on: db) else { throw AppError.notFound("No user has id \(id).") }
            try await checkUnit(change.unitId, reach: reach, language: language, on: db)
            try await users.update(userID: id, role: change.role, unitID: change.unitId, disabled: change.disabled, on: db)
            if let hash { try await users.setPassword(userID: id, hash: hash, on: db) }
            guard let after = try await users.user(id: id, on: db) else { throw AppError(.internalError, "The user vanished.") }
            try await audit.record(hash == nil ? "user.update" : "user.update+password", entity: "user", id: id,
                                   before: UserSnapshot(before), after: UserSnapshot(after), by: actor, on: db)
            return after
        }
    }

    /// A unit given to an account exists and belongs to a jurisdiction the office runs.
    private func checkUnit(_ unitID: Int64?, reach: PlanReach, language: Language, on db: any SQLDatabase) async throws {
        guard let unitID else { return }
        guard let unit = try await plans.unit(id: unitID, on: db) else { throw AppError.invalidInput("No unit has id \(unitID).") }
        guard reach.runs(jurisdictionID: unit.jurisdictionID) else {
            throw AppError.invalidInput(language == .zh ? "该单位不属于您管辖的地区。" : "That unit is outside your jurisdiction.")
        }
    }

    static func checkPassword(_ password: String, language: Language) throws {
        guard password.count >= 10 else {
            throw AppError.invalidInput(language == .zh ? "密码至少 10 个字符。" : "A password has at least 10 characters.")
        }
    }

    /// Sets the member units of a group unit.
    public func setMembers(groupID: Int64, memberIDs: [Int64], by actor: AuditActor) async throws -> [Int64] {
        try await database.write { db in
            guard let group = try await plans.unit(id: groupID, on: db), group.kind == .group else {
                throw AppError.notFound("No group unit has id \(groupID).")
            }
            let allowed = Set(try await plans.units(jurisdictionID: group.jurisdictionID, on: db).filter { $0.kind != .group }.map(\.id))
            guard memberIDs.allSatisfy(allowed.contains) else { throw AppError.invalidInput("Members must be non-group units of the same jurisdiction.") }
            let before = try await UnitStore().members(jurisdictionID: group.jurisdictionID, on: db)[groupID] ?? []
            try await UnitStore().setMembers(groupID: groupID, memberIDs: memberIDs, on: db)
            let after = Set(memberIDs).sorted()
            try await audit.record("unit.members", entity: "unit", id: groupID, before: before, after: after, by: actor, on: db)
            return after
        }
    }

    /// A plan's reporting calendar as the API shows it.
    public struct Calendar: Sendable, Codable, Equatable {
        public var dueDay: Int
        public var quarterlyItemIds: [Int64]
    }

    public func calendar(planID: Int64, on db: any SQLDatabase) async throws -> Calendar {
        guard try await plans.plan(id: planID, on: db) != nil else { throw AppError.notFound("No plan has id \(planID).") }
        return Calendar(dueDay: try await plans.calendar(planID: planID, on: db).dueDay, quarterlyItemIds: try await plans.cadences(planID: planID, on: db).keys.sorted())
    }

    public func setCalendar(planID: Int64, _ calendar: Calendar, by actor: AuditActor, language: Language) async throws -> Calendar {
        guard (1...28).contains(calendar.dueDay) else {
            throw AppError.invalidInput(language == .zh ? "截止日应为 1 到 28 之间的整数。" : "The due day is a whole number from 1 to 28.")
        }
        return try await database.write { db in
            let before = try await self.calendar(planID: planID, on: db)
            let items = try await plans.items(planID: planID, on: db)
            let quarterly = Set(calendar.quarterlyItemIds)
            guard quarterly.isSubset(of: Set(items.map(\.id))) else { throw AppError.invalidInput("Quarterly items must belong to the plan.") }
            try await plans.setDueDay(planID: planID, dueDay: calendar.dueDay, on: db)
            for item in items {
                try await plans.setCadence(itemID: item.id, cadence: quarterly.contains(item.id) ? .quarterly : .monthly, on: db)
            }
            let after = try await self.calendar(planID: planID, on: db)
            try await audit.record("plan.calendar", entity: "plan", id: planID, before: before, after: after, by: actor, on: db)
            return after
        }
    }

    public func createToken(name: String, for user: User, by actor: AuditActor) async throws -> (secret: String, token: PersonalToken) {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed.count <= 100 else { throw AppError.invalidInput("Give the token a name of up to 100 characters.") }
        return try await database.write { db in
            let created = try await TokenStore().create(userID: user.id, name: trimmed, on: db)
            try await audit.record("token.create", entity: "token", id: created.token.id, after: created.token, by: actor, on: db)
            return created
        }
    }

    public func revokeToken(id: Int64, for user: User, by actor: AuditActor) async throws {
        try await database.write { db in
            guard try await TokenStore().revoke(id: id, userID: user.id, on: db) else { throw AppError.notFound("No live token of yours has id \(id).") }
            try await audit.record("token.revoke", entity: "token", id: id, by: actor, on: db)
        }
    }
}
