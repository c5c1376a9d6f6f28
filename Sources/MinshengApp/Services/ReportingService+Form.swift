import Foundation
import MinshengCore
import SQLKit

extension ReportingService {
    /// The rows of a unit's Excel form: the reports it owes for the month, with their indicators.
    func formRows(_ scope: ReportSpreadsheet.Scope) async throws -> [ReportSpreadsheet.Row] {
        try await database.read { try await formRows(scope, on: $0) }
    }

    /// A unit's Excel form for the month, filled with what it has reported so far.
    func formWorkbook(_ scope: ReportSpreadsheet.Scope, planTitle: String) async throws -> Data {
        try await database.read { db in
            let unitName = try await plans.unit(id: scope.unitID, on: db)?.name ?? ""
            return try ReportSpreadsheet.workbook(scope: scope, planTitle: planTitle, unitName: unitName, rows: try await formRows(scope, on: db))
        }
    }

    private func formRows(_ scope: ReportSpreadsheet.Scope, on db: any SQLDatabase) async throws -> [ReportSpreadsheet.Row] {
        let tasks = try await tasks(planID: scope.planID, period: scope.period, unitID: scope.unitID, on: db)
        let indicators = Dictionary(grouping: try await plans.indicators(planID: scope.planID, on: db), by: \.itemID)
        return tasks.map { ReportSpreadsheet.Row(item: $0.item, indicators: indicators[$0.item.id] ?? [], report: $0.report) }
    }
}
