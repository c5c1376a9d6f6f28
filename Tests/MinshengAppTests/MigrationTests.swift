import Foundation
import SQLKit
import Testing

@testable import MinshengApp

@Suite struct MigrationTests {
    @Test(arguments: TestEngine.available)
    func migrationsRunOnAnEmptyDatabaseAndASecondRunChangesNothing(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let migrator = Migrator(database: database, logger: TestDatabase.logger, clock: TestDatabase.clock)
            let first = try await migrator.migrate()
            #expect(first == Migrations.all.map(\.name))
            let schemaAfterFirst = try await Self.schema(of: database)
            #expect(schemaAfterFirst.contains { $0.hasPrefix("plans.") })
            #expect(schemaAfterFirst.contains { $0.hasPrefix("indicators.target") })

            let second = try await migrator.migrate()
            #expect(second.isEmpty)
            #expect(try await Self.schema(of: database) == schemaAfterFirst)
            #expect(try await migrator.appliedMigrations() == Migrations.all.map(\.name))
        }
    }

    @Test func migrationNamesAreUniqueAndOrdered() {
        let names = Migrations.all.map(\.name)
        #expect(Set(names).count == names.count)
        #expect(names == names.sorted())
    }

    /// Every table column (and on SQLite every schema object), as sortable lines.
    static func schema(of database: AppDatabase) async throws -> [String] {
        try await database.read { db in
            switch database.engine {
            case .sqlite:
                var lines: [String] = []
                let tables = try await db.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all()
                for table in tables {
                    let name = try table.decode(column: "name", as: String.self)
                    let columns = try await db.raw("SELECT name, type FROM pragma_table_info(\(bind: name)) ORDER BY cid").all()
                    for column in columns {
                        lines.append(
                            "\(name).\(try column.decode(column: "name", as: String.self)) \(try column.decode(column: "type", as: String.self))")
                    }
                }
                let objects = try await db.raw("SELECT type, name FROM sqlite_master ORDER BY type, name").all()
                lines += try objects.map { "\(try $0.decode(column: "type", as: String.self)) \(try $0.decode(column: "name", as: String.self))" }
                return lines
            case .postgres:
                let columns = try await db.raw(
                    """
                    SELECT table_name, column_name, data_type FROM information_schema.columns
                    WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position
                    """
                ).all()
                let indexes = try await db.raw("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname").all()
                return try columns.map {
                    """
                    \(try $0.decode(column: "table_name", as: String.self)).\(try $0.decode(column: "column_name", as: String.self)) \
                    \(try $0.decode(column: "data_type", as: String.self))
                    """
                } + indexes.map { "index \(try $0.decode(column: "indexname", as: String.self))" }
            }
        }
    }
}
