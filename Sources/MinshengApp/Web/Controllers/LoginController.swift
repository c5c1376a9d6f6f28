import Foundation
import Hummingbird
import MinshengCore
import NIOPosix

/// Signing in and out: `GET/POST /login`, `POST /logout`.
struct LoginController {
    let services: Services
    var database: AppDatabase { services.database }
    let users = UserStore()
    let sessions = SessionStore()
    let throttle = LoginThrottle()
    var clock: @Sendable () -> Date { services.clock }

    func register(with routes: SiteRouter) {
        routes.on(SiteURL.login, method: .get, use: show)
        routes.on(SiteURL.login, method: .post, use: login)
        routes.on(SiteURL.logout, method: .post, use: logout)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = Tokens.random()
        let next = Self.safeNext(request.uri.queryParameters.get("next"))
        var response = try HTMLPage(html: LoginPage(language: context.language, csrf: token, next: next, error: nil).render())
            .response(from: request, context: context)
        response.setCookie(
            Cookie(name: CSRF.cookieName, value: token, path: "/", secure: AuthMiddleware.isHTTPS(request), httpOnly: true, sameSite: .strict))
        return response
    }

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormFields.read(request, context: context, limit: 64 * 1024)
        try CSRF.checkAnonymous(form[CSRF.fieldName], request: request, context: context)
        let username = form.text("username") ?? ""
        let password = form["password"] ?? ""
        let next = Self.safeNext(form["next"])
        let now = clock()
        let address = context.clientAddress
        guard let attempt = try await throttle.admit(username: username, address: address, now: now, in: database) else {
            let message = context.language == .zh ? "登录失败次数过多，请15分钟后再试。" : "Too many failed sign-ins; try again in 15 minutes."
            return try failedLogin(request, context: context, next: next, message: message, status: .tooManyRequests)
        }
        let user = try await database.read { try await users.user(username: username, on: $0) }
        // Bcrypt is slow by design; run it off the event loop.
        let verified = try await NIOThreadPool.singleton.runIfActive {
            user.map { Passwords.verify(password, hash: $0.passwordHash) } ?? false
        }
        guard let user, verified, !user.disabled else {
            try await database.write { db in
                try await throttle.settle(attempt, username: username, failed: true, on: db)
                try await AuditLog(clock: clock).record("login.failed", entity: "user", id: username, by: context.auditActor, on: db)
            }
            let message = context.language == .zh ? "用户名或密码不正确。" : "Wrong username or password."
            return try failedLogin(request, context: context, next: next, message: message, status: .unauthorized)
        }
        let created = try await database.write { db in
            try await throttle.settle(attempt, username: username, failed: false, on: db)
            try await AuditLog(clock: clock).record("login", entity: "user", id: user.id, by: AuditActor(user: user, address: address), on: db)
            return try await sessions.create(userID: user.id, now: now, on: db)
        }
        var response = Response.redirect(to: next ?? SiteURL.home.path, type: .normal)
        response.setCookie(AuthMiddleware.cookie(token: created.token, request: request, maxAge: Int(SessionStore.lifetime)))
        return response
    }

    private func failedLogin(_ request: Request, context: AppRequestContext, next: String?, message: String, status: HTTPResponse.Status) throws
        -> Response
    {
        let token = Tokens.random()
        var response = try HTMLPage(html: LoginPage(language: context.language, csrf: token, next: next, error: message).render(), status: status)
            .response(from: request, context: context)
        response.setCookie(
            Cookie(name: CSRF.cookieName, value: token, path: "/", secure: AuthMiddleware.isHTTPS(request), httpOnly: true, sameSite: .strict))
        return response
    }

    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormFields.read(request, context: context, limit: 16 * 1024)
        try CSRF.check(form[CSRF.fieldName], context: context)
        if let session = context.session {
            let actor = context.auditActor
            try await database.write { db in
                try await sessions.delete(id: session.id, on: db)
                try await AuditLog(clock: clock).record("logout", entity: "user", id: session.user.id, by: actor, on: db)
            }
        }
        var response = Response.redirect(to: SiteURL.home.path, type: .normal)
        response.setCookie(AuthMiddleware.cookie(token: "", request: request, maxAge: 0))
        return response
    }

    /// Only paths on this site are followed after login, never another host. Browsers drop tabs and line breaks
    /// from addresses and read a backslash as a slash, so a path holding any control character, space or backslash is
    /// refused, and what remains must be one absolute path (`/x`, not `//host` or `/\\host`).
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.count <= 2048, next.hasPrefix("/") else { return nil }
        let unsafe = next.unicodeScalars.contains { $0.value < 0x21 || $0.value == 0x7F || $0 == "\\" || $0.properties.isWhitespace }
        guard !unsafe, !next.hasPrefix("//"), let components = URLComponents(string: next), components.scheme == nil, components.host == nil
        else { return nil }
        return next
    }
}
