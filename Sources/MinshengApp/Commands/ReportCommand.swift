import ArgumentParser
import Foundation
import MinshengCore

/// `minsheng report monthly|quarterly|halfyear|annual`: draft an official document from the accepted data.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Draft a monthly report, quarterly circular, half-year summary or year-end report from the accepted data.",
        discussion: "The draft is written to --out and not stored; issue documents (which numbers and archives them) on the web."
    )

    /// The document kinds as the command line writes them.
    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case monthly, quarterly, halfyear, annual

        var document: OfficialDocument.Kind {
            switch self {
            case .monthly: return .monthly
            case .quarterly: return .quarterly
            case .halfyear: return .halfYear
            case .annual: return .annual
            }
        }
    }

    @OptionGroup var data: DataOptions

    @Argument(help: "monthly, quarterly, halfyear or annual.")
    var kind: Kind

    @Option(help: "The plan's id, or its year when the instance holds one plan for that year.")
    var plan: String

    @Option(help: "The period: 2019-09 (monthly), 2019-Q3 (quarterly), 2019-H1 (halfyear) or 2019 (annual).")
    var period: String

    @Option(help: "docx, xlsx, html, json or csv.")
    var format: String = "docx"

    @Option(help: "The file to write.")
    var out: String

    func run() async throws {
        guard let period = Period(period) else {
            throw ValidationError("--period must be written 2019-09, 2019-Q3, 2019-H1 or 2019; got \(self.period).")
        }
        guard let format = DocumentService.Format(rawValue: format) else {
            throw ValidationError("--format must be one of \(DocumentService.Format.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let logger = CommandLogging.logger()
        let reference = plan
        let kind = self.kind.document
        let dataDirectory = data.resolvedDataDirectory
        let document = try await data.withDatabase(logger: logger) { database in
            try await database.read { db in
                let plan = try await AssessmentService.plan(reference: reference, on: db)
                let service = DocumentService(database: database, configuration: try AppConfiguration.fromEnvironment(dataDirectory: dataDirectory))
                return try await service.draft(kind: kind, planID: plan.id, period: period, on: db)
            }
        }
        let bytes = try DocumentService.render(document, as: format)
        do {
            try bytes.write(to: URL(fileURLWithPath: out), options: .atomic)
        } catch {
            throw AppError.invalidInput("\(out): cannot write the file (\(error.localizedDescription)).")
        }
        Console.print("Wrote \(document.title) (\(format.rawValue), \(bytes.count) bytes) to \(out).")
    }
}
