import Hummingbird
import Logging
import MinshengCore

/// The request context of Minsheng's routes: Hummingbird's core storage, the reader's language and,
/// once ``AuthMiddleware`` has run, the signed-in session.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The language pages are rendered in, chosen by ``LanguageMiddleware``.
    public var language: Language
    /// The session of the signed-in user, if any.
    public var session: Session?

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.language = .zh
        self.session = nil
    }

    /// Uploads up to 20 MB (a plan document with pictures).
    public var maxUploadSize: Int { 20 * 1024 * 1024 }

    /// The signed-in user, or an error that sends the visitor to the login page.
    public func requireUser() throws -> User {
        guard let user = session?.user else {
            throw AppError(.unauthorized, language == .zh ? "请先登录。" : "Please sign in first.")
        }
        return user
    }

    /// The signed-in user when their role is one of `roles`.
    public func requireRole(_ roles: Role...) throws -> User {
        let user = try requireUser()
        guard roles.contains(user.role) else {
            throw AppError(.forbidden, language == .zh ? "您的角色无权进行此操作。" : "Your role does not allow this.")
        }
        return user
    }
}
