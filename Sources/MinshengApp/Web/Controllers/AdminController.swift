import Foundation
import Hummingbird
import MinshengCore
import NIOPosix
import SQLKit

/// The supervision office's administration: users, units and group members, reporting calendars, the audit log;
/// and every user's own API tokens.
struct AdminController {
    let database: AppDatabase
    let configuration: AppConfiguration
    let plans = PlanStore()
    let users = UserStore()
    let audit = AuditLog()

    func register(with router: Router<AppRequestContext>) {
        router.get(SiteURL.adminUsers.routerPath, use: listUsers)
        router.post(SiteURL.adminUsers.routerPath, use: createUser)
        router.post(SiteURL.adminUser(.key).routerPath, use: updateUser)
        router.get(SiteURL.adminUnits.routerPath, use: listUnits)
        router.post(SiteURL.adminUnitMembers(.key).routerPath, use: setMembers)
        router.get(SiteURL.adminCalendar(.key).routerPath, use: showCalendar)
        router.post(SiteURL.adminCalendar(.key).routerPath, use: saveCalendar)
        router.get(SiteURL.adminAudit.routerPath, use: showAudit)
        router.get(SiteURL.tokens.routerPath, use: listTokens)
        router.post(SiteURL.tokens.routerPath, use: createToken)
        router.post(SiteURL.revokeToken(.key).routerPath, use: revokeToken)
    }

    // MARK: Users

    private func usersPage(_ context: AppRequestContext, message: String?) async throws -> String {
        try await database.read { db in
            let all = try await users.users(on: db)
            let jurisdictionIDs = Set(try await plans.plans(on: db).map(\.jurisdictionID))
            var units: [MinshengCore.Unit] = []
            for id in jurisdictionIDs.sorted() { units += try await plans.units(jurisdictionID: id, on: db) }
            return UsersPage(users: all, units: units, message: message, page: PageContext(context, path: SiteURL.adminUsers.path)).render()
        }
    }

    @Sendable func listUsers(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        _ = try context.requireRole(.admin)
        return HTMLPage(html: try await usersPage(context, message: nil))
    }

    @Sendable func createUser(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireRole(.admin)
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        let account = try Self.account(form, requirePassword: true, language: context.language)
        let hash = try await NIOThreadPool.singleton.runIfActive { Passwords.hash(account.password ?? "") }
        let actor = context.auditActor
        let created = try await database.write { db in
            let user = try await users.insert(username: account.username, passwordHash: hash, role: account.role, unitID: account.unitID, on: db)
            try await audit.record("user.create", entity: "user", id: user.id, after: UserSnapshot(user), by: actor, on: db)
            return user
        }
        return try HTMLPage(html: try await usersPage(context, message: "✓ \(created.username)")).response(from: request, context: context)
    }

    @Sendable func updateUser(_ request: Request, context: AppRequestContext) async throws -> Response {
        let admin = try context.requireRole(.admin)
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        guard let role = form["role"].flatMap(Role.init(rawValue:)) else { throw AppError.invalidInput("Choose a role.") }
        let unitID = form.text("unit").flatMap(Int64.init)
        if role.requiresUnit && unitID == nil {
            throw AppError.invalidInput(context.language == .zh ? "报送员必须属于一个单位。" : "A reporter belongs to a unit.")
        }
        let disabled = form["disabled"] != nil
        if id == admin.id && (disabled || role != .admin) {
            throw AppError.invalidInput(context.language == .zh ? "不能停用自己或取消自己的管理员角色。" : "You cannot disable yourself or drop your own admin role.")
        }
        let password = form.text("password")
        if let password, password.count < 10 {
            throw AppError.invalidInput(context.language == .zh ? "密码至少 10 个字符。" : "A password has at least 10 characters.")
        }
        let hash = try await password.asyncMap { password in try await NIOThreadPool.singleton.runIfActive { Passwords.hash(password) } }
        let actor = context.auditActor
        try await database.write { db in
            guard let before = try await users.user(id: id, on: db) else { throw AppError.notFound("No user has id \(id).") }
            try await users.update(userID: id, role: role, unitID: unitID, disabled: disabled, on: db)
            if let hash { try await users.setPassword(userID: id, hash: hash, on: db) }
            let after = try await users.user(id: id, on: db)
            try await audit.record(hash == nil ? "user.update" : "user.update+password", entity: "user", id: id,
                                   before: UserSnapshot(before), after: after.map(UserSnapshot.init), by: actor, on: db)
        }
        return .redirect(to: SiteURL.adminUsers.path, type: .normal)
    }

    /// The fields of a new account.
    struct Account {
        var username: String
        var role: Role
        var unitID: Int64?
        var password: String?
    }

    static func account(_ form: FormFields, requirePassword: Bool, language: Language) throws -> Account {
        guard let username = form.text("username"), username.count <= 64 else {
            throw AppError.invalidInput(language == .zh ? "请填写用户名（不超过 64 个字符）。" : "Give a username of up to 64 characters.")
        }
        guard let role = form["role"].flatMap(Role.init(rawValue:)) else { throw AppError.invalidInput("Choose a role.") }
        let unitID = form.text("unit").flatMap(Int64.init)
        if role.requiresUnit && unitID == nil {
            throw AppError.invalidInput(language == .zh ? "报送员必须属于一个单位。" : "A reporter belongs to a unit.")
        }
        let password = form["password"]
        if requirePassword, (password ?? "").count < 10 {
            throw AppError.invalidInput(language == .zh ? "密码至少 10 个字符。" : "A password has at least 10 characters.")
        }
        return Account(username: username, role: role, unitID: unitID, password: password)
    }

    // MARK: Units

    @Sendable func listUnits(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        _ = try context.requireRole(.admin)
        return HTMLPage(html: try await unitsPage(context, message: nil))
    }

    private func unitsPage(_ context: AppRequestContext, message: String?) async throws -> String {
        try await database.read { db in
            let plan = try await plans.plans(on: db).first
            let units = try await plan.asyncMap { try await plans.units(jurisdictionID: $0.jurisdictionID, on: db) } ?? []
            let members = try await plan.asyncMap { try await UnitStore().members(jurisdictionID: $0.jurisdictionID, on: db) } ?? [:]
            return UnitsPage(plan: plan, units: units, members: members, message: message, page: PageContext(context, path: SiteURL.adminUnits.path)).render()
        }
    }

    @Sendable func setMembers(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireRole(.admin)
        let groupID = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        let memberIDs = form.all("member").compactMap(Int64.init)
        let actor = context.auditActor
        try await database.write { db in
            guard let group = try await plans.unit(id: groupID, on: db), group.kind == .group else {
                throw AppError.notFound("No group unit has id \(groupID).")
            }
            let all = Set(try await plans.units(jurisdictionID: group.jurisdictionID, on: db).filter { $0.kind != .group }.map(\.id))
            guard memberIDs.allSatisfy(all.contains) else { throw AppError.invalidInput("Members must be units of the same jurisdiction.") }
            let before = try await UnitStore().members(jurisdictionID: group.jurisdictionID, on: db)[groupID] ?? []
            try await UnitStore().setMembers(groupID: groupID, memberIDs: memberIDs, on: db)
            try await audit.record("unit.members", entity: "unit", id: groupID, before: before, after: memberIDs.sorted(), by: actor, on: db)
        }
        return .redirect(to: SiteURL.adminUnits.path, type: .normal)
    }

    // MARK: Calendar

    @Sendable func showCalendar(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        _ = try context.requireRole(.admin)
        let id = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        return HTMLPage(html: try await calendarPage(id, context: context, message: nil))
    }

    private func calendarPage(_ planID: Int64, context: AppRequestContext, message: String?) async throws -> String {
        try await database.read { db in
            guard let plan = try await plans.plan(id: planID, on: db) else { throw AppError.notFound("No plan has id \(planID).") }
            return CalendarPage(
                plan: plan, calendar: try await plans.calendar(planID: planID, on: db), items: try await plans.items(planID: planID, on: db),
                cadences: try await plans.cadences(planID: planID, on: db), message: message,
                page: PageContext(context, path: SiteURL.adminCalendar(.value(planID)).path)
            ).render()
        }
    }

    @Sendable func saveCalendar(_ request: Request, context: AppRequestContext) async throws -> Response {
        _ = try context.requireRole(.admin)
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        guard let dueDay = form.text("dueDay").flatMap(Int.init), (1...28).contains(dueDay) else {
            throw AppError.invalidInput(context.language == .zh ? "截止日应为 1 到 28 之间的整数。" : "The due day is a whole number from 1 to 28.")
        }
        let quarterly = Set(form.all("quarterly").compactMap(Int64.init))
        let actor = context.auditActor
        try await database.write { db in
            let before = try await plans.calendar(planID: planID, on: db)
            let beforeQuarterly = try await plans.cadences(planID: planID, on: db).keys.sorted()
            try await plans.setDueDay(planID: planID, dueDay: dueDay, on: db)
            for item in try await plans.items(planID: planID, on: db) {
                try await plans.setCadence(itemID: item.id, cadence: quarterly.contains(item.id) ? .quarterly : .monthly, on: db)
            }
            try await audit.record("plan.calendar", entity: "plan", id: planID,
                                   before: CalendarSnapshot(dueDay: before.dueDay, quarterlyItemIds: beforeQuarterly),
                                   after: CalendarSnapshot(dueDay: dueDay, quarterlyItemIds: quarterly.sorted()), by: actor, on: db)
        }
        let html = try await calendarPage(planID, context: context, message: "✓")
        return try HTMLPage(html: html).response(from: request, context: context)
    }

    // MARK: Audit

    @Sendable func showAudit(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        _ = try context.requireRole(.admin)
        let offset = max(0, request.uri.queryParameters.get("offset").flatMap { Int(String($0)) } ?? 0)
        let entries = try await database.read { try await audit.entries(limit: 201, offset: offset, on: $0) }
        return HTMLPage(html: AuditPage(
            entries: Array(entries.prefix(200)), page: PageContext(context, path: SiteURL.adminAudit.path),
            nextOffset: entries.count > 200 ? offset + 200 : nil
        ).render())
    }

    // MARK: Tokens

    @Sendable func listTokens(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.requireUser()
        let tokens = try await database.read { try await TokenStore().tokens(userID: user.id, on: $0) }
        return HTMLPage(html: TokensPage(tokens: tokens, newSecret: nil, page: PageContext(context, path: SiteURL.tokens.path)).render())
    }

    @Sendable func createToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        guard let name = form.text("name"), name.count <= 100 else { throw AppError.invalidInput("Give the token a name of up to 100 characters.") }
        let actor = context.auditActor
        let (secret, tokens) = try await database.write { db -> (String, [APIToken]) in
            let created = try await TokenStore().create(userID: user.id, name: name, on: db)
            try await audit.record("token.create", entity: "token", id: created.token.id, after: created.token, by: actor, on: db)
            return (created.secret, try await TokenStore().tokens(userID: user.id, on: db))
        }
        let html = TokensPage(tokens: tokens, newSecret: secret, page: PageContext(context, path: SiteURL.tokens.path)).render()
        return try HTMLPage(html: html).response(from: request, context: context)
    }

    @Sendable func revokeToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        let actor = context.auditActor
        try await database.write { db in
            guard try await TokenStore().revoke(id: id, userID: user.id, on: db) else { throw AppError.notFound("No live token of yours has id \(id).") }
            try await audit.record("token.revoke", entity: "token", id: id, by: actor, on: db)
        }
        return .redirect(to: SiteURL.tokens.path, type: .normal)
    }
}

/// A user as the audit log records it: never the password hash.
struct UserSnapshot: Encodable {
    var id: Int64
    var username: String
    var role: String
    var unitId: Int64?
    var disabled: Bool

    init(_ user: User) {
        id = user.id
        username = user.username
        role = user.role.rawValue
        unitId = user.unitID
        disabled = user.disabled
    }
}

struct CalendarSnapshot: Encodable {
    var dueDay: Int
    var quarterlyItemIds: [Int64]
}

extension Optional {
    /// Maps with an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
