import Foundation

/// Reads a task table (任务分解表) into a plan: a header row naming the columns, matched by name in any order,
/// then one row per item, with category rows between them or a category column.
package struct TaskTableParser: Sendable {
    /// The columns a task table may have.
    enum Column: CaseIterable {
        case number, category, item, target, lead, responsible, deadline

        /// Header names, most specific first.
        var names: [String] {
            switch self {
            case .number: return ["序号", "编号", "项目编号", "序"]
            case .category: return ["类别", "项目类别", "类型", "领域", "分类"]
            case .item: return ["项目内容", "主要任务", "项目名称", "实事名称", "实事内容", "民生实事", "工作任务", "具体内容", "项目", "任务", "内容"]
            case .target: return ["目标任务", "年度目标", "工作目标", "建设目标", "目标要求", "任务目标", "目标"]
            case .lead: return ["牵头单位", "主办单位", "牵头部门", "牵头"]
            case .responsible: return ["责任单位", "协办单位", "配合单位", "责任部门", "参与单位", "配合部门"]
            case .deadline: return ["完成时限", "完成时间", "时间节点", "完成期限", "时限"]
            }
        }
    }

    /// Where each column is, and which row holds the header.
    struct Header {
        var row: Int
        var columns: [Column: Int]
    }

    package var year: Int?

    package init(year: Int?) {
        self.year = year
    }

    /// Finds the header row among the first rows: the first with at least two known columns, one of them the item
    /// or target column.
    static func header(in rows: [[String]]) -> Header? {
        for (index, row) in rows.prefix(15).enumerated() {
            var columns: [Column: Int] = [:]
            for (position, cell) in row.enumerated() {
                let name = normalise(cell)
                guard !name.isEmpty, name.count <= 12 else { continue }
                if let column = Column.allCases.first(where: { $0.names.contains(name) && columns[$0] == nil }) {
                    columns[column] = position
                } else if let column = Column.allCases.first(where: { column in
                    columns[column] == nil && column.names.contains { name.hasPrefix($0) }
                }) {
                    columns[column] = position
                }
            }
            if columns.count >= 2, columns[.item] != nil || columns[.target] != nil {
                return Header(row: index, columns: columns)
            }
        }
        return nil
    }

    static func normalise(_ cell: String) -> String {
        ChineseText.removingBracketed(cell, minimumLength: 0).filter { !$0.isWhitespace && $0 != "*" && $0 != "：" && $0 != ":" }
    }

    /// The plan in the rows; `rowNumber` turns a row index into the number people see (Excel row, CSV line).
    func parse(rows: [[String]], header: Header, numericCells: Set<CellAddress> = [], rowNumber: (Int) -> Int = { $0 + 1 }) -> PlanDraft {
        var draft = PlanDraft()
        var warnings: [String] = []
        draft.title = title(above: header.row, in: rows) ?? ""
        draft.year = year ?? PlanHeading.year(in: draft.title)
        draft.jurisdiction = PlanHeading.jurisdiction(in: draft.title)
        let extractor = TargetExtractor(year: draft.year)
        var categories: [CategoryDraft] = []
        var lastNumber = 0
        func cell(_ row: [String], _ column: Column) -> String {
            guard let index = header.columns[column], index < row.count else { return "" }
            return row[index].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        for index in (header.row + 1)..<rows.count {
            let row = rows[index]
            let filled = row.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
            guard !filled.isEmpty else { continue }
            let numberText = cell(row, .number)
            let itemNumber = Self.itemNumber(numberText)
            if itemNumber == nil, let category = categoryRow(filled, numberText: numberText) {
                categories.append(CategoryDraft(number: category.number ?? categories.count + 1, name: category.name))
                continue
            }
            let itemText = cell(row, .item)
            let targetText = cell(row, .target)
            guard !itemText.isEmpty || !targetText.isEmpty else { continue }
            if header.columns[.category] != nil {
                let name = cell(row, .category)
                if !name.isEmpty, categories.last?.name != name {
                    categories.append(CategoryDraft(number: categories.count + 1, name: name))
                }
            }
            if categories.isEmpty { categories.append(CategoryDraft(number: nil, name: nil)) }
            let number = itemNumber ?? lastNumber + 1
            if number != lastNumber + 1 {
                warnings.append("第\(rowNumber(index))行：序号 \(number) 不接续上一项 \(lastNumber)。")
            }
            lastNumber = number
            var text = itemText
            if !targetText.isEmpty, !itemText.contains(targetText) {
                text = itemText.isEmpty ? targetText : itemText + (ChineseText.terminalPunctuation.contains(itemText.last!) ? "" : "，") + targetText
            }
            let lead = UnitListParser.parse(cell(row, .lead).replacingOccurrences(of: "\n", with: "、"))
            let responsible = UnitListParser.parse(cell(row, .responsible).replacingOccurrences(of: "\n", with: "、"))
            var item = ItemDraft(
                number: number, title: ItemShortTitle.make(from: itemText.isEmpty ? targetText : itemText), text: text,
                leadUnits: lead, responsibleUnits: responsible)
            item.indicators = extractor.indicators(in: targetText.isEmpty ? text : targetText, units: lead + responsible)
            item.deadline =
                deadline(
                    cell(row, .deadline), address: header.columns[.deadline].map { CellAddress(row: index, column: $0) },
                    numericCells: numericCells, year: draft.year) ?? extractor.deadline(in: text)
            if lead.isEmpty { item.warnings.append("未找到牵头单位。") }
            categories[categories.count - 1].items.append(item)
        }
        draft.categories = categories.filter { !$0.items.isEmpty }
        if draft.items.isEmpty { warnings.append("表格中没有事项行。") }
        if draft.title.isEmpty { warnings.append("未找到方案标题。") }
        draft.warnings = warnings
        return draft
    }

    /// The text of the title row above the header, skipping 附件 labels.
    private func title(above headerRow: Int, in rows: [[String]]) -> String? {
        for row in rows.prefix(headerRow) {
            for cell in row {
                let text = cell.trimmingCharacters(in: .whitespacesAndNewlines)
                if text.isEmpty || text.hasPrefix("附件") || text.hasPrefix("附表") { continue }
                return text
            }
        }
        return nil
    }

    /// A row that is a category heading: `一、教育`, or one text spread across merged cells.
    private func categoryRow(_ filled: [String], numberText: String) -> (number: Int?, name: String)? {
        if let heading = Markers.categoryHeading(filled[0]) { return (heading.number, heading.name) }
        if Set(filled).count == 1, filled[0].count <= 30 { return (nil, filled[0]) }
        if let numeral = ChineseText.numeralValue(numberText), filled.count == 2 { return (numeral, filled[1]) }
        return nil
    }

    static func itemNumber(_ text: String) -> Int? {
        let digits = text.filter { $0.isASCII && $0.isNumber || QuantityScanner.asciiDigit($0) != nil }
        guard !digits.isEmpty, digits.count <= 4 else { return nil }
        let stripped = text.filter { !"()（）.．、 ".contains($0) }
        if stripped.hasSuffix(".0") || stripped == digits || stripped.allSatisfy({ QuantityScanner.asciiDigit($0) != nil }) {
            return Int(String(digits.map { QuantityScanner.asciiDigit($0) ?? $0 }).prefix(stripped.hasSuffix(".0") ? digits.count - 1 : digits.count))
        }
        return nil
    }

    /// A deadline cell: an Excel date serial, an ISO or slashed date, or words such as 12月底前.
    private func deadline(_ text: String, address: CellAddress?, numericCells: Set<CellAddress>, year: Int?) -> CalendarDate? {
        guard !text.isEmpty else { return nil }
        if let address, numericCells.contains(address), let serial = Int(text), serial > 20000, serial < 80000 {
            return Self.date(fromExcelSerial: serial)
        }
        let normalised = text.replacingOccurrences(of: "/", with: "-").replacingOccurrences(of: ".", with: "-")
        let parts = normalised.split(separator: "-").compactMap { Int($0) }
        if parts.count == 3, parts[0] > 1900, let date = CalendarDate(year: parts[0], month: parts[1], day: parts[2]) { return date }
        if let date = ChineseText.wholeDate(text) { return date }
        return year.flatMap { Deadlines.find(in: text, year: $0) }
    }

    /// Excel counts days from 1899-12-30.
    static func date(fromExcelSerial serial: Int) -> CalendarDate? {
        var days = serial
        var year = 1899
        var month = 12
        var day = 30
        while days > 0 {
            let left = CalendarDate.daysIn(month: month, year: year) - day
            if days <= left {
                day += days
                days = 0
            } else {
                days -= left + 1
                day = 1
                month += 1
                if month > 12 {
                    month = 1
                    year += 1
                }
            }
        }
        return CalendarDate(year: year, month: month, day: day)
    }
}
