import ArgumentParser
import Foundation
import MinshengCore

/// `minsheng plan …`: plans from the command line.
struct PlanCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Import and manage plans.", subcommands: [Import.self]
    )

    /// `minsheng plan import FILE`: read a plan document and store it (or, with --dry-run, only show it).
    struct Import: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a plan from a .txt/.md (UTF-8, UTF-16 or GB18030), .docx, .xlsx or .csv file.",
            discussion: """
                With --dry-run nothing is stored. With --dry-run --json the understood plan is printed as JSON, in the shape
                the README documents. Without --dry-run the plan is stored in one transaction; a plan of the same
                jurisdiction and year that has no reports yet is replaced.
                """
        )

        @OptionGroup var data: DataOptions

        @Argument(help: "The plan document.")
        var file: String

        @Option(help: "The plan's year, when the document does not give it.")
        var year: Int?

        @Option(help: "The jurisdiction's name (洛阳市), when the title does not name it.")
        var jurisdiction: String?

        @Option(help: "The jurisdiction above it (河南省), to place a new jurisdiction in the tree; see `minsheng user add --jurisdiction`.")
        var parent: String?

        @Flag(help: "Show what was understood without storing anything.")
        var dryRun = false

        @Flag(help: "Print JSON instead of a summary.")
        var json = false

        func run() async throws {
            let url = URL(fileURLWithPath: file)
            let bytes: Data
            do {
                bytes = try Data(contentsOf: url)
            } catch {
                throw AppError.invalidInput("\(file): 无法读取文件 (cannot read the file: \(error.localizedDescription))")
            }
            let draft = try PlanImporter(year: year, jurisdiction: jurisdiction).read(bytes, fileName: url.lastPathComponent)
            if dryRun {
                Console.print(json ? try Self.json(draft) : ImportSummary(draft: draft).text)
                return
            }
            let logger = CommandLogging.logger()
            let outcome = try await data.withDatabase(logger: logger) { database in
                return try await PlanImportService(database: database, clock: Console.clock).store(
                    draft, jurisdictionName: jurisdiction, parentName: parent, by: .console)
            }
            if json {
                Console.print(try Self.json(StoredImport(planId: outcome.plan.id, replaced: outcome.replaced, items: draft.items.count)))
            } else {
                Console.print(ImportSummary(draft: draft).text)
                Console.print((outcome.replaced ? "Replaced plan \(outcome.plan.id)" : "Stored plan \(outcome.plan.id)") + ": \(outcome.plan.title)")
            }
        }

        static func json(_ value: some Encodable) throws -> String {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(value), as: UTF8.self)
        }

        struct StoredImport: Encodable {
            var planId: Int64
            var replaced: Bool
            var items: Int
        }
    }
}

/// A person-readable account of what the importer understood.
struct ImportSummary {
    var draft: PlanDraft

    var text: String {
        let indicators = draft.items.flatMap(\.indicators)
        var lines = [
            "\(draft.title) (\(draft.year.map(String.init) ?? "year unknown"), \(draft.jurisdiction ?? "jurisdiction unknown"))",
            "\(draft.categories.count) categories, \(draft.items.count) items, \(indicators.count) indicators"
                + " (\(indicators.filter { $0.target != nil }.count) with a number, \(indicators.filter(\.provisional).count) provisional)",
        ]
        if !draft.issuers.isEmpty {
            lines.append("Issued by \(draft.issuers.joined(separator: "、"))" + (draft.issuedOn.map { " on \($0.iso)" } ?? ""))
        }
        for category in draft.categories {
            lines.append(category.name.map { "\(category.number.map(ChineseNumeralWriter.string) ?? "")、\($0)" } ?? "(no category)")
            for item in category.items {
                let targets = item.indicators.compactMap { indicator in indicator.target.map { "\(DecimalText.format($0))\(indicator.unit)" } }
                lines.append("  \(item.number). \(item.title)  [\(item.leadUnits.joined(separator: "、"))] \(targets.joined(separator: " "))")
            }
        }
        let warnings = draft.warnings + draft.items.flatMap { item in item.warnings.map { "第\(item.number)项：\($0)" } }
        if !warnings.isEmpty {
            lines.append("Warnings:")
            lines += warnings.map { "  - \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}
