import Foundation
import Hummingbird
import Logging
import MinshengCore

/// The request context of Minsheng's routes: Hummingbird's core storage, the reader's language and,
/// once ``AuthMiddleware`` has run, the signed-in session.
struct AppRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    /// The language pages are rendered in, chosen by ``LanguageMiddleware``.
    var language: Language
    /// The session of the signed-in user, if they signed in with the login form.
    var session: Session?
    /// The signed-in user, from the session cookie or an API token.
    var user: User?
    /// The plans the signed-in user may see and run (everything for anonymous visitors, who reach only public routes).
    var reach: PlanReach
    /// The client's network address.
    var clientAddress: String
    /// The request's cookies by name, parsed once by ``LanguageMiddleware`` (nil before it ran).
    var cookies: [String: String]?
    /// The zone in which pages write times (the configured one, set by ``LanguageMiddleware``).
    var timeZone = TimeZone(identifier: "Asia/Shanghai")!

    init(source: Source) {
        self.coreContext = .init(source: source)
        self.language = .zh
        self.session = nil
        self.user = nil
        self.reach = .everything
        self.clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Who is acting, for the audit log.
    var auditActor: AuditActor {
        guard let user else { return AuditActor(userID: nil, name: "anonymous", address: clientAddress) }
        return AuditActor(user: user, address: clientAddress)
    }

    /// The value of a cookie of the request, from the cookies parsed once per request.
    func cookie(_ name: String, of request: Request) -> String? {
        (cookies ?? Self.parseCookies(request.headers[values: .cookie]))[name]
    }

    /// `Cookie` headers as name → value (the first of a repeated name wins, as browsers send the most specific first).
    static func parseCookies(_ headers: [String]) -> [String: String] {
        var cookies: [String: String] = [:]
        for header in headers {
            for pair in header.split(separator: ";") {
                guard let equals = pair.firstIndex(of: "=") else { continue }
                let name = pair[..<equals].trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty, cookies[name] == nil else { continue }
                var value = pair[pair.index(after: equals)...].trimmingCharacters(in: .whitespaces)
                if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
                cookies[name] = value
            }
        }
        return cookies
    }

    /// Uploads up to 20 MB (a plan document with pictures).
    var maxUploadSize: Int { 20 * 1024 * 1024 }

    /// JSON bodies are read with the upload limit, and refused over it with a 413 in the reader's language.
    var requestDecoder: AppRequestDecoder { AppRequestDecoder() }

    /// The signed-in user, or an error that sends the visitor to the login page.
    func requireUser() throws -> User {
        guard let user else {
            throw AppError(.unauthorized, RequestWords(language: language).signInFirst)
        }
        return user
    }

    /// An error for a plan outside the user's reach: it answers as if the plan did not exist.
    func outOfReach() -> AppError {
        AppError.notFound(RequestWords(language: language).outOfReach)
    }

    /// Passes when the user may read a plan, or, for an office's changes, run it.
    func requirePlan(_ planID: Int64, changing: Bool) throws {
        guard let principal else { throw outOfReach() }
        let allowed = changing ? Policy.canChange(planID: planID, principal) : Policy.canRead(planID: planID, principal)
        guard allowed else { throw outOfReach() }
    }

    /// The signed-in person as the authorization policies see them.
    var principal: Principal? {
        user.map { Principal(userID: $0.id, role: $0.role, unitID: $0.unitID, reach: reach) }
    }

    /// The signed-in person as the policies see them, or an error that sends the visitor to the login page.
    func requirePrincipal() throws -> Principal {
        try requireUser().principal(reach: reach)
    }

    /// Whether the signed-in person has a capability (for what a page offers; routes are held to theirs by the gate).
    func may(_ capability: Capability) -> Bool {
        Policy.allows(capability, principal)
    }
}
