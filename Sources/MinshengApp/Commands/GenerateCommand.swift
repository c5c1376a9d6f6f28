import ArgumentParser
import Foundation

/// `minsheng generate`: deterministic synthetic data for demos, tests and benchmarks.
struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract:
            """
            Generate a deterministic synthetic data set into an empty database: a city (51 items), a province (~5,000 items) or a nation \
            (~100,000 items).
            """,
        discussion:
            """
            Every plan is the demo plan's items with twelve months of accepted reports at paces that give a realistic mix of statuses. The same \
            --seed gives the same data.
            """
    )

    @OptionGroup var data: DataOptions

    @Option(help: "city, province or nation.")
    var scale: SyntheticData.Scale

    @Option(help: "The seed of the generator.")
    var seed: UInt64 = 1

    func run() async throws {
        let logger = CommandLogging.logger()
        let configuration = try data.databaseConfiguration()
        let database = try await AppDatabase.open(configuration, logger: logger)
        do {
            let outcome = try await FirstStart(database: database, logger: logger, clock: Console.clock)
                .run(loadDemo: false, adminPassword: ProcessInfo.processInfo.environment["MINSHENG_ADMIN_PASSWORD"])
            Console.announce(outcome)
            guard let admin = try await database.read({ try await UserStore().user(username: FirstStart.adminUsername, on: $0) }) else {
                throw AppError.invalidInput("The database has no admin account.")
            }
            let started = Console.clock()
            let summary = try await SyntheticData(scale: scale, seed: seed).generate(into: database, adminID: admin.id) { done, total in
                if done == total || done % 100 == 0 { FileHandle.standardError.write(Data("generated \(done) of \(total) plans\n".utf8)) }
            }
            Console.print(
                """
                Generated \(summary.plans) plans, \(summary.items) items and \(summary.reports) reports in \
                \(Int(Console.clock().timeIntervalSince(started))) s.
                """
            )
            await database.shutdown()
        } catch {
            await database.shutdown()
            throw error
        }
    }
}
