import ArgumentParser
import Foundation
import Logging
import MinshengCore

/// `minsheng`: the command line of the platform.
package struct MinshengCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "minsheng",
        abstract: "Minsheng (民生实事督办平台): run a government's key livelihood projects from plan to year-end report.",
        subcommands: [
            ServeCommand.self, MigrateCommand.self, UserCommand.self, DemoCommand.self, PlanCommand.self, AssessCommand.self, ReportCommand.self,
            PublishCommand.self, VerifyCommand.self,
            ExportSiteCommand.self, BackupCommand.self, RestoreCommand.self,
            GenerateCommand.self,
        ]
    )

    package init() {}

    /// Parses the process's arguments and runs the chosen command; exits with an error code on failure.
    package static func runFromCommandLine() async {
        do {
            var command = try parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

/// `minsheng serve`: migrate, set up a new database, and serve the web interface and API.
struct ServeCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web interface and API (migrates first; a new database gets an admin and the demo plan)."
    )

    @OptionGroup var data: DataOptions

    @Option(help: "Address to listen on.")
    var hostname = "127.0.0.1"

    @Option(help: "Port to listen on (0 picks a free port).")
    var port = 8080

    @Flag(name: .customLong("no-demo"), help: "Start a new database empty instead of loading the demo plan.")
    var noDemo = false

    func run() async throws {
        let logger = CommandLogging.logger()
        let configuration = try data.databaseConfiguration()
        logger.info("Database: \(configuration.redacted)")
        let replicaURL = ProcessInfo.processInfo.environment["DATABASE_READ_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if let replicaURL { logger.info("Read replica: \(DatabaseConfiguration.postgres(url: replicaURL).redacted)") }
        let database = try await AppDatabase.open(configuration, replicaURL: replicaURL, logger: logger)
        do {
            let appConfiguration = try AppConfiguration.fromEnvironment(dataDirectory: data.resolvedDataDirectory)
            let outcome = try await FirstStart(database: database, logger: logger, clock: appConfiguration.clock)
                .run(loadDemo: !noDemo, adminPassword: ProcessInfo.processInfo.environment["MINSHENG_ADMIN_PASSWORD"])
            Console.announce(outcome)
            let app = buildApplication(database: database, configuration: appConfiguration, hostname: hostname, port: port, logger: logger) {
                [hostname] boundPort in
                Console.print("Minsheng is running at http://\(hostname):\(boundPort)/")
            }
            try await app.runService()
        } catch {
            await database.shutdown()
            throw error
        }
        await database.shutdown()
    }
}

/// `minsheng migrate`: apply pending migrations.
struct MigrateCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply pending database migrations.")

    @OptionGroup var data: DataOptions

    func run() async throws {
        let logger = CommandLogging.logger()
        let applied = try await data.withDatabase(logger: logger, migrate: false) { database in
            try await Migrator(database: database, logger: logger, clock: Console.clock).migrate()
        }
        Console.print(applied.isEmpty ? "The database is up to date." : "Applied \(applied.count) migration(s): \(applied.joined(separator: ", "))")
    }
}

/// `minsheng demo`: load the demo plan into an empty database without serving.
struct DemoCommand: AsyncParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load the bundled 2019 Luoyang plan into an empty database (for scripts)."
    )

    @OptionGroup var data: DataOptions

    func run() async throws {
        let logger = CommandLogging.logger()
        try await data.withDatabase(logger: logger) { database in
            if try await database.read({ try await PlanStore().planCount(on: $0) }) > 0 {
                throw AppError.conflict("The database already holds a plan; the demo loads only into an empty database.")
            }
            let outcome = try await FirstStart(database: database, logger: logger, clock: Console.clock)
                .run(loadDemo: true, adminPassword: ProcessInfo.processInfo.environment["MINSHENG_ADMIN_PASSWORD"])
            if !outcome.loadedDemo {
                let plan = try await database.write { try await DemoLoader(clock: Console.clock).load(on: $0) }
                Console.print("Loaded the demo plan \(plan.title) (id \(plan.id)).")
            }
            Console.announce(outcome)
        }
    }
}

/// Output for people at a terminal.
enum Console {
    /// The console's one clock: the wall clock, for everything a command stamps.
    static let clock: @Sendable () -> Date = { Date() }

    static func print(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func announce(_ outcome: FirstStart.Outcome) {
        outcome.announcement.forEach(print)
    }
}
