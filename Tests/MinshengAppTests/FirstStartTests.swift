import Foundation
import MinshengCore
import Testing

@testable import MinshengApp

@Suite struct FirstStartTests {
    @Test(arguments: TestEngine.available)
    func aNewDatabaseGetsTheAdminLoginOnceAndTheDemoOnce(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let start = FirstStart(database: database, logger: TestDatabase.logger, clock: TestDatabase.clock)
            let first = try await start.run(loadDemo: true, adminPassword: nil)
            #expect(first.appliedMigrations == Migrations.all.map(\.name))
            #expect(first.loadedDemo)
            let admin = try #require(first.createdAdmin)
            #expect(admin.username == "admin")
            #expect(admin.password.count == 16)
            #expect(first.announcement.contains("  password: \(admin.password)"))

            let second = try await start.run(loadDemo: true, adminPassword: nil)
            #expect(second.createdAdmin == nil)
            #expect(!second.loadedDemo)
            #expect(second.appliedMigrations.isEmpty)
            #expect(!second.announcement.joined().contains("password"))

            let plans = try await database.read { try await PlanStore().planCount(on: $0) }
            #expect(plans == 1)
            let stored = try #require(try await database.read { try await UserStore().user(username: "admin", on: $0) })
            #expect(stored.role == .admin)
            #expect(stored.passwordHash != admin.password)
            #expect(Passwords.verify(admin.password, hash: stored.passwordHash))
        }
    }

    @Test(arguments: TestEngine.available)
    func theAdminPasswordCanBeGivenAndTheDemoSkipped(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let outcome = try await FirstStart(database: database, logger: TestDatabase.logger, clock: TestDatabase.clock).run(
                loadDemo: false, adminPassword: "s3cret-pass")
            #expect(outcome.createdAdmin?.password == "s3cret-pass")
            #expect(!outcome.loadedDemo)
            #expect(try await database.read { try await PlanStore().planCount(on: $0) } == 0)
        }
    }
}
