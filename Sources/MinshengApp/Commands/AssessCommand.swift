import ArgumentParser
import Foundation
import MinshengCore

/// `minsheng assess`: every item's status, progress, expected progress and forecast at a period.
struct AssessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assess",
        abstract: "Assess a plan at a period (2019-09, 2019-Q3, 2019-H1 or 2019).",
        discussion:
            """
            --json prints one entry per item: number, title, status (completed, ahead, onSchedule, behind, seriouslyBehind, notReported, \
            pending), progress, expected and forecast as shares of the target (0.75 is 75%), earlyWarning and the override's reason.
            """
    )

    @OptionGroup var data: DataOptions

    @Option(help: "The plan's id, or its year when the instance holds one plan for that year.")
    var plan: String

    @Option(help: "The period: 2019-09, 2019-Q3, 2019-H1 or 2019.")
    var period: String

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        guard let period = Period(period) else {
            throw ValidationError("--period must be written 2019-09, 2019-Q3, 2019-H1 or 2019; got \(self.period).")
        }
        let logger = CommandLogging.logger()
        let reference = plan
        let (plan, assessment) = try await data.withDatabase(logger: logger) { database in
            try await database.read { db -> (Plan, PlanAssessment) in
                let plan = try await AssessmentService.plan(reference: reference, on: db)
                return (plan, try await AssessmentService(database: database).assess(planID: plan.id, period: period, on: db))
            }
        }
        let titles = try await data.withDatabase(logger: logger) { database in
            try await database.read { try await PlanStore().items(planID: plan.id, on: $0) }
        }.reduce(into: [Int: String]()) { $0[$1.number] = $1.title }
        let entries = assessment.items.map { AssessmentEntry($0, title: titles[$0.number] ?? "") }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            Console.print(String(decoding: try encoder.encode(entries), as: UTF8.self))
            return
        }
        Console.print("\(plan.title) · \(period)")
        let counts = assessment.counts
        Console.print(ProgressStatus.allCases.compactMap { status in counts[status].map { "\(status.rawValue) \($0)" } }.joined(separator: ", "))
        for entry in entries {
            let percent = { (value: Decimal?) in Percent.text(value) }
            Console.print(
                """
                \(entry.number)\t\(entry.status.rawValue)\t\(percent(entry.progress)) / \(percent(entry.expected))\tforecast \
                \(percent(entry.forecast))\(entry.earlyWarning ? "\t⚠ forecast short" : "")\t\(entry.title)
                """
            )
        }
    }
}
