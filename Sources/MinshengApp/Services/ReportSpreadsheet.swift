import Foundation
import MinshengCore

/// The Excel form a unit fills in offline: one row per indicator of each report it owes for a month, and one row
/// per item for the narrative. Reading it back names every bad cell by sheet and cell.
struct ReportSpreadsheet {
    static let valuesSheet = "填报"
    static let narrativeSheet = "进展"
    static let aboutSheet = "说明"
    static let valuesHeader = ["事项序号", "事项", "指标编号", "指标", "目标", "计量单位", "累计完成值", "完成日期"]
    static let narrativeHeader = ["事项序号", "事项", "进展情况", "存在问题", "下步打算"]

    /// What the form is for: plan, unit and month.
    struct Scope: Equatable {
        var planID: Int64
        var unitID: Int64
        var period: Period
    }

    /// A task with what the form needs to show.
    struct Row {
        var item: Item
        var indicators: [Indicator]
        var report: Report?
    }

    static func workbook(scope: Scope, planTitle: String, unitName: String, rows: [Row]) throws -> Data {
        var values: [[XlsxWriter.Cell]] = [
            [.text("\(planTitle) · \(unitName) · \(scope.period) 填报表")],
            valuesHeader.map { .text($0) },
        ]
        var narrative: [[XlsxWriter.Cell]] = [[.text("\(unitName) · \(scope.period) 进展情况")], narrativeHeader.map { .text($0) }]
        for row in rows {
            for indicator in row.indicators {
                let value = row.report?.value(for: indicator.id)
                values.append([
                    .number(Decimal(row.item.number)), .text(row.item.title), .number(Decimal(indicator.id)), .text(indicator.name),
                    indicator.target.map { .number($0) } ?? .text(indicator.provisional ? "待上级下达" : ""), .text(indicator.measure),
                    value?.value.map { .number($0) } ?? .empty, value?.reachedOn.map { .text($0.iso) } ?? .empty,
                ])
            }
            narrative.append([
                .number(Decimal(row.item.number)), .text(row.item.title), .text(row.report?.progress ?? ""),
                .text(row.report?.problems ?? ""), .text(row.report?.nextSteps ?? ""),
            ])
        }
        let about: [[XlsxWriter.Cell]] = [
            [.text("plan"), .number(Decimal(scope.planID))],
            [.text("unit"), .number(Decimal(scope.unitID))],
            [.text("period"), .text(scope.period.description)],
            [.text("说明"), .text("在“填报”表的“累计完成值”“完成日期”两列、“进展”表的后三列填写；不要改动其他列。日期写作 2019-09-30。")],
        ]
        return try XlsxWriter(sheets: [
            .init(name: valuesSheet, rows: values, headerRow: 1, columnWidths: [8, 30, 8, 30, 12, 10, 14, 14], landscape: true),
            .init(name: narrativeSheet, rows: narrative, headerRow: 1, columnWidths: [8, 30, 50, 40, 40], landscape: true),
            .init(name: aboutSheet, rows: about, columnWidths: [12, 80]),
        ]).data()
    }

    /// Every problem found in a filled-in form, each naming its sheet and cell.
    struct Problems: Error {
        var messages: [String]
    }

    /// Reads a filled-in form: the drafts in item order, or every problem found.
    static func read(
        _ data: Data, fileName: String, scope: Scope, rows: [Row], language: Language
    ) -> Result<[(itemID: Int64, draft: ReportingService.Draft)], Problems> {
        let sheets: [Workbook.Sheet]
        do {
            sheets = try Workbook.read(data, fileName: fileName)
        } catch {
            return .failure(Problems(messages: [error.description]))
        }
        var errors: [String] = []
        func cellError(_ sheet: String, _ row: Int, _ column: Int, _ why: String) {
            errors.append("工作表“\(sheet)”单元格 \(Workbook.reference(row: row, column: column))：\(why)")
        }
        guard let values = sheets.first(where: { $0.name == valuesSheet }), let narrative = sheets.first(where: { $0.name == narrativeSheet }),
            let about = sheets.first(where: { $0.name == aboutSheet })
        else {
            return .failure(Problems(messages: ["\(fileName)：不是本系统下载的填报表（缺少“\(valuesSheet)”“\(narrativeSheet)”或“\(aboutSheet)”工作表）。"]))
        }
        let formScope = (Int64(about.text(row: 0, column: 1)), Int64(about.text(row: 1, column: 1)), Period(about.text(row: 2, column: 1)))
        guard formScope.0 == scope.planID, formScope.1 == scope.unitID, formScope.2 == scope.period else {
            return .failure(Problems(messages: ["工作表“\(aboutSheet)”：这张表属于其他单位或其他期间，不能在这里上传。"]))
        }
        let byNumber = Dictionary(uniqueKeysWithValues: rows.map { ($0.item.number, $0) })
        var drafts: [Int: ReportingService.Draft] = [:]
        func draft(_ number: Int) -> ReportingService.Draft {
            drafts[number] ?? ReportingService.Draft(values: [], progress: "", problems: "", nextSteps: "")
        }
        for rowIndex in 2..<max(2, values.rows.count) {
            let numberText = values.text(row: rowIndex, column: 0)
            if values.rows[rowIndex].allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard let number = Int(numberText), let row = byNumber[number] else {
                cellError(valuesSheet, rowIndex, 0, "事项序号“\(numberText)”不是本单位本期需要报送的事项。")
                continue
            }
            guard let indicatorID = Int64(values.text(row: rowIndex, column: 2)),
                let indicator = row.indicators.first(where: { $0.id == indicatorID })
            else {
                cellError(valuesSheet, rowIndex, 2, "指标编号“\(values.text(row: rowIndex, column: 2))”不属于第\(number)项。")
                continue
            }
            if let state = row.report?.state, state == .submitted || state == .accepted {
                let valueText = values.text(row: rowIndex, column: 6)
                if !valueText.isEmpty, Decimal(string: valueText) != row.report?.value(for: indicatorID)?.value {
                    cellError(valuesSheet, rowIndex, 6, "第\(number)项已报送，不能通过表格修改。")
                }
                continue
            }
            var value: ReportValue?
            let valueText = values.text(row: rowIndex, column: 6).trimmingCharacters(in: .whitespaces)
            if !valueText.isEmpty {
                do {
                    value = ReportValue(
                        indicatorID: indicatorID, value: try ReportValues.decimal(valueText, indicator: indicator, language: language))
                } catch let error as AppError {
                    cellError(valuesSheet, rowIndex, 6, error.message)
                } catch {}
            }
            let dateText = values.text(row: rowIndex, column: 7).trimmingCharacters(in: .whitespaces)
            if !dateText.isEmpty {
                var date = CalendarDate(iso: dateText) ?? CalendarDate(iso: dateText.replacingOccurrences(of: "/", with: "-"))
                if date == nil, values.isNumeric(row: rowIndex, column: 7), let serial = Int(dateText) { date = Workbook.date(fromSerial: serial) }
                if let date {
                    value = ReportValue(indicatorID: indicatorID, value: value?.value, reachedOn: date)
                } else {
                    cellError(valuesSheet, rowIndex, 7, "“\(dateText)”不是日期，应写作 2019-09-30。")
                }
            }
            var entry = draft(number)
            if let value { entry.values.append(value) }
            drafts[number] = entry
        }
        for rowIndex in 2..<max(2, narrative.rows.count) {
            let numberText = narrative.text(row: rowIndex, column: 0)
            if narrative.rows[rowIndex].allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            guard let number = Int(numberText), let row = byNumber[number] else {
                cellError(narrativeSheet, rowIndex, 0, "事项序号“\(numberText)”不是本单位本期需要报送的事项。")
                continue
            }
            if let state = row.report?.state, state == .submitted || state == .accepted { continue }
            var entry = draft(number)
            entry.progress = narrative.text(row: rowIndex, column: 2)
            entry.problems = narrative.text(row: rowIndex, column: 3)
            entry.nextSteps = narrative.text(row: rowIndex, column: 4)
            drafts[number] = entry
        }
        guard errors.isEmpty else { return .failure(Problems(messages: errors)) }
        return .success(
            drafts.sorted { $0.key < $1.key }.compactMap { number, draft in
                byNumber[number].map { ($0.item.id, draft) }
            })
    }
}
