import Hummingbird

/// Cross-site request forgery checks: forms of a session carry its token; the login form carries a token that
/// matches a cookie set when the form was shown.
enum CSRF {
    static let fieldName = "_csrf"
    static let cookieName = "minsheng_csrf"

    /// Checks the token of a signed-in form.
    static func check(_ token: String?, context: AppRequestContext) throws {
        guard let session = context.session, let token, Tokens.equal(token, session.csrfToken) else {
            throw AppError(.forbidden, RequestWords(language: context.language).formExpiredOrForeign)
        }
    }

    /// Checks the token of a form shown to a visitor who is not signed in.
    static func checkAnonymous(_ token: String?, request: Request, context: AppRequestContext) throws {
        guard let cookie = context.cookie(cookieName, of: request), let token, Tokens.equal(token, cookie) else {
            throw AppError(.forbidden, RequestWords(language: context.language).formExpired)
        }
    }
}
