import Foundation
import Logging
import MinshengCore

/// What happens when Minsheng starts on a database: migrations, and on a new database the admin account and demo.
struct FirstStart: Sendable {
    /// What a start did.
    struct Outcome: Sendable, Equatable {
        var appliedMigrations: [String]
        /// The admin login created on this start, if any. Printed once, never stored in clear.
        var createdAdmin: (username: String, password: String)?
        var loadedDemo: Bool

        /// What to tell the person who started Minsheng: the demo, and the admin login exactly once.
        var announcement: [String] {
            var lines: [String] = []
            if loadedDemo { lines.append("Loaded the demo plan: 2019年洛阳市重点民生实事工作方案.") }
            if let admin = createdAdmin {
                lines.append("Created the admin account (shown only this once):")
                lines.append("  username: \(admin.username)")
                lines.append("  password: \(admin.password)")
                if loadedDemo {
                    lines.append("Demo accounts with the same password: " + DemoLoader.accountSummary.joined(separator: ", "))
                }
            }
            return lines
        }

        static func == (lhs: Outcome, rhs: Outcome) -> Bool {
            lhs.appliedMigrations == rhs.appliedMigrations && lhs.loadedDemo == rhs.loadedDemo
                && lhs.createdAdmin?.username == rhs.createdAdmin?.username && lhs.createdAdmin?.password == rhs.createdAdmin?.password
        }
    }

    static let adminUsername = "admin"

    let database: AppDatabase
    let logger: Logger
    let clock: @Sendable () -> Date

    init(database: AppDatabase, logger: Logger, clock: @escaping @Sendable () -> Date) {
        self.clock = clock
        self.database = database
        self.logger = logger
    }

    /// Migrates; on a database without users creates the admin (password from `adminPassword` or random)
    /// and, unless `loadDemo` is false, the demo plan, all in one transaction.
    func run(loadDemo: Bool, adminPassword: String?) async throws -> Outcome {
        let applied = try await Migrator(database: database, logger: logger, clock: clock).migrate()
        let users = UserStore()
        guard try await database.read({ try await users.userCount(on: $0) }) == 0 else {
            return Outcome(appliedMigrations: applied, createdAdmin: nil, loadedDemo: false)
        }
        let password = adminPassword.flatMap { $0.isEmpty ? nil : $0 } ?? Passwords.random()
        let hash = Passwords.hash(password)
        let loadedDemo = try await database.write { db in
            // Another instance may have initialised the database since the check above.
            guard try await users.userCount(on: db) == 0 else { return false }
            let admin = try await users.insert(username: Self.adminUsername, passwordHash: hash, role: .admin, unitID: nil, now: clock(), on: db)
            try await AuditLog(clock: clock).record("user.create", entity: "user", id: admin.id, after: UserSnapshot(admin), by: .system, on: db)
            if loadDemo, try await PlanStore().planCount(on: db) == 0 {
                let plan = try await DemoLoader(clock: clock).load(on: db)
                try await DemoLoader(clock: clock).addStory(plan: plan, adminID: admin.id, passwordHash: hash, on: db)
                return true
            }
            return false
        }
        let created = try await database.read { try await users.user(username: Self.adminUsername, on: $0) }
        guard created?.passwordHash == hash else {
            return Outcome(appliedMigrations: applied, createdAdmin: nil, loadedDemo: false)
        }
        return Outcome(appliedMigrations: applied, createdAdmin: (Self.adminUsername, password), loadedDemo: loadedDemo)
    }
}
