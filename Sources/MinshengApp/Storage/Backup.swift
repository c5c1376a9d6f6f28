import Foundation
import Logging
import MinshengCore
import SQLKit
import ZIPFoundation

/// Online backups and restores: one ZIP file with the database (a consistent SQLite snapshot by `VACUUM INTO`, or a
/// `pg_dump` archive), the uploads folder, and a manifest with the row counts that a restore checks.
struct Backup: Sendable {
    /// What a backup holds, written into it as `manifest.json`.
    struct Manifest: Sendable, Codable, Equatable {
        var format: Int
        var engine: String
        var createdAt: String
        var migrations: [String]
        var rows: [String: Int]
        var uploads: Int
    }

    /// The tables whose row counts a backup records and a restore checks.
    static let countedTables = [
        "plans", "items", "indicators", "units", "users", "reports", "report_values", "publications", "ratings",
        "supervision_notices", "inspections", "accountability_cases", "documents", "audit_log",
    ]

    let database: AppDatabase
    let uploads: URL
    let logger: Logger
    /// When the backup says it was made.
    let clock: @Sendable () -> Date

    init(database: AppDatabase, uploads: URL, logger: Logger, clock: @escaping @Sendable () -> Date) {
        self.clock = clock
        self.database = database
        self.uploads = uploads
        self.logger = logger
    }

    // MARK: Backing up

    /// Writes a backup to `file` (replaced only when the new backup is complete) and returns its manifest.
    func write(to file: URL) async throws -> Manifest {
        let manager = FileManager.default
        let staging = manager.temporaryDirectory.appendingPathComponent("minsheng-backup-\(UUID().uuidString)")
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: staging) }
        // The row counts and migrations come from the snapshot itself, so writes during the backup cannot make them
        // disagree with what a restore finds.
        let snapshot: (rows: [String: Int], migrations: [String])
        switch database.configuration {
        case .sqlite:
            let target = staging.appendingPathComponent("database.sqlite").path
            try await database.read { db in try await db.raw(SQLQueryString("VACUUM INTO \(literal: target)")).run() }
            let copy = try await AppDatabase.open(.sqlite(path: target), logger: logger)
            do {
                snapshot = try await copy.read { db in (try await Self.counts(on: db), try await Self.migrations(on: db)) }
            } catch {
                await copy.shutdown()
                throw error
            }
            await copy.shutdown()
        case .postgres(let url, let searchPath):
            var arguments = ["--format=custom", "--no-owner", "--no-privileges", "--file", staging.appendingPathComponent("database.pgdump").path]
            if let searchPath { arguments += ["--schema", searchPath] }
            let dumpArguments = arguments
            // pg_dump reads the snapshot this transaction exported, and the counts are read in the same transaction.
            snapshot = try await database.read { db in
                try await db.raw("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY").run()
                do {
                    let id = try await db.raw("SELECT pg_export_snapshot() AS id").first()?.string("id") ?? ""
                    let rows = try await Self.counts(on: db)
                    let migrations = try await Self.migrations(on: db)
                    try Self.run("pg_dump", dumpArguments + ["--snapshot=\(id)", url])
                    try await db.raw("COMMIT").run()
                    return (rows, migrations)
                } catch {
                    try? await db.raw("ROLLBACK").run()
                    throw error
                }
            }
        }
        let manifest = Manifest(
            format: 1, engine: database.engine.rawValue, createdAt: Timestamp.string(from: clock()), migrations: snapshot.migrations,
            rows: snapshot.rows, uploads: try copyUploads(from: uploads, to: staging.appendingPathComponent("uploads"))
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(manifest).write(to: staging.appendingPathComponent("manifest.json"))
        let partial = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).partial-\(UUID().uuidString)")
        try manager.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        do {
            try manager.zipItem(at: staging, to: partial, shouldKeepParent: false)
            if manager.fileExists(atPath: file.path) { try manager.removeItem(at: file) }
            try manager.moveItem(at: partial, to: file)
        } catch {
            try? manager.removeItem(at: partial)
            throw error
        }
        return manifest
    }

    /// Copies the uploads (files only get added while Minsheng runs, so a copy after the database snapshot holds
    /// every file the snapshot names); returns how many.
    private func copyUploads(from source: URL, to target: URL) throws -> Int {
        let manager = FileManager.default
        try manager.createDirectory(at: target, withIntermediateDirectories: true)
        guard manager.fileExists(atPath: source.path) else { return 0 }
        var count = 0
        for name in try manager.contentsOfDirectory(atPath: source.path) where !name.hasPrefix(".") {
            try manager.copyItem(at: source.appendingPathComponent(name), to: target.appendingPathComponent(name))
            count += 1
        }
        return count
    }

    // MARK: Restoring

    /// How many bytes a restore inflates at most unless told otherwise: room for a large city's database and photos.
    static let defaultRestoreLimit: UInt64 = 64 << 30

    /// The limits a backup is read under: a million entries (more uploads than a city's units make in years, plus
    /// the database and manifest), and `totalBytes` for any one entry (the database) and for all of them.
    static func restoreLimits(totalBytes: UInt64) -> BoundedZip.Limits {
        BoundedZip.Limits(entries: 1_000_000, entryBytes: totalBytes, totalBytes: totalBytes)
    }

    /// Restores a backup into this database and uploads folder, which must be empty unless `replace` is set; the
    /// replaced SQLite file and uploads are kept beside them. Checks the restored row counts against the manifest.
    /// The backup is extracted entry by entry to disk under ``restoreLimits(totalBytes:)`` with `maxBytes`.
    static func restore(
        from file: URL, into configuration: DatabaseConfiguration, uploads: URL, replace: Bool, now: Date,
        maxBytes: UInt64 = defaultRestoreLimit, logger: Logger
    ) async throws -> Manifest {
        let manager = FileManager.default
        let staging = manager.temporaryDirectory.appendingPathComponent("minsheng-restore-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: staging) }
        do {
            try BoundedZip(contentsOf: file, limits: restoreLimits(totalBytes: maxBytes)).extractAll(into: staging)
        } catch let error as ZipError {
            let hint =
                error.kind == .entryTooLarge || error.kind == .totalTooLarge ? " (restore with a larger --max-size if the backup is genuine)" : ""
            throw AppError.invalidInput("\(file.path) is refused: \(error.english)\(hint).")
        } catch {
            throw AppError.invalidInput("\(file.path): not a Minsheng backup (\(error.localizedDescription)).")
        }
        guard let data = try? Data(contentsOf: staging.appendingPathComponent("manifest.json")),
            let manifest = try? JSONDecoder().decode(Manifest.self, from: data)
        else {
            throw AppError.invalidInput("\(file.path): not a Minsheng backup (manifest.json is missing or unreadable).")
        }
        let engine: AppDatabase.Engine = if case .sqlite = configuration { .sqlite } else { .postgres }
        guard manifest.engine == engine.rawValue else {
            throw AppError.invalidInput("\(file.path) is a \(manifest.engine) backup; this instance runs on \(engine.rawValue).")
        }
        if !replace, try await holdsData(configuration, logger: logger) {
            throw AppError.invalidInput("The database already holds data; restore with --replace to put it aside and restore over it.")
        }
        let stamp = Timestamp.string(from: now).replacingOccurrences(of: ":", with: "")
        switch configuration {
        case .sqlite(let path):
            let target = URL(fileURLWithPath: path)
            try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if manager.fileExists(atPath: path) {
                try manager.moveItem(at: target, to: URL(fileURLWithPath: path + ".before-restore-\(stamp)"))
                for suffix in ["-wal", "-shm"] where manager.fileExists(atPath: path + suffix) { try manager.removeItem(atPath: path + suffix) }
            }
            try manager.copyItem(at: staging.appendingPathComponent("database.sqlite"), to: target)
        case .postgres(let url, _):
            try run(
                "pg_restore",
                [
                    "--clean", "--if-exists", "--no-owner", "--no-privileges", "--exit-on-error", "--dbname", url,
                    staging.appendingPathComponent("database.pgdump").path,
                ])
        }
        if manager.fileExists(atPath: uploads.path), !(try manager.contentsOfDirectory(atPath: uploads.path)).isEmpty {
            try manager.moveItem(at: uploads, to: uploads.deletingLastPathComponent().appendingPathComponent("uploads.before-restore-\(stamp)"))
        }
        try manager.createDirectory(at: uploads.deletingLastPathComponent(), withIntermediateDirectories: true)
        if manager.fileExists(atPath: uploads.path) { try manager.removeItem(at: uploads) }
        try manager.copyItem(at: staging.appendingPathComponent("uploads"), to: uploads)

        let restored = try await AppDatabase.open(configuration, logger: logger)
        do {
            let rows = try await Backup(database: restored, uploads: uploads, logger: logger, clock: { now }).counts(of: restored)
            await restored.shutdown()
            let differing = manifest.rows.filter { rows[$0.key] != $0.value }.map {
                "\($0.key): \(rows[$0.key] ?? 0) restored, \($0.value) backed up"
            }
            guard differing.isEmpty else {
                throw AppError(.internalError, "The restore is incomplete: " + differing.sorted().joined(separator: "; "))
            }
        } catch {
            await restored.shutdown()
            throw error
        }
        return manifest
    }

    /// Whether the database has a user: a database that does not is new, and nothing is lost by restoring over it.
    static func holdsData(_ configuration: DatabaseConfiguration, logger: Logger) async throws -> Bool {
        if case .sqlite(let path) = configuration, !FileManager.default.fileExists(atPath: path) { return false }
        let database = try await AppDatabase.open(configuration, logger: logger)
        do {
            let users = try await database.read { db -> Int in
                let query =
                    database.engine == .sqlite
                    ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'users'"
                    : "SELECT tablename AS name FROM pg_tables WHERE tablename = 'users' AND schemaname = current_schema()"
                guard try await db.raw(SQLQueryString(query)).first() != nil else { return 0 }
                return try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("users").first()?.int("n") ?? 0
            }
            await database.shutdown()
            return users > 0
        } catch {
            await database.shutdown()
            throw error
        }
    }

    // MARK: Helpers

    func counts(of database: AppDatabase) async throws -> [String: Int] {
        try await database.read { try await Self.counts(on: $0) }
    }

    static func counts(on db: any SQLDatabase) async throws -> [String: Int] {
        var rows: [String: Int] = [:]
        for table in countedTables {
            rows[table] = try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).first()?.int("n") ?? 0
        }
        return rows
    }

    static func migrations(on db: any SQLDatabase) async throws -> [String] {
        try await db.select().column("name").from("schema_migrations").orderBy("name").all().map { try $0.string("name") }
    }

    /// Runs a PostgreSQL client program; its standard error becomes the error message.
    static func run(_ program: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw AppError.badConfiguration("\(program) could not be started (install PostgreSQL's client programs): \(error.localizedDescription)")
        }
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw AppError(
                .internalError,
                """
                \(program) failed (\(process.terminationStatus)): \
                \(String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
                """
            )
        }
    }
}
