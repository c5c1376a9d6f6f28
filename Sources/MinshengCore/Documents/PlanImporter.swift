import Foundation

/// Reads a plan from a file in any supported format: plain text or Markdown (UTF-8, UTF-16 or GB18030),
/// Word (.docx, paragraphs or a task table), Excel (.xlsx) or CSV task tables.
package struct PlanImporter: Sendable {
    /// The formats a plan may come in.
    package enum Format: String, Sendable, Codable {
        case text, docx, xlsx, csv
    }

    /// The plan's year, when the document does not say it or says it wrongly.
    package var year: Int?
    /// The jurisdiction's name, when the title does not name it.
    package var jurisdiction: String?

    package init(year: Int? = nil, jurisdiction: String? = nil) {
        self.year = year
        self.jurisdiction = jurisdiction
    }

    /// The format of a file, from its first bytes and, for text, its name.
    package static func format(of data: Data, fileName: String) throws(ImportError) -> Format {
        let head = [UInt8](data.prefix(8))
        guard !head.isEmpty else { throw .empty(fileName) }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { throw .encrypted(fileName) }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
            let package = try OfficePackage(data: data, file: fileName)
            if package.contains("word/document.xml") { return .docx }
            if package.contains("xl/workbook.xml") { return .xlsx }
            throw .binary(fileName)
        }
        if head.starts(with: [0x25, 0x50, 0x44, 0x46]) {
            throw ImportError(
                .unsupported, file: fileName, detail: "不支持 PDF，请导入 Word、Excel 或文本文件 (PDF is not supported; import a Word, Excel or text file)")
        }
        let lowercased = fileName.lowercased()
        if lowercased.hasSuffix(".csv") || lowercased.hasSuffix(".tsv") { return .csv }
        return .text
    }

    /// Reads the file; throws one clear error when it cannot be read or holds no item.
    package func read(_ data: Data, fileName: String) throws(ImportError) -> PlanDraft {
        var draft: PlanDraft
        switch try Self.format(of: data, fileName: fileName) {
        case .text:
            draft = PlanTextParser(year: year).parse(try TextDecoding.decode(data, file: fileName).text)
        case .csv:
            draft = try table(CSVReader.rows(try TextDecoding.decode(data, file: fileName).text), fileName: fileName)
        case .docx:
            draft = try docx(DocxReader.read(try OfficePackage(data: data, file: fileName)), fileName: fileName)
        case .xlsx:
            draft = try xlsx(XlsxReader.read(try OfficePackage(data: data, file: fileName)), fileName: fileName)
        }
        guard !draft.items.isEmpty else { throw .noItems(fileName) }
        if let jurisdiction { draft.jurisdiction = jurisdiction }
        if draft.title.isEmpty {
            draft.title = (fileName as NSString).deletingPathExtension
        }
        return draft
    }

    private func table(_ rows: [[String]], fileName: String, numericCells: Set<CellAddress> = []) throws(ImportError) -> PlanDraft {
        guard let header = TaskTableParser.header(in: rows) else {
            throw ImportError(
                .missingColumns, file: fileName,
                detail: "没有找到表头：需要一行列名，如 序号、项目内容、目标任务、牵头单位、责任单位 (no header row naming the columns, such as 序号, 项目内容, 目标任务, 牵头单位, 责任单位)")
        }
        return TaskTableParser(year: year).parse(rows: rows, header: header, numericCells: numericCells)
    }

    private func xlsx(_ sheets: [Worksheet], fileName: String) throws(ImportError) -> PlanDraft {
        let sheet = sheets.first { TaskTableParser.header(in: $0.rows) != nil } ?? sheets[0]
        var draft = try table(sheet.rows, fileName: "\(fileName)（\(sheet.name)）", numericCells: sheet.numericCells)
        if sheets.count > 1 { draft.warnings.append("工作簿有 \(sheets.count) 张工作表，只导入了“\(sheet.name)”。") }
        return draft
    }

    private func docx(_ document: DocxDocument, fileName: String) throws(ImportError) -> PlanDraft {
        var lines: [String] = []
        var table: [[String]]?
        var cells = OfficePackage.maxCells
        for block in document.blocks {
            switch block {
            case .paragraph(let text, let level):
                lines.append(level.map { String(repeating: "#", count: min($0, 6)) + " " + text } ?? text)
            case .table(let rows):
                // Spanned cells are written out once per grid column, within the cells a document may spread to.
                cells -= rows.reduce(0) { $0 + $1.reduce(0) { $0 + $1.span } }
                guard cells >= 0 else {
                    throw .tooLarge(
                        fileName, "表格超过 \(OfficePackage.maxCells) 个单元格的上限 (the tables spread beyond the limit of \(OfficePackage.maxCells) cells)")
                }
                let grid = rows.map { row in row.flatMap { cell in Array(repeating: cell.text, count: cell.span) } }
                if table == nil, TaskTableParser.header(in: grid) != nil { table = grid }
            }
        }
        var draft = PlanTextParser(year: year).parse(lines.joined(separator: "\n"))
        if let table {
            guard let header = TaskTableParser.header(in: table) else { return draft }
            let fromTable = TaskTableParser(year: year ?? draft.year).parse(rows: table, header: header)
            draft.categories = fromTable.categories
            if draft.title.isEmpty { draft.title = fromTable.title }
            draft.year = draft.year ?? fromTable.year
            draft.jurisdiction = draft.jurisdiction ?? fromTable.jurisdiction
            let tableWarnings = fromTable.warnings.filter { draft.title.isEmpty || !$0.contains("未找到方案标题") }
            draft.warnings = draft.warnings.filter { !$0.contains("未找到任何编号事项") } + tableWarnings
        }
        return draft
    }
}
