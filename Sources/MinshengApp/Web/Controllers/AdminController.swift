import Foundation
import Hummingbird
import MinshengCore

/// The supervision office's administration: users, units and group members, reporting calendars, the audit log;
/// and every user's own API tokens.
struct AdminController {
    let services: Services

    var service: AdminService { services.admin }
    var accounts: AccountService { services.accounts }

    func register(with routes: SiteRouter) {
        routes.on(SiteURL.adminUsers, method: .get, use: listUsers)
        routes.on(SiteURL.adminUsers, method: .post, use: createUser)
        routes.on(SiteURL.adminUser(.key), method: .post, use: updateUser)
        routes.on(SiteURL.adminUnits, method: .get, use: listUnits)
        routes.on(SiteURL.adminUnitMembers(.key), method: .post, use: setMembers)
        routes.on(SiteURL.adminCalendar(.key), method: .get, use: showCalendar)
        routes.on(SiteURL.adminCalendar(.key), method: .post, use: saveCalendar)
        routes.on(SiteURL.adminAudit, method: .get, use: showAudit)
        routes.on(SiteURL.tokens, method: .get, use: listTokens)
        routes.on(SiteURL.tokens, method: .post, use: createToken)
        routes.on(SiteURL.revokeToken(.key), method: .post, use: revokeToken)
    }

    // MARK: Users

    private func usersPage(_ context: AppRequestContext, message: String?, search: String = "", page: Int = 1) async throws -> String {
        let model = try await UsersPage.Model.load(services: services, reach: context.reach, search: search, page: page, message: message)
        return UsersPage.View(model: model, page: PageContext(context, path: SiteURL.adminUsers.path)).render()
    }

    @Sendable func listUsers(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let query = request.uri.queryParameters
        let search = query.get("q").map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        let page = query.get("page").flatMap { Int(String($0)) } ?? 1
        return HTMLPage(html: try await usersPage(context, message: nil, search: search, page: page))
    }

    @Sendable func createUser(_ request: Request, context: AppRequestContext) async throws -> Response {
        let office = try context.requirePrincipal()
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        guard let role = form["role"].flatMap(Role.init(rawValue:)) else {
            throw AppError.invalidInput(AccountWords(language: context.language).chooseRole)
        }
        let new = AccountService.NewUser(
            username: form.text("username") ?? "", role: role, unitId: role.requiresUnit ? form.text("unit").flatMap(Int64.init) : nil,
            password: form["password"] ?? "",
            jurisdictionId: form.text("jurisdiction").flatMap(Int64.init)
        )
        let created = try await accounts.createUser(new, by: office, actor: context.auditActor, language: context.language)
        return try HTMLPage(html: try await usersPage(context, message: "✓ \(created.username)")).response(from: request, context: context)
    }

    @Sendable func updateUser(_ request: Request, context: AppRequestContext) async throws -> Response {
        let office = try context.requirePrincipal()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        guard let role = form["role"].flatMap(Role.init(rawValue:)) else {
            throw AppError.invalidInput(AccountWords(language: context.language).chooseRole)
        }
        let change = AccountService.UserChange(
            role: role, unitId: role.requiresUnit ? form.text("unit").flatMap(Int64.init) : nil, disabled: form["disabled"] != nil,
            password: form.text("password"), jurisdiction: nil
        )
        _ = try await accounts.updateUser(id, change, by: office, actor: context.auditActor, language: context.language)
        return .redirect(to: SiteURL.adminUsers.path, type: .normal)
    }

    // MARK: Units

    @Sendable func listUnits(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        return HTMLPage(html: try await unitsPage(context, message: nil))
    }

    private func unitsPage(_ context: AppRequestContext, message: String?) async throws -> String {
        let model = try await UnitsPage.Model.load(services: services, reach: context.reach, message: message)
        return UnitsPage.View(model: model, page: PageContext(context, path: SiteURL.adminUnits.path)).render()
    }

    @Sendable func setMembers(_ request: Request, context: AppRequestContext) async throws -> Response {
        let groupID = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        _ = try await service.setMembers(groupID: groupID, memberIDs: form.all("member").compactMap(Int64.init), by: context.auditActor)
        return .redirect(to: SiteURL.adminUnits.path, type: .normal)
    }

    // MARK: Calendar

    @Sendable func showCalendar(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let id = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        return HTMLPage(html: try await calendarPage(id, context: context, message: nil))
    }

    private func calendarPage(_ planID: Int64, context: AppRequestContext, message: String?) async throws -> String {
        let model = try await CalendarPage.Model.load(services: services, planID: planID, message: message)
        return CalendarPage.View(model: model, page: PageContext(context, path: SiteURL.adminCalendar(.value(planID)).path)).render()
    }

    @Sendable func saveCalendar(_ request: Request, context: AppRequestContext) async throws -> Response {
        let planID = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        if let action = form.text("action") {
            let message = try await closingAction(action, planID: planID, form: form, context: context)
            let html = try await calendarPage(planID, context: context, message: message)
            return try HTMLPage(html: html).response(from: request, context: context)
        }
        let calendar = AdminService.Calendar(
            dueDay: form.text("dueDay").flatMap(Int.init) ?? 0, quarterlyItemIds: form.all("quarterly").compactMap(Int64.init))
        _ = try await service.setCalendar(planID: planID, calendar, by: context.auditActor, language: context.language)
        let html = try await calendarPage(planID, context: context, message: ClosingWords(language: context.language).saved)
        return try HTMLPage(html: html).response(from: request, context: context)
    }

    /// Closes or opens a month, or sets the days after which months close themselves; the sentence that confirms it.
    private func closingAction(_ action: String, planID: Int64, form: FormFields, context: AppRequestContext) async throws -> String {
        let words = ClosingWords(language: context.language)
        let today = services.configuration.today
        let month = form.text("month").flatMap(Int.init) ?? 0
        let name = (1...12).contains(month) ? PeriodWords(language: context.language).monthName(month) : ""
        switch action {
        case "close":
            _ = try await service.closeMonth(planID: planID, month: month, today: today, by: context.auditActor)
            return words.closed(name)
        case "reopen":
            _ = try await service.reopenMonth(planID: planID, month: month, today: today, by: context.auditActor)
            return words.reopened(name)
        default:
            let text = form.text("autoCloseDays") ?? ""
            guard text.isEmpty || Int(text) != nil else { throw AdminRefusals.autoCloseDays }
            _ = try await service.setAutoClose(planID: planID, days: Int(text), today: today, by: context.auditActor)
            return words.saved
        }
    }

    // MARK: Audit

    @Sendable func showAudit(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let offset = max(0, request.uri.queryParameters.get("offset").flatMap { Int(String($0)) } ?? 0)
        let model = try await AuditPage.Model.load(services: services, offset: offset)
        return HTMLPage(html: AuditPage.View(model: model, page: PageContext(context, path: SiteURL.adminAudit.path)).render())
    }

    // MARK: Tokens

    @Sendable func listTokens(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let user = try context.requireUser()
        let model = try await TokensPage.Model.load(services: services, user: user)
        return HTMLPage(html: TokensPage.View(model: model, page: PageContext(context, path: SiteURL.tokens.path)).render())
    }

    @Sendable func createToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        let created = try await service.createToken(name: form["name"] ?? "", for: user, by: context.auditActor)
        let model = try await TokensPage.Model.load(services: services, user: user, newSecret: created.secret)
        let html = TokensPage.View(model: model, page: PageContext(context, path: SiteURL.tokens.path)).render()
        return try HTMLPage(html: html).response(from: request, context: context)
    }

    @Sendable func revokeToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.parameters.require(SiteURL.Key.id, as: Int64.self)
        let form = try await FormFields.read(request, context: context)
        try CSRF.check(form[CSRF.fieldName], context: context)
        try await service.revokeToken(id: id, for: user, by: context.auditActor)
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
    var jurisdictionId: Int64?

    init(_ user: User) {
        id = user.id
        username = user.username
        role = user.role.rawValue
        jurisdictionId = user.jurisdictionID
        unitId = user.unitID
        disabled = user.disabled
    }
}

extension Optional {
    /// Maps with an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
