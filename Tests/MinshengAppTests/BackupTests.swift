import Foundation
import MinshengCore
import SQLKit
import Testing
import ZIPFoundation

@testable import MinshengApp

/// Backups and restores as round trips on both engines.
@Suite struct BackupTests {
    static func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-\(name)-\(UUID().uuidString)")
    }

    /// What a round trip must keep: every counted table, the publications' chain, a report's figures.
    static func fingerprint(_ database: AppDatabase) async throws -> (rows: [String: Int], chain: Bool, values: [String]) {
        let rows = try await Backup(database: database, uploads: temporary("unused"), logger: TestDatabase.logger, clock: TestDatabase.clock).counts(
            of: database)
        let plan = try #require(try await database.read { try await PlanStore().plans(on: $0) }.first)
        let chain = ChainVerifier.verify(
            try await database.read { try await PublicationStore().publications(planID: plan.id, on: $0) }.map(\.published)
        ).passed
        let values = try await database.read { db in
            try await db.select().column("report_id").column("indicator_id").column("value").from("report_values").orderBy("report_id").orderBy(
                "indicator_id"
            )
            .limit(200).all().map { "\(try $0.int64("report_id"))-\(try $0.int64("indicator_id"))-\(try $0.optionalString("value") ?? "")" }
        }
        return (rows, chain, values)
    }

    @Test func aSQLiteBackupRestoresWholeAndNeverOverwritesByAccident() async throws {
        try await TestDatabase.with(.sqlite, migrate: false) { database in
            _ = try await DisclosureWebTests.demo(database)
            let uploads = Self.temporary("uploads")
            try FileManager.default.createDirectory(at: uploads, withIntermediateDirectories: true)
            let photo = Data([0x89, 0x50, 0x4E, 0x47] + Array(repeating: UInt8(9), count: 40))
            try photo.write(to: uploads.appendingPathComponent("key-1"))
            let file = Self.temporary("backup").appendingPathExtension("zip")
            defer {
                try? FileManager.default.removeItem(at: file)
                try? FileManager.default.removeItem(at: uploads)
            }
            let manifest = try await Backup(database: database, uploads: uploads, logger: TestDatabase.logger, clock: TestDatabase.clock).write(
                to: file)
            #expect(manifest.engine == "sqlite")
            #expect(manifest.uploads == 1)
            #expect((manifest.rows["reports"] ?? 0) > 5000)
            #expect(manifest.migrations.count == Migrations.all.count)
            let original = try await Self.fingerprint(database)

            let target = Self.temporary("restored")
            defer { try? FileManager.default.removeItem(at: target) }
            let configuration = DatabaseConfiguration.sqlite(path: target.appendingPathComponent("minsheng.sqlite").path)
            let restoredUploads = target.appendingPathComponent("uploads")
            _ = try await Backup.restore(
                from: file, into: configuration, uploads: restoredUploads, replace: false, now: Date(), logger: TestDatabase.logger)
            let restored = try await AppDatabase.open(configuration, logger: TestDatabase.logger)
            let copy = try await Self.fingerprint(restored)
            let integrity = try await restored.read {
                try await $0.raw("PRAGMA integrity_check").first()?.decode(column: "integrity_check", as: String.self)
            }
            await restored.shutdown()
            #expect(copy.rows == original.rows)
            #expect(copy.values == original.values)
            #expect(copy.chain)
            #expect(integrity == "ok")
            #expect(try Data(contentsOf: restoredUploads.appendingPathComponent("key-1")) == photo)

            // A database with data is restored over only when asked, and what it held is kept aside.
            await #expect(throws: AppError.self) {
                _ = try await Backup.restore(
                    from: file, into: configuration, uploads: restoredUploads, replace: false, now: Date(), logger: TestDatabase.logger)
            }
            _ = try await Backup.restore(
                from: file, into: configuration, uploads: restoredUploads, replace: true, now: Date(), logger: TestDatabase.logger)
            let kept = try FileManager.default.contentsOfDirectory(atPath: target.path)
            #expect(kept.contains { $0.hasPrefix("minsheng.sqlite.before-restore-") })
            #expect(kept.contains { $0.hasPrefix("uploads.before-restore-") })
            // Not a backup, or a backup of the other engine: refused with the file named.
            let junk = Self.temporary("junk").appendingPathExtension("zip")
            try Data("not a zip".utf8).write(to: junk)
            defer { try? FileManager.default.removeItem(at: junk) }
            await #expect(throws: AppError.self) {
                _ = try await Backup.restore(
                    from: junk, into: configuration, uploads: restoredUploads, replace: true, now: Date(), logger: TestDatabase.logger)
            }
        }
    }

    @Test(.enabled(if: TestEngine.postgresURL != nil))
    func aPostgreSQLBackupRestoresIntoAnotherDatabase() async throws {
        let url = try #require(TestEngine.postgresURL)
        try await TestDatabase.with(.postgres, migrate: false) { database in
            _ = try await DisclosureWebTests.demo(database)
            guard case .postgres(_, let schema) = database.configuration else {
                Issue.record("not PostgreSQL")
                return
            }
            let file = Self.temporary("pg-backup").appendingPathExtension("zip")
            defer { try? FileManager.default.removeItem(at: file) }
            let manifest = try await Backup(
                database: database, uploads: Self.temporary("none"), logger: TestDatabase.logger, clock: TestDatabase.clock
            ).write(to: file)
            #expect(manifest.engine == "postgres")
            let original = try await Self.fingerprint(database)

            try await Self.withScratchDatabase(url: url, schema: schema) { target in
                let uploads = Self.temporary("pg-uploads")
                defer { try? FileManager.default.removeItem(at: uploads) }
                _ = try await Backup.restore(from: file, into: target, uploads: uploads, replace: false, now: Date(), logger: TestDatabase.logger)
                let restored = try await AppDatabase.open(target, logger: TestDatabase.logger)
                let copy = try await Self.fingerprint(restored)
                // The append-only triggers came back too.
                await #expect(throws: (any Error).self) { try await restored.write { try await $0.delete(from: "publications").run() } }
                await restored.shutdown()
                #expect(copy.rows == original.rows)
                #expect(copy.values == original.values)
                #expect(copy.chain)
            }
        }
    }

    /// A backup changed to climb out of the restore folder, to hold a link, to lie about a size, or to unpack to
    /// more than the limit is refused with the entry and the reason named, before anything is restored.
    @Test(arguments: TestEngine.available)
    func aTamperedBackupIsRefusedBeforeAnythingIsRestored(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            _ = try await FirstStart(database: database, logger: TestDatabase.logger, clock: TestDatabase.clock).run(
                loadDemo: false, adminPassword: "backup password")
            let uploads = Self.temporary("tampered-uploads")
            try FileManager.default.createDirectory(at: uploads, withIntermediateDirectories: true)
            try Data(repeating: 7, count: 2 << 20).write(to: uploads.appendingPathComponent("key-1"))
            let file = Self.temporary("tampered").appendingPathExtension("zip")
            let target = Self.temporary("tampered-target")
            defer { for url in [file, uploads, target] { try? FileManager.default.removeItem(at: url) } }
            _ = try await Backup(database: database, uploads: uploads, logger: TestDatabase.logger, clock: TestDatabase.clock).write(to: file)
            let original = try Data(contentsOf: file)
            let escape = "escaped-\(UUID().uuidString).txt"

            func refusal(_ change: (URL) throws -> Void, maxBytes: UInt64 = Backup.defaultRestoreLimit) async throws -> String {
                let copy = Self.temporary("tampered-copy").appendingPathExtension("zip")
                defer { try? FileManager.default.removeItem(at: copy) }
                try original.write(to: copy)
                try change(copy)
                do {
                    _ = try await Backup.restore(
                        from: copy, into: .sqlite(path: target.appendingPathComponent("minsheng.sqlite").path),
                        uploads: target.appendingPathComponent("uploads"), replace: false, now: Date(), maxBytes: maxBytes,
                        logger: TestDatabase.logger)
                } catch let error as AppError {
                    #expect(error.kind == .invalidInput)
                    return error.message.replacingOccurrences(of: copy.path, with: "FILE")
                }
                Issue.record("the tampered backup was restored")
                return ""
            }
            func add(_ path: String, type: ZIPFoundation.Entry.EntryType, _ content: String) -> (URL) throws -> Void {
                { url in
                    let archive = try Archive(url: url, accessMode: .update)
                    let data = Data(content.utf8)
                    try archive.addEntry(with: path, type: type, uncompressedSize: Int64(data.count)) { position, size in
                        data.subdata(in: Int(position)..<Int(position) + size)
                    }
                }
            }
            #expect(
                try await refusal(add("../\(escape)", type: .file, "x")) == "FILE is refused: ../\(escape) has an unsafe path (absolute, or with ..)."
            )
            #expect(try await refusal(add("uploads/../../\(escape)", type: .file, "x")).contains("has an unsafe path"))
            #expect(try await refusal(add("/tmp/\(escape)", type: .file, "x")).contains("has an unsafe path"))
            #expect(
                try await refusal(add("uploads/passwd", type: .symlink, "/etc/passwd"))
                    == "FILE is refused: uploads/passwd is a symbolic link or special file.")
            let databaseEntry = engine == .sqlite ? "database.sqlite" : "database.pgdump"
            let lie = try await refusal { url in
                var data = try Data(contentsOf: url)
                try ZipTampering.declare(100, for: databaseEntry, in: &data)
                try data.write(to: url)
            }
            #expect(lie == "FILE is refused: \(databaseEntry) does not inflate to the 100 bytes its headers declare.")
            let tooLarge = try await refusal({ _ in }, maxBytes: 1 << 20)
            #expect(tooLarge.contains("inflates beyond 1 MB") && tooLarge.hasSuffix(" (restore with a larger --max-size if the backup is genuine)."))
            for folder in [
                FileManager.default.temporaryDirectory, FileManager.default.temporaryDirectory.deletingLastPathComponent(),
                URL(fileURLWithPath: "/tmp"),
            ] {
                #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent(escape).path))
            }
            #expect(!FileManager.default.fileExists(atPath: target.path))
        }
    }

    /// Runs `body` with a new, empty PostgreSQL database on the test server, dropped afterwards whatever happens.
    static func withScratchDatabase(url: String, schema: String?, _ body: (DatabaseConfiguration) async throws -> Void) async throws {
        let name = "restore_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let admin = try await AppDatabase.open(.postgres(url: url), logger: TestDatabase.logger)
        try await admin.read { try await $0.raw(SQLQueryString("CREATE DATABASE \(unsafeRaw: name)")).run() }
        var components = try #require(URLComponents(string: url))
        components.path = "/" + name
        do {
            try await body(.postgres(url: try #require(components.string), searchPath: schema))
        } catch {
            Issue.record(error)
        }
        try await admin.read { try await $0.raw(SQLQueryString("DROP DATABASE \(unsafeRaw: name) WITH (FORCE)")).run() }
        await admin.shutdown()
    }

    /// Writes audit rows until cancelled, as users would while a backup runs.
    static func keepWriting(_ database: AppDatabase) -> Task<Int, Never> {
        Task {
            var written = 0
            while !Task.isCancelled {
                do {
                    let number = written
                    try await database.write { db in
                        try await AuditLog(clock: TestDatabase.clock).record(
                            "test.write", entity: "test", id: Int64(number), after: ["n": String(number)], by: .console, on: db)
                    }
                    written += 1
                } catch {
                    return written
                }
            }
            return written
        }
    }

    @Test(arguments: TestEngine.available)
    func aBackupTakenWhileUsersWriteRestoresWhole(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            _ = try await FirstStart(database: database, logger: TestDatabase.logger, clock: TestDatabase.clock).run(
                loadDemo: false, adminPassword: "backup password")
            let writer = Self.keepWriting(database)
            let file = Self.temporary("busy-backup").appendingPathExtension("zip")
            defer { try? FileManager.default.removeItem(at: file) }
            try await Task.sleep(for: .milliseconds(100))
            let manifest = try await Backup(
                database: database, uploads: Self.temporary("none"), logger: TestDatabase.logger, clock: TestDatabase.clock
            ).write(to: file)
            try await Task.sleep(for: .milliseconds(100))
            writer.cancel()
            let written = await writer.value
            // A write cancelled half-way was rolled back and left the connection fit for the next one.
            try await database.write { db in
                try await AuditLog(clock: TestDatabase.clock).record("test.after", entity: "test", id: 0, by: .console, on: db)
            }
            let total = try await database.read { try await Backup.counts(on: $0) }["audit_log"] ?? 0
            // Rows were written before, during and after the backup; it holds those before its snapshot.
            #expect(written > 0)
            #expect((manifest.rows["audit_log"] ?? 0) < total)
            // A restore checks every table's count against the manifest and fails on any difference.
            let target = Self.temporary("busy-restored")
            defer { try? FileManager.default.removeItem(at: target) }
            switch database.configuration {
            case .sqlite:
                let configuration = DatabaseConfiguration.sqlite(path: target.appendingPathComponent("minsheng.sqlite").path)
                let restored = try await Backup.restore(
                    from: file, into: configuration, uploads: target.appendingPathComponent("uploads"), replace: false, now: Date(),
                    logger: TestDatabase.logger)
                #expect(restored.rows == manifest.rows)
            case .postgres(_, let schema):
                try await Self.withScratchDatabase(url: try #require(TestEngine.postgresURL), schema: schema) { configuration in
                    let restored = try await Backup.restore(
                        from: file, into: configuration, uploads: target.appendingPathComponent("uploads"), replace: false, now: Date(),
                        logger: TestDatabase.logger)
                    #expect(restored.rows == manifest.rows)
                }
            }
        }
    }
}
