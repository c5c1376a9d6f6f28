import ArgumentParser
import Foundation
import Logging

/// Where a command finds its data: `--data-dir` (or `MINSHENG_DATA_DIR`, default `./data`) for the embedded
/// SQLite database, or PostgreSQL when `DATABASE_URL` is set.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Folder for the embedded database and uploads (default: $MINSHENG_DATA_DIR or ./data).")
    var dataDirectory: String?

    var resolvedDataDirectory: String {
        dataDirectory ?? ProcessInfo.processInfo.environment["MINSHENG_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data"
    }

    func databaseConfiguration() throws -> DatabaseConfiguration {
        try DatabaseConfiguration.resolve(dataDirectory: resolvedDataDirectory, environment: ProcessInfo.processInfo.environment)
    }

    /// Opens the database, migrates it unless `migrate` is false, runs `work`, and closes it whatever happens.
    func withDatabase<T: Sendable>(logger: Logger, migrate: Bool = true, _ work: (AppDatabase) async throws -> T) async throws -> T {
        let database = try await AppDatabase.open(try databaseConfiguration(), logger: logger)
        do {
            if migrate { try await Migrator(database: database, logger: logger, clock: Console.clock).migrate() }
            let result = try await work(database)
            await database.shutdown()
            return result
        } catch {
            await database.shutdown()
            throw error
        }
    }
}

/// The logger commands use: standard error, level from `LOG_LEVEL` (default info).
enum CommandLogging {
    static let bootstrap: Void = {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
            return handler
        }
    }()

    static func logger(_ label: String = "minsheng") -> Logger {
        _ = bootstrap
        return Logger(label: label)
    }
}
