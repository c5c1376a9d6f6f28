import Foundation
import MinshengCore

/// Signing in and out: the throttle, the password check off the event loop, the session and the audit entries.
struct SignInService: Sendable {
    let database: AppDatabase
    let clock: @Sendable () -> Date
    let users = UserStore()
    let sessions = SessionStore()
    let throttle = LoginThrottle()
    var audit: AuditLog { AuditLog(clock: clock) }

    /// How a sign-in ended.
    enum Outcome: Sendable {
        /// Signed in: the new session's token, for the cookie.
        case signedIn(token: String)
        /// Too many recent failures of the account or the address.
        case throttled
        /// A wrong username or password, or a disabled account (not told apart).
        case refused
    }

    /// Signs in with a username and password from `address`; `actor` is who asks (the anonymous visitor).
    func signIn(username: String, password: String, address: String, by actor: AuditActor) async throws -> Outcome {
        let now = clock()
        guard let attempt = try await throttle.admit(username: username, address: address, now: now, in: database) else {
            return .throttled
        }
        let user = try await database.read { try await users.user(username: username, on: $0) }
        let verified = try await user.asyncMap { try await Passwords.verifyAside(password, hash: $0.passwordHash) } ?? false
        guard let user, verified, !user.disabled else {
            try await database.write { db in
                try await throttle.settle(attempt, username: username, failed: true, on: db)
                try await audit.record("login.failed", entity: "user", id: username, by: actor, on: db)
            }
            return .refused
        }
        let created = try await database.write { db in
            try await throttle.settle(attempt, username: username, failed: false, on: db)
            try await audit.record("login", entity: "user", id: user.id, by: AuditActor(user: user, address: address), on: db)
            return try await sessions.create(userID: user.id, now: now, on: db)
        }
        return .signedIn(token: created.token)
    }

    /// Ends a session.
    func signOut(sessionID: String, userID: Int64, by actor: AuditActor) async throws {
        try await database.write { db in
            try await sessions.delete(id: sessionID, on: db)
            try await audit.record("logout", entity: "user", id: userID, by: actor, on: db)
        }
    }
}

/// The words of signing in.
struct SignInWords: Bilingual {
    let language: Language

    var throttled: String { t("登录失败次数过多，请15分钟后再试。", "Too many failed sign-ins; try again in 15 minutes.") }
    var refused: String { t("用户名或密码不正确。", "Wrong username or password.") }
}
