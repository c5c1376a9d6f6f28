import ArgumentParser
import Foundation
import MinshengCore

/// `minsheng publish`: publishes a period (公示) of a plan from the command line.
struct PublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish a plan's progress at a period for the public (公示): a frozen snapshot chained by SHA-256 to the previous one.",
        discussion: "Only accepted figures, the 进展情况 of accepted reports and approved photos are published. Prints the publication's number and hash."
    )

    @OptionGroup var data: DataOptions

    @Option(help: "The plan's id, or its year when the instance holds one plan for that year.")
    var plan: String

    @Option(help: "The period: 2019-09, 2019-Q3, 2019-H1 or 2019.")
    var period: String

    @Option(name: .customLong("objection-days"), help: "A 公示期 of this many days during which the public may object (1–60).")
    var objectionDays: Int?

    func run() async throws {
        guard let period = Period(period) else {
            throw ValidationError("--period must be written 2019-09, 2019-Q3, 2019-H1 or 2019; got \(self.period).")
        }
        let reference = plan
        let days = objectionDays
        let directory = data.resolvedDataDirectory
        let publication = try await data.withDatabase(logger: CommandLogging.logger()) { database in
            let plan = try await database.read { try await AssessmentService.plan(reference: reference, on: $0) }
            let configuration = try AppConfiguration.fromEnvironment(dataDirectory: directory)
            return try await PublicService(database: database, configuration: configuration)
                .publish(planID: plan.id, period: period, objectionDays: days, by: .console)
        }
        let snapshot = publication.snapshot
        Console.print(
            "Published 公示第\(snapshot.sequence)期 of \(snapshot.planTitle) at \(snapshot.period) on \(snapshot.publishedOn)"
                + (snapshot.objectionsUntil.map { ", objections until \($0)" } ?? "") + ".")
        Console.print("SHA-256 \(publication.hash)")
        Console.print("previous \(snapshot.previousHash)")
    }
}

/// `minsheng verify`: checks downloaded publication files: their hashes and the chain between them.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify downloaded publications (N.json files or chain.json): each hash, each item's digest, and the chain.",
        discussion: "Needs no database. Exits non-zero and names what was changed when verification fails."
    )

    @Argument(help: "Publication files: one publication each, or the chain of all.")
    var files: [String]

    func run() async throws {
        guard !files.isEmpty else { throw ValidationError("Name at least one file.") }
        var publications: [PublishedSnapshot] = []
        for file in files {
            let data: Data
            do {
                data = try Data(contentsOf: URL(fileURLWithPath: file))
            } catch {
                throw AppError.invalidInput("\(file): cannot be read (\(error.localizedDescription)).")
            }
            do {
                publications += try ChainVerifier.decode(data)
            } catch {
                throw AppError.invalidInput("\(file): not a publication file: \(PublicPageWords(language: .en).describe(error))")
            }
        }
        let report = ChainVerifier.verify(publications)
        for publication in publications.sorted(by: { $0.snapshot.sequence < $1.snapshot.sequence }) {
            Console.print("公示第\(publication.snapshot.sequence)期 \(publication.snapshot.period) \(publication.hash)")
        }
        if report.passed {
            Console.print("OK: \(report.checked) publication(s) verified; every hash and link of the chain holds.")
        } else {
            for problem in report.problems { Console.print("FAIL: \(problem.zh)（\(problem.en)）") }
            throw ExitCode(1)
        }
    }
}

/// `minsheng export-site`: writes the public portal as a static site.
struct ExportSiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-site",
        abstract: "Write a plan's public portal as a static site (HTML, CSS, SVG, JSON, CSV, photos) for any web server or CDN."
    )

    @OptionGroup var data: DataOptions

    @Option(help: "The plan's id, or its year when the instance holds one plan for that year.")
    var plan: String

    @Option(help: "The folder to write (replaced if it holds an earlier export).")
    var out: String

    func run() async throws {
        let reference = plan
        let directory = data.resolvedDataDirectory
        let folder = URL(fileURLWithPath: out).standardizedFileURL
        let summary = try await data.withDatabase(logger: CommandLogging.logger()) { database in
            let configuration = try AppConfiguration.fromEnvironment(dataDirectory: directory)
            let plan = try await database.read { try await AssessmentService.plan(reference: reference, on: $0) }
            guard let site = try await PublicService(database: database, configuration: configuration).site(planID: plan.id) else {
                throw AppError.invalidInput("\(plan.title) has no publication yet; publish one first with minsheng publish.")
            }
            let storage = AttachmentStorage(folder: configuration.uploadsDirectory)
            let keys = try await database.read { db in
                var keys: [Int64: String] = [:]
                for id in site.approvedPhotos { keys[id] = try await PublicationStore().publicPhoto(id: id, on: db)?.storageKey }
                return keys
            }
            return try StaticSiteExporter(site: site) { id in try keys[id].map { try storage.read(key: $0) } }.write(to: folder)
        }
        Console.print("Wrote \(summary.pages) pages and \(summary.files - summary.pages) other files to \(summary.folder.path); open index.html.")
    }
}
