import Foundation
import Hummingbird
import MinshengCore
import NIOPosix

/// Signing in and out: `GET/POST /login`, `POST /logout`.
struct LoginController {
    let database: AppDatabase
    let users = UserStore()
    let sessions = SessionStore()

    func register(with router: Router<AppRequestContext>) {
        router.get(SiteURL.login.routerPath, use: show)
        router.post(SiteURL.login.routerPath, use: login)
        router.post(SiteURL.logout.routerPath, use: logout)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = Tokens.random()
        let next = Self.safeNext(request.uri.queryParameters.get("next"))
        var response = try HTMLPage(html: LoginPage(language: context.language, csrf: token, next: next, error: nil).render())
            .response(from: request, context: context)
        response.setCookie(Cookie(name: CSRF.cookieName, value: token, path: "/", secure: AuthMiddleware.isHTTPS(request), httpOnly: true, sameSite: .strict))
        return response
    }

    @Sendable func login(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormFields.read(request, context: context, limit: 64 * 1024)
        try CSRF.checkAnonymous(form[CSRF.fieldName], request: request, context: context)
        let username = form.text("username") ?? ""
        let password = form["password"] ?? ""
        let next = Self.safeNext(form["next"])
        let user = try await database.read { try await users.user(username: username, on: $0) }
        // Bcrypt is slow by design; run it off the event loop.
        let verified = try await NIOThreadPool.singleton.runIfActive {
            user.map { Passwords.verify(password, hash: $0.passwordHash) } ?? false
        }
        guard let user, verified else {
            let message = context.language == .zh ? "用户名或密码不正确。" : "Wrong username or password."
            let token = Tokens.random()
            var response = try HTMLPage(html: LoginPage(language: context.language, csrf: token, next: next, error: message).render(), status: .unauthorized)
                .response(from: request, context: context)
            response.setCookie(Cookie(name: CSRF.cookieName, value: token, path: "/", secure: AuthMiddleware.isHTTPS(request), httpOnly: true, sameSite: .strict))
            return response
        }
        let created = try await database.write { try await sessions.create(userID: user.id, on: $0) }
        var response = Response.redirect(to: next ?? SiteURL.home.path, type: .normal)
        response.setCookie(AuthMiddleware.cookie(token: created.token, request: request, maxAge: Int(SessionStore.lifetime)))
        return response
    }

    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormFields.read(request, context: context, limit: 16 * 1024)
        try CSRF.check(form[CSRF.fieldName], context: context)
        if let session = context.session {
            try await database.write { try await sessions.delete(id: session.id, on: $0) }
        }
        var response = Response.redirect(to: SiteURL.home.path, type: .normal)
        response.setCookie(AuthMiddleware.cookie(token: "", request: request, maxAge: 0))
        return response
    }

    /// Only paths on this site are followed after login, never another host.
    static func safeNext(_ next: String?) -> String? {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return nil }
        return next
    }
}
