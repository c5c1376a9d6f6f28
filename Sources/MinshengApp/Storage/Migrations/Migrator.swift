import Foundation
import Logging
import SQLKit

/// Applies pending migrations, each in its own transaction, and records them in `schema_migrations`.
///
/// On PostgreSQL an advisory lock makes instances that start together take turns.
struct Migrator: Sendable {
    let database: AppDatabase
    let logger: Logger
    /// When each migration is recorded as applied.
    let clock: @Sendable () -> Date

    init(database: AppDatabase, logger: Logger, clock: @escaping @Sendable () -> Date) {
        self.clock = clock
        self.database = database
        self.logger = logger
    }

    /// Runs every migration not yet applied; returns the names it applied.
    @discardableResult
    func migrate() async throws -> [String] {
        try await database.write { sql in
            try await sql.create(table: "schema_migrations")
                .ifNotExists()
                .column("name", type: .text, .primaryKey(autoIncrement: false))
                .column("applied_at", type: .text, .notNull)
                .run()
        }
        var applied: [String] = []
        for migration in Migrations.all {
            let didApply = try await database.write { sql in
                if self.database.engine == .postgres {
                    try await sql.raw("SELECT pg_advisory_xact_lock(7212019)").run()
                }
                let existing = try await sql.select().column("name").from("schema_migrations")
                    .where("name", .equal, migration.name).first()
                guard existing == nil else { return false }
                try await migration.prepare(on: sql)
                try await sql.insert(into: "schema_migrations")
                    .columns("name", "applied_at")
                    .values(SQLBind(migration.name), SQLBind(Timestamp.string(from: clock())))
                    .run()
                return true
            }
            if didApply {
                logger.info("Applied migration \(migration.name)")
                applied.append(migration.name)
            }
        }
        return applied
    }

    /// The names of the migrations applied so far, in order.
    func appliedMigrations() async throws -> [String] {
        try await database.read { sql in
            try await sql.select().column("name").from("schema_migrations").orderBy("name").all()
                .map { try $0.decode(column: "name", as: String.self) }
        }
    }
}

/// Timestamps as stored: ISO 8601 in UTC with seconds, which sort as text on both engines.
enum Timestamp {
    static func string(from date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }
}
