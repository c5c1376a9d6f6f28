import Foundation
import Logging
import SQLKit
import Testing

@testable import MinshengApp

/// The database engines tests run on: SQLite always, PostgreSQL when `MINSHENG_TEST_DATABASE_URL` is set.
enum TestEngine: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case sqlite
    case postgres

    static var postgresURL: String? {
        ProcessInfo.processInfo.environment["MINSHENG_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The engines available in this run.
    static var available: [TestEngine] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    var testDescription: String { rawValue }
}

enum TestDatabase {
    /// The tests' wall clock, for what a test stamps without a fixed time.
    static let clock: @Sendable () -> Date = { Date() }

    /// A configuration with a temporary data folder and, when given, a fixed clock.
    static func configuration(now: Date? = nil) -> AppConfiguration {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-test-data-\(UUID().uuidString)").path
        if let now { return AppConfiguration(dataDirectory: folder, clock: { now }) }
        return AppConfiguration(dataDirectory: folder, clock: clock)
    }

    static let logger: Logger = {
        var logger = Logger(label: "minsheng-test")
        logger.logLevel = .warning
        return logger
    }()

    /// Runs `body` against a new, empty database of the engine (a temporary SQLite file or a fresh PostgreSQL
    /// schema), migrated unless `migrate` is false, and removes it afterwards.
    static func with<T: Sendable>(
        _ engine: TestEngine, migrate: Bool = true, _ body: (AppDatabase) async throws -> T
    ) async throws -> T {
        let (configuration, cleanup) = try await make(engine)
        let database = try await AppDatabase.open(configuration, logger: logger)
        do {
            if migrate { try await Migrator(database: database, logger: logger, clock: clock).migrate() }
            let result = try await body(database)
            await database.shutdown()
            try await cleanup()
            return result
        } catch {
            await database.shutdown()
            try? await cleanup()
            throw error
        }
    }

    /// A configuration for a new empty database, and how to remove it.
    static func make(_ engine: TestEngine) async throws -> (DatabaseConfiguration, @Sendable () async throws -> Void) {
        switch engine {
        case .sqlite:
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-test-\(UUID().uuidString)")
            let path = folder.appendingPathComponent(DatabaseConfiguration.sqliteFileName).path
            return (.sqlite(path: path), { try? FileManager.default.removeItem(at: folder) })
        case .postgres:
            guard let url = TestEngine.postgresURL else { throw AppError.badConfiguration("MINSHENG_TEST_DATABASE_URL is not set") }
            let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            try await adminExecute(url: url, "CREATE SCHEMA \(schema)")
            return (.postgres(url: url, searchPath: schema), { try await adminExecute(url: url, "DROP SCHEMA \(schema) CASCADE") })
        }
    }

    private static func adminExecute(url: String, _ statement: String) async throws {
        let admin = try await AppDatabase.open(.postgres(url: url), logger: logger)
        do {
            try await admin.write { try await $0.raw(SQLQueryString(statement)).run() }
            await admin.shutdown()
        } catch {
            await admin.shutdown()
            throw error
        }
    }
}
