import Foundation

/// One worksheet as a grid of cell texts, with its merged ranges.
struct Worksheet {
    var name: String
    /// Rows from the top, each as cells from column A; missing cells are empty strings.
    var rows: [[String]]
    /// Cells that hold a number in the file (so a date-formatted cell can be read as a date serial).
    var numericCells: Set<CellAddress>

    func text(row: Int, column: Int) -> String {
        guard row < rows.count, column < rows[row].count else { return "" }
        return rows[row][column]
    }
}

/// A zero-based row and column.
struct CellAddress: Hashable {
    /// Excel's grid: rows 1 to 1,048,576 and columns A to XFD.
    static let rows = 1 << 20
    static let columns = 1 << 14

    var row: Int
    var column: Int

    /// Parses an A1-style reference (`B3`) inside Excel's grid.
    init?(reference: String) {
        var column = 0
        var digits = ""
        for c in reference.uppercased() {
            if let ascii = c.asciiValue, c >= "A" && c <= "Z", digits.isEmpty {
                column = column * 26 + Int(ascii - 64)
                guard column <= Self.columns else { return nil }
            } else if c.isASCII && c.isNumber, digits.count < 8 {
                digits.append(c)
            } else {
                return nil
            }
        }
        guard column > 0, let row = Int(digits), row > 0, row <= Self.rows else { return nil }
        self.row = row - 1
        self.column = column - 1
    }

    init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// The A1-style reference.
    var reference: String {
        var letters = ""
        var n = column + 1
        while n > 0 {
            let remainder = (n - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            n = (n - 1) / 26
        }
        return "\(letters)\(row + 1)"
    }
}

/// Reads the worksheets of an `.xlsx` workbook: shared strings, inline strings, numbers and merged cells.
enum XlsxReader {
    static func read(_ package: OfficePackage) throws(ImportError) -> [Worksheet] {
        let workbook = WorkbookHandler()
        try package.parse("xl/workbook.xml", with: workbook)
        let relationships = RelationshipsHandler()
        if let data = try package.part("xl/_rels/workbook.xml.rels") {
            try OfficePackage.parse(data, name: "xl/_rels/workbook.xml.rels", file: package.file, with: relationships)
        }
        let strings = SharedStringsHandler()
        if let data = try package.part("xl/sharedStrings.xml") {
            try OfficePackage.parse(data, name: "xl/sharedStrings.xml", file: package.file, with: strings)
        }
        var sheets: [Worksheet] = []
        var cells = OfficePackage.maxCells
        for (index, sheet) in workbook.sheets.enumerated() {
            var target = relationships.targets[sheet.relationship] ?? "worksheets/sheet\(index + 1).xml"
            if target.hasPrefix("/") { target.removeFirst() } else { target = "xl/" + target }
            guard package.contains(target) else { continue }
            let handler = SheetHandler(sharedStrings: strings.strings)
            try package.parse(target, with: handler)
            sheets.append(try handler.worksheet(named: sheet.name, file: package.file, cells: &cells))
        }
        guard !sheets.isEmpty else { throw .corrupt(package.file, "工作簿没有工作表 (the workbook has no worksheet)") }
        return sheets
    }
}

private final class WorkbookHandler: XMLHandler {
    var sheets: [(name: String, relationship: String)] = []

    func start(_ name: String, attributes: [String: String]) {
        guard name == "sheet" || name.hasSuffix(":sheet") else { return }
        let relationship = attributes.first { $0.key.hasSuffix(":id") }?.value ?? ""
        sheets.append((attributes["name"] ?? "Sheet\(sheets.count + 1)", relationship))
    }

    func end(_ name: String) {}
    func text(_ string: String) {}
}

private final class RelationshipsHandler: XMLHandler {
    var targets: [String: String] = [:]

    func start(_ name: String, attributes: [String: String]) {
        guard name == "Relationship" || name.hasSuffix(":Relationship"), let id = attributes["Id"], let target = attributes["Target"] else { return }
        targets[id] = target
    }

    func end(_ name: String) {}
    func text(_ string: String) {}
}

private final class SharedStringsHandler: XMLHandler {
    var strings: [String] = []
    private var current: String?
    private var inText = false
    private var inPhonetic = false

    func start(_ name: String, attributes: [String: String]) {
        switch Self.local(name) {
        case "si": current = ""
        case "t": inText = true
        case "rPh": inPhonetic = true
        default: break
        }
    }

    func end(_ name: String) {
        switch Self.local(name) {
        case "si":
            strings.append(current ?? "")
            current = nil
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    func text(_ string: String) {
        if inText && !inPhonetic { current?.append(string) }
    }

    static func local(_ name: String) -> Substring {
        name.split(separator: ":").last ?? Substring(name)
    }
}

private final class SheetHandler: XMLHandler {
    let sharedStrings: [String]
    private var cells: [CellAddress: String] = [:]
    private var numeric: Set<CellAddress> = []
    private var merges: [(CellAddress, CellAddress)] = []
    private var address: CellAddress?
    private var type = "n"
    private var value = ""
    private var capturing = false
    private var nextColumn = 0
    private var rowIndex = -1

    init(sharedStrings: [String]) {
        self.sharedStrings = sharedStrings
    }

    func start(_ name: String, attributes: [String: String]) {
        switch SharedStringsHandler.local(name) {
        case "row":
            rowIndex = (attributes["r"].flatMap(Int.init).map { min(max($0, 1), CellAddress.rows + 1) } ?? (rowIndex + 2)) - 1
            nextColumn = 0
        case "c":
            // A cell outside Excel's grid is dropped.
            address =
                attributes["r"].flatMap(CellAddress.init(reference:))
                ?? (rowIndex < CellAddress.rows && nextColumn < CellAddress.columns ? CellAddress(row: max(rowIndex, 0), column: nextColumn) : nil)
            type = attributes["t"] ?? "n"
            value = ""
        case "v", "t": capturing = address != nil
        case "mergeCell":
            let parts = (attributes["ref"] ?? "").split(separator: ":").map(String.init)
            if parts.count == 2, let from = CellAddress(reference: parts[0]), let to = CellAddress(reference: parts[1]) {
                merges.append(
                    (
                        CellAddress(row: min(from.row, to.row), column: min(from.column, to.column)),
                        CellAddress(row: max(from.row, to.row), column: max(from.column, to.column))
                    ))
            }
        default: break
        }
    }

    func end(_ name: String) {
        switch SharedStringsHandler.local(name) {
        case "v", "t": capturing = false
        case "c":
            guard let address else { return }
            switch type {
            case "s":
                cells[address] = Int(value.trimmingCharacters(in: .whitespaces)).flatMap { $0 < sharedStrings.count ? sharedStrings[$0] : nil } ?? ""
            case "b": cells[address] = value == "1" ? "TRUE" : "FALSE"
            case "n":
                cells[address] = Self.plainNumber(value)
                if !value.isEmpty { numeric.insert(address) }
            default: cells[address] = value
            }
            nextColumn = address.column + 1
            self.address = nil
        default: break
        }
    }

    func text(_ string: String) {
        if capturing { value += string }
    }

    /// Excel writes 98600 as `98600` but may write 0.1 as `0.10000000000000001`; keep what a person typed.
    static func plainNumber(_ text: String) -> String {
        guard let value = Double(text) else { return text }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        var formatted = String(format: "%.10f", value)
        while formatted.hasSuffix("0") { formatted.removeLast() }
        if formatted.hasSuffix(".") { formatted.removeLast() }
        return formatted
    }

    /// The sheet as a grid, which with the merged ranges filled in must fit in what is left of `cells`, the cells
    /// a workbook may spread to (a few cells far apart, or one large merge, would otherwise fill gigabytes).
    func worksheet(named name: String, file: String, cells budget: inout Int) throws(ImportError) -> Worksheet {
        let rowCount = max(cells.keys.map(\.row).max() ?? -1, merges.map(\.1.row).max() ?? -1) + 1
        let columnCount = max(cells.keys.map(\.column).max() ?? -1, merges.map(\.1.column).max() ?? -1) + 1
        let merged = merges.reduce(0) { $0 + ($1.1.row - $1.0.row + 1) * ($1.1.column - $1.0.column + 1) }
        guard rowCount * columnCount <= budget, merged <= budget else {
            throw .tooLarge(
                file,
                "工作表“\(name)”有 \(rowCount) 行 × \(columnCount) 列，超过 \(OfficePackage.maxCells) 个单元格的上限 "
                    + "(the sheet \(name) spans \(rowCount) rows × \(columnCount) columns, beyond the limit of \(OfficePackage.maxCells) cells)")
        }
        budget -= rowCount * columnCount
        // A merged range shows its top-left value in every cell it covers.
        for (from, to) in merges {
            let text = cells[from] ?? ""
            for row in from.row...to.row {
                for column in from.column...to.column where cells[CellAddress(row: row, column: column)] == nil {
                    cells[CellAddress(row: row, column: column)] = text
                }
            }
        }
        var rows = Array(repeating: Array(repeating: "", count: columnCount), count: rowCount)
        for (address, text) in cells { rows[address.row][address.column] = text }
        return Worksheet(name: name, rows: rows, numericCells: numeric)
    }
}
