import Foundation
import Hummingbird
import MinshengCore

/// Signing in and out: `GET/POST /login`, `POST /logout`.
struct LoginController {
    let services: Services

    func register(with routes: SiteRouter) {
        routes.on(SiteURL.login, method: .get, use: show)
        routes.on(SiteURL.login, method: .post, use: login)
        routes.on(SiteURL.logout, method: .post, use: logout)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let token = Tokens.random()
        let next = Self.safeNext(request.uri.queryParameters.get("next"))
        var response = try HTMLPage(html: Self.loginPage(LoginPage.Model(csrf: token, next: next), context: context))
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
        let words = SignInWords(language: context.language)
        let outcome = try await services.signIn.signIn(
            username: username, password: password, address: context.clientAddress, by: context.auditActor)
        switch outcome {
        case .throttled:
            return try failedLogin(request, context: context, next: next, message: words.throttled, status: .tooManyRequests)
        case .refused:
            return try failedLogin(request, context: context, next: next, message: words.refused, status: .unauthorized)
        case .signedIn(let token):
            var response = Response.redirect(to: next ?? SiteURL.home.path, type: .normal)
            response.setCookie(AuthMiddleware.cookie(token: token, request: request, maxAge: Int(SessionStore.lifetime)))
            return response
        }
    }

    private func failedLogin(_ request: Request, context: AppRequestContext, next: String?, message: String, status: HTTPResponse.Status) throws
        -> Response
    {
        let token = Tokens.random()
        var response = try HTMLPage(html: Self.loginPage(LoginPage.Model(csrf: token, next: next, error: message), context: context), status: status)
            .response(from: request, context: context)
        response.setCookie(
            Cookie(name: CSRF.cookieName, value: token, path: "/", secure: AuthMiddleware.isHTTPS(request), httpOnly: true, sameSite: .strict))
        return response
    }

    /// The sign-in form, rendered without the session: it is the same for everyone.
    private static func loginPage(_ model: LoginPage.Model, context: AppRequestContext) -> String {
        LoginPage.View(model: model, page: PageContext(language: context.language, path: SiteURL.login.path)).render()
    }

    @Sendable func logout(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await FormFields.read(request, context: context, limit: 16 * 1024)
        try CSRF.check(form[CSRF.fieldName], context: context)
        if let session = context.session {
            try await services.signIn.signOut(sessionID: session.id, userID: session.user.id, by: context.auditActor)
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
