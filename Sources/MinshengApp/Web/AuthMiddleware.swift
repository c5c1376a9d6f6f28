import Foundation
import Hummingbird
import MinshengCore

/// Finds the session of the request's cookie and puts it in the context.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let cookieName = "minsheng_session"

    let gates: RequestGates

    func handle(_ request: Request, context: AppRequestContext, next: (Request, AppRequestContext) async throws -> Response) async throws -> Response
    {
        var context = context
        if let authorization = request.headers[.authorization] {
            guard authorization.lowercased().hasPrefix("bearer "),
                let found = try await gates.tokenUser(secret: String(authorization.dropFirst(7)).trimmingCharacters(in: .whitespaces))
            else {
                throw AppError(
                    .unauthorized, code: "token.invalid", zh: RequestWords(language: .zh).invalidToken, en: RequestWords(language: .en).invalidToken)
            }
            context.user = found
        } else if let token = context.cookie(Self.cookieName, of: request), !token.isEmpty {
            context.session = try await gates.session(token: token)
            if let session = context.session, !session.user.disabled {
                context.user = session.user
            } else {
                context.session = nil
            }
            // Cookie-authenticated API calls that change data must prove they come from our pages.
            if context.session != nil, SiteURL.isAPI(request.uri.path), ![.get, .head, .options].contains(request.method) {
                try CSRF.check(request.headers.value(named: "x-csrf-token"), context: context)
            }
        }
        if let user = context.user, user.role == .reporter || user.jurisdictionID != nil {
            context.reach = try await gates.reach(of: user)
        }
        return try await next(request, context)
    }

    /// The session cookie: HttpOnly, SameSite=Lax, and Secure when the request came over HTTPS.
    static func cookie(token: String, request: Request, maxAge: Int) -> Cookie {
        Cookie(name: cookieName, value: token, maxAge: maxAge, path: "/", secure: isHTTPS(request), httpOnly: true, sameSite: .lax)
    }

    /// Whether the client reached us over HTTPS, directly or through a proxy that says so.
    static func isHTTPS(_ request: Request) -> Bool {
        request.uri.scheme == .https
            || request.headers.value(named: "x-forwarded-proto")?.lowercased() == "https"
    }
}

extension HTTPFields {
    /// The first value of a header given by its lowercase name.
    func value(named name: String) -> String? {
        first { $0.name.canonicalName == name }?.value
    }
}
