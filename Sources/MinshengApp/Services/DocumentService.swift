import Foundation
import MinshengCore
import SQLKit

/// Drafts official documents from the accepted data and renders them in every format the office files.
struct DocumentService: Sendable {
    /// The formats a document is downloaded in.
    enum Format: String, Sendable, CaseIterable {
        case docx, xlsx, html, json, csv

        var contentType: String {
            switch self {
            case .docx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            case .xlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            case .html: return "text/html; charset=utf-8"
            case .json: return "application/json; charset=utf-8"
            case .csv: return "text/csv; charset=utf-8"
            }
        }
    }

    let database: AppDatabase
    let configuration: AppConfiguration
    let plans = PlanStore()
    let documents = DocumentStore()
    var audit: AuditLog { AuditLog(clock: configuration.clock) }

    init(database: AppDatabase, configuration: AppConfiguration) {
        self.database = database
        self.configuration = configuration
    }

    /// Drafts a document of a kind for a period from the data as it stands now.
    func draft(kind: OfficialDocument.Kind, planID: Int64, period: Period, on db: any SQLDatabase) async throws -> OfficialDocument {
        guard kind.accepts(period) else {
            throw AppError(
                .invalidInput, code: "document.period", zh: DocumentUseCaseWords(language: .zh).periodForKind(kind, period),
                en: DocumentUseCaseWords(language: .en).periodForKind(kind, period))
        }
        guard let detail = try await plans.detail(planID: planID, on: db) else { throw Refusals.noPlan(planID) }
        guard period.year == detail.plan.year else { throw Refusals.otherYear(planYear: detail.plan.year, period) }
        let assessment = try await AssessmentService(database: database).assess(planID: planID, period: period, on: db)
        let names = Dictionary(uniqueKeysWithValues: detail.units.map { ($0.id, $0.name) })
        let categories = Dictionary(uniqueKeysWithValues: detail.categories.map { ($0.id, $0.name) })
        let assignments = Dictionary(grouping: detail.assignments, by: \.itemID)
        let indicators = Dictionary(grouping: detail.indicators, by: \.itemID)
        // One read of every item's last-month reports, whatever the number of items.
        let lastMonth = Dictionary(
            grouping: try await ReportStore().latest(planID: planID, period: period.lastMonth, where: ReportPolicy.isPublishable, on: db),
            by: \.itemID)
        var facts: [CircularBuilder.ItemFacts] = []
        for item in detail.items {
            let assigned = (assignments[item.id] ?? []).sorted { $0.ordinal < $1.ordinal }
            let leads = assigned.filter { $0.role == .lead }
            let narrative = (lastMonth[item.id] ?? []).first { report in leads.first.map { $0.unitID == report.unitID } ?? false }
            facts.append(
                CircularBuilder.ItemFacts(
                    item: item, category: categories[item.categoryID] ?? "", leadUnits: leads.compactMap { names[$0.unitID] },
                    responsibleUnits: assigned.filter { $0.role == .responsible }.compactMap { names[$0.unitID] },
                    indicators: indicators[item.id] ?? [], problems: narrative?.problems ?? "", nextSteps: narrative?.nextSteps ?? ""
                ))
        }
        let settings = try await DocumentStore().settings(plan: detail.plan, jurisdiction: detail.jurisdiction.name, on: db)
        let supervision = SupervisionService(database: database, configuration: configuration)
        let builder = CircularBuilder(
            kind: kind, period: period, planTitle: detail.plan.title, year: detail.plan.year, jurisdiction: detail.jurisdiction.name,
            issuer: settings.issuer, date: configuration.today, addressee: settings.addressee, requirements: settings.requirements,
            supervision: try await supervision.documentParagraphs(planID: planID, period: period, on: db),
            satisfaction: try await PublicService.satisfaction(planID: planID, through: period, on: db),
            scores: kind == .annual ? try await supervision.scores(planID: planID, period: period, on: db) : []
        )
        return builder.build(
            assessment: assessment, items: facts, timeliness: try await timeliness(planID: planID, period: period, names: names, on: db))
    }

    /// Each unit's months reported late and months not reported within the period (the core tallies them).
    func timeliness(planID: Int64, period: Period, names: [Int64: String], on db: any SQLDatabase) async throws -> [CircularBuilder.Timeliness] {
        let reporting = ReportingService(database: database, configuration: configuration)
        let setting = try await ReportingService.TaskSetting.load(planID: planID, on: db)
        var marks: [CircularBuilder.Timeliness.Mark] = []
        for month in period.months {
            for task in try await reporting.tasks(in: setting, period: .month(year: period.year, month: month), on: db) {
                marks.append(.init(unitID: task.obligation.unitID, month: month, missing: task.isOverdue, late: task.wasLate))
            }
        }
        return CircularBuilder.Timeliness.tally(marks, names: names)
    }

    /// The document in a format.
    static func render(_ document: OfficialDocument, as format: Format) throws -> Data {
        switch format {
        case .docx: return try DocxWriter(document: document).data()
        case .xlsx:
            let rows = document.tableText.map { $0.map { XlsxWriter.Cell.text($0) } }
            let title: [[XlsxWriter.Cell]] = [[.text("\(document.planTitle)进展情况表（截至\(DocxWriter.chineseDate(document.asOf))）")]]
            let widths: [Double] = document.kind == .annual ? [6, 24, 30, 22, 8, 10, 9, 16, 16, 16] : [6, 24, 30, 22, 8, 10, 16, 18, 18]
            return try XlsxWriter(sheets: [.init(name: "附件", rows: title + rows, headerRow: 1, columnWidths: widths, landscape: true)]).data()
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return try encoder.encode(document)
        case .csv:
            return Data(CSVWriter.document(document.tableText).utf8)
        case .html:
            return Data(DocumentPrintPage.View(model: .init(document: document)).render().utf8)
        }
    }

    static func periodForm(_ kind: OfficialDocument.Kind) -> String {
        switch kind {
        case .monthly: return "month"
        case .quarterly: return "quarter"
        case .halfYear: return "half-year"
        case .annual: return "year"
        }
    }

    static func example(_ kind: OfficialDocument.Kind) -> String {
        switch kind {
        case .monthly: return "2019-09"
        case .quarterly: return "2019-Q3"
        case .halfYear: return "2019-H1"
        case .annual: return "2019"
        }
    }
}
