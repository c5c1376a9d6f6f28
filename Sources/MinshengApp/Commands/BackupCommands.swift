import ArgumentParser
import Foundation

/// `minsheng backup`: an online backup of the database and the uploads in one file.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract:
            """
            Back up the database (SQLite: a consistent VACUUM INTO snapshot; PostgreSQL: pg_dump) and the uploads into one ZIP file, while \
            Minsheng runs.
            """
    )

    @OptionGroup var data: DataOptions

    @Option(help: "The backup file to write (replaced only once the new one is complete).")
    var out: String

    func run() async throws {
        let logger = CommandLogging.logger()
        let file = URL(fileURLWithPath: out).standardizedFileURL
        let directory = data.resolvedDataDirectory
        let manifest = try await data.withDatabase(logger: logger, migrate: false) { database in
            let uploads = try AppConfiguration.fromEnvironment(dataDirectory: directory).uploadsDirectory
            return try await Backup(database: database, uploads: uploads, logger: logger, clock: Console.clock).write(to: file)
        }
        Console.print(
            """
            Backed up \(manifest.engine) (\(manifest.rows["reports"] ?? 0) reports, \(manifest.rows["publications"] ?? 0) publications, \
            \(manifest.uploads) uploaded files) to \(file.path).
            """
        )
    }
}

/// `minsheng restore`: restores a backup made by `minsheng backup`.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup into the data folder's database (or DATABASE_URL) and uploads; stop the server first.",
        discussion:
            """
            A database that already holds data is restored over only with --replace; the replaced SQLite file and uploads are kept beside them. \
            The restored row counts are checked against the backup's manifest.
            """
    )

    @OptionGroup var data: DataOptions

    @Argument(help: "The backup file.")
    var file: String

    @Flag(help: "Restore over a database that already holds data.")
    var replace = false

    @Option(help: "The most the backup may unpack to, in GB (a backup that unpacks to more is refused as a zip bomb).")
    var maxSize: UInt64 = Backup.defaultRestoreLimit >> 30

    func run() async throws {
        let logger = CommandLogging.logger()
        let url = URL(fileURLWithPath: file).standardizedFileURL
        guard FileManager.default.fileExists(atPath: url.path) else { throw AppError.invalidInput("\(url.path) does not exist.") }
        let uploads = try AppConfiguration.fromEnvironment(dataDirectory: data.resolvedDataDirectory).uploadsDirectory
        let manifest = try await Backup.restore(
            from: url, into: try data.databaseConfiguration(), uploads: uploads, replace: replace, now: Console.clock(),
            maxBytes: maxSize.multipliedReportingOverflow(by: 1 << 30).overflow ? .max : maxSize << 30, logger: logger)
        Console.print(
            """
            Restored the backup of \(manifest.createdAt): \(manifest.rows["reports"] ?? 0) reports, \(manifest.uploads) uploaded files; every \
            table's row count matches.
            """
        )
    }
}
