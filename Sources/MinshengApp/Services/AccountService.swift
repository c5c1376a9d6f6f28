import Foundation
import MinshengCore
import SQLKit

/// Creating and changing accounts, for pages, the API and the console alike: every account is placed by
/// ``AccountPolicy`` (so a scoped office only ever produces accounts of its own jurisdiction), and a new password or
/// a disabled account ends the account's sessions and revokes its tokens, each change audited in its transaction.
struct AccountService: Sendable {
    let database: AppDatabase
    let clock: @Sendable () -> Date
    let users = UserStore()
    let plans = PlanStore()
    var audit: AuditLog { AuditLog(clock: clock) }

    init(database: AppDatabase, clock: @escaping @Sendable () -> Date) {
        self.database = database
        self.clock = clock
    }

    /// A new account's fields.
    struct NewUser: Sendable, Decodable {
        var username: String
        var role: Role
        var unitId: Int64?
        var password: String
        /// The jurisdiction an office, leader or inspector serves; absent: the creating office's own.
        var jurisdictionId: Int64?

    }

    /// Changes to an account. An absent `jurisdictionId` keeps the account's jurisdiction; `null` asks for the whole
    /// instance (which only an instance-wide office may give).
    struct UserChange: Sendable, Decodable {
        var role: Role
        var unitId: Int64?
        var disabled: Bool
        var password: String?
        var jurisdiction: AccountPolicy.JurisdictionRequest?

        enum CodingKeys: String, CodingKey { case role, unitId, disabled, password, jurisdictionId }

        init(role: Role, unitId: Int64?, disabled: Bool, password: String?, jurisdiction: AccountPolicy.JurisdictionRequest?) {
            self.role = role
            self.unitId = unitId
            self.disabled = disabled
            self.password = password
            self.jurisdiction = jurisdiction
        }

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            role = try c.decode(Role.self, forKey: .role)
            unitId = try c.decodeIfPresent(Int64.self, forKey: .unitId)
            disabled = try c.decode(Bool.self, forKey: .disabled)
            password = try c.decodeIfPresent(String.self, forKey: .password)
            jurisdiction = c.contains(.jurisdictionId) ? .set(try c.decodeIfPresent(Int64.self, forKey: .jurisdictionId)) : nil
        }
    }

    func createUser(_ new: NewUser, by office: Principal, actor: AuditActor, language: Language) async throws -> User {
        let words = AccountWords(language: language)
        let username = new.username.trimmingCharacters(in: .whitespaces)
        guard !username.isEmpty, username.count <= 64 else { throw AppError.invalidInput(words.usernameRule) }
        try Self.checkPassword(new.password, language: language)
        let hash = try await Passwords.hashAside(new.password)
        return try await database.write { db in
            let unit = try await unitPlacement(new.unitId, words: words, on: db)
            let request: AccountPolicy.JurisdictionRequest = new.jurisdictionId.map { .set($0) } ?? .unspecified
            let placement = try await place(new.role, unit: unit, request, by: office, words: words, on: db)
            let user = try await users.insert(
                username: username, passwordHash: hash, role: placement.role, unitID: placement.unitID,
                jurisdictionID: placement.jurisdictionID, now: clock(), on: db
            )
            try await audit.record("user.create", entity: "user", id: user.id, after: UserSnapshot(user), by: actor, on: db)
            return user
        }
    }

    func updateUser(_ id: Int64, _ change: UserChange, by office: Principal, actor: AuditActor, language: Language) async throws -> User {
        let words = AccountWords(language: language)
        if AccountPolicy.checkSelf(accountID: id, newRole: change.role, disabled: change.disabled, by: office) != nil {
            throw AppError(.invalidInput, AccountPolicy.Refusal.cannotDemoteOrDisableSelf)
        }
        if let password = change.password { try Self.checkPassword(password, language: language) }
        let hash = try await change.password.asyncMap { password in try await Passwords.hashAside(password) }
        let now = clock()
        return try await database.write { db in
            guard let before = try await users.user(id: id, on: db) else { throw AppError.notFound(words.noSuchAccount(id)) }
            let current = try await placement(of: before, on: db)
            guard AccountPolicy.canChange(current, by: office) else { throw AppError.notFound(words.noSuchAccount(id)) }
            let unit = try await unitPlacement(change.unitId, words: words, on: db)
            let placement = try await place(
                change.role, unit: unit, change.jurisdiction ?? .keep(current.jurisdictionID), by: office, words: words, on: db)
            try await users.update(
                userID: id, role: placement.role, unitID: placement.unitID, jurisdictionID: placement.jurisdictionID, disabled: change.disabled,
                on: db
            )
            if let hash { try await users.setPassword(userID: id, hash: hash, on: db) }
            if hash != nil || (change.disabled && !before.disabled) { try await users.endSessionsAndTokens(userID: id, now: now, on: db) }
            guard let after = try await users.user(id: id, on: db) else { throw AdminRefusals.userVanished }
            try await audit.record(
                hash == nil ? "user.update" : "user.update+password", entity: "user", id: id,
                before: UserSnapshot(before), after: UserSnapshot(after), by: actor, on: db
            )
            return after
        }
    }

    /// Sets a new password (the console's reset): ends the account's sessions and revokes its tokens.
    func resetPassword(username: String, password: String, actor: AuditActor, language: Language) async throws {
        try Self.checkPassword(password, language: language)
        let hash = try await Passwords.hashAside(password)
        let now = clock()
        try await database.write { db in
            guard let user = try await users.user(username: username, on: db) else {
                throw AppError.notFound(AccountWords(language: language).noSuchUsername(username))
            }
            try await users.setPassword(userID: user.id, hash: hash, on: db)
            try await users.endSessionsAndTokens(userID: user.id, now: now, on: db)
            try await audit.record("user.password", entity: "user", id: user.id, by: actor, on: db)
        }
    }

    /// Where an existing account serves (an account stored before jurisdictions were explicit takes its unit's).
    private func placement(of user: User, on db: any SQLDatabase) async throws -> AccountPlacement {
        var jurisdiction = user.jurisdictionID
        if jurisdiction == nil, let unitID = user.unitID { jurisdiction = try await plans.unit(id: unitID, on: db)?.jurisdictionID }
        return AccountPlacement(role: user.role, unitID: user.unitID, jurisdictionID: jurisdiction)
    }

    private func unitPlacement(_ unitID: Int64?, words: AccountWords, on db: any SQLDatabase) async throws -> (id: Int64, jurisdictionID: Int64)? {
        guard let unitID else { return nil }
        guard let unit = try await plans.unit(id: unitID, on: db) else { throw AppError.invalidInput(words.noSuchUnit(unitID)) }
        return (unit.id, unit.jurisdictionID)
    }

    private func place(
        _ role: Role, unit: (id: Int64, jurisdictionID: Int64)?, _ request: AccountPolicy.JurisdictionRequest, by office: Principal,
        words: AccountWords, on db: any SQLDatabase
    ) async throws -> AccountPlacement {
        switch AccountPolicy.place(role: role, unit: unit, jurisdiction: request, by: office) {
        case .failure(let refusal):
            throw AppError(refusal == .notAnOffice ? .forbidden : .invalidInput, refusal)
        case .success(let placement):
            if let jurisdiction = placement.jurisdictionID, try await plans.jurisdiction(id: jurisdiction, on: db) == nil {
                throw AppError.invalidInput(words.noSuchJurisdiction(jurisdiction))
            }
            return placement
        }
    }

    static func checkPassword(_ password: String, language: Language) throws {
        guard password.count >= 10 else { throw AppError.invalidInput(AccountWords(language: language).passwordRule) }
    }
}

/// The words of account management, in the reader's language.
struct AccountWords: Bilingual {
    let language: Language

    var usernameRule: String { t("请填写用户名（不超过 64 个字符）。", "Give a username of up to 64 characters.") }
    var passwordRule: String { t("密码至少 10 个字符。", "A password has at least 10 characters.") }
    var chooseRole: String { t("请选择角色。", "Choose a role.") }
    func noSuchAccount(_ id: Int64) -> String { t("没有编号为 \(id) 的账号，或不在您的管辖范围内。", "No account has id \(id), or it is outside your jurisdiction.") }
    func noSuchUsername(_ name: String) -> String { t("没有名为 \(name) 的账号。", "No user is named \(name).") }
    func noSuchUnit(_ id: Int64) -> String { t("没有编号为 \(id) 的单位。", "No unit has id \(id).") }
    func noSuchJurisdiction(_ id: Int64) -> String { t("没有编号为 \(id) 的地区。", "No jurisdiction has id \(id).") }
}
