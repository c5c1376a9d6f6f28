import Foundation

/// The content of a Word document: paragraphs and tables in order.
struct DocxDocument {
    /// A table cell's text and how many grid columns it spans.
    struct Cell: Equatable {
        var text: String
        var span: Int
    }

    enum Block: Equatable {
        /// A paragraph's text, with Word's automatic numbering written out, and its heading level (1 for 标题 1).
        case paragraph(text: String, headingLevel: Int?)
        case table(rows: [[Cell]])
    }

    var blocks: [Block]
}

/// Reads `word/document.xml` with its numbering and heading styles.
enum DocxReader {
    static func read(_ package: OfficePackage) throws(ImportError) -> DocxDocument {
        let numbering = NumberingHandler()
        if let data = try package.part("word/numbering.xml") {
            try OfficePackage.parse(data, name: "word/numbering.xml", file: package.file, with: numbering)
        }
        let styles = StylesHandler()
        if let data = try package.part("word/styles.xml") {
            try OfficePackage.parse(data, name: "word/styles.xml", file: package.file, with: styles)
        }
        let document = DocumentHandler(numbering: numbering.definitions, headingStyles: styles.headingLevels)
        try package.parse("word/document.xml", with: document)
        return DocxDocument(blocks: document.blocks)
    }
}

/// How one list level is numbered: its format (decimal, chineseCounting…), text pattern (`%1.`) and start.
struct NumberingLevel {
    var format = "decimal"
    var pattern = "%1."
    var start = 1
}

private final class NumberingHandler: XMLHandler {
    /// Levels by numId, then level.
    var definitions: [String: [Int: NumberingLevel]] = [:]
    private var abstract: [String: [Int: NumberingLevel]] = [:]
    private var currentAbstract: String?
    private var currentLevel: Int?
    private var currentNum: String?

    func start(_ name: String, attributes: [String: String]) {
        switch name {
        case "w:abstractNum": currentAbstract = attributes["w:abstractNumId"]
        case "w:lvl":
            currentLevel = attributes["w:ilvl"].flatMap(Int.init)
            if let id = currentAbstract, let level = currentLevel { abstract[id, default: [:]][level] = NumberingLevel() }
        case "w:numFmt": update { $0.format = attributes["w:val"] ?? "decimal" }
        case "w:lvlText": update { $0.pattern = attributes["w:val"] ?? "" }
        case "w:start": update { $0.start = attributes["w:val"].flatMap(Int.init) ?? 1 }
        case "w:num": currentNum = attributes["w:numId"]
        case "w:abstractNumId":
            if let num = currentNum, let id = attributes["w:val"] { definitions[num] = abstract[id] ?? [:] }
        default: break
        }
    }

    private func update(_ change: (inout NumberingLevel) -> Void) {
        guard let id = currentAbstract, let level = currentLevel, var definition = abstract[id]?[level] else { return }
        change(&definition)
        abstract[id]?[level] = definition
    }

    func end(_ name: String) {
        if name == "w:lvl" { currentLevel = nil }
        if name == "w:abstractNum" { currentAbstract = nil }
        if name == "w:num" { currentNum = nil }
    }

    func text(_ string: String) {}
}

private final class StylesHandler: XMLHandler {
    /// Heading level (1-based) by style id.
    var headingLevels: [String: Int] = [:]
    private var styleID: String?

    func start(_ name: String, attributes: [String: String]) {
        switch name {
        case "w:style": styleID = attributes["w:styleId"]
        case "w:name":
            guard let id = styleID, let value = attributes["w:val"]?.lowercased() else { return }
            for prefix in ["heading ", "标题 ", "title"] where value.hasPrefix(prefix) {
                headingLevels[id] = prefix == "title" ? 1 : Int(value.dropFirst(prefix.count)) ?? 1
            }
        case "w:outlineLvl":
            if let id = styleID, let level = attributes["w:val"].flatMap(Int.init), level < 9 { headingLevels[id] = level + 1 }
        default: break
        }
    }

    func end(_ name: String) {
        if name == "w:style" { styleID = nil }
    }

    func text(_ string: String) {}
}

private final class DocumentHandler: XMLHandler {
    let numbering: [String: [Int: NumberingLevel]]
    let headingStyles: [String: Int]
    var blocks: [DocxDocument.Block] = []

    private var paragraph: String?
    private var inText = false
    private var style: String?
    private var outline: Int?
    private var numID: String?
    private var numLevel = 0
    private var counters: [String: [Int: Int]] = [:]

    /// Open tables, innermost last; nested tables fold their text into the outer cell.
    private var tables: [[[DocxDocument.Cell]]] = []
    private var row: [DocxDocument.Cell] = []
    private var cell: [String]?
    private var span = 1
    private var mergeContinues = false
    private var previousRow: [DocxDocument.Cell] = []

    /// Word's widest table: a cell spans at most this many grid columns.
    static let maxColumns = 63

    init(numbering: [String: [Int: NumberingLevel]], headingStyles: [String: Int]) {
        self.numbering = numbering
        self.headingStyles = headingStyles
    }

    func start(_ name: String, attributes: [String: String]) {
        switch name {
        case "w:p":
            paragraph = ""
            style = nil
            outline = nil
            numID = nil
            numLevel = 0
        case "w:t": inText = true
        case "w:tab": paragraph?.append("\t")
        case "w:br", "w:cr": paragraph?.append("\n")
        case "w:pStyle": style = attributes["w:val"]
        case "w:outlineLvl": outline = attributes["w:val"].flatMap(Int.init)
        case "w:numId": numID = attributes["w:val"]
        case "w:ilvl": numLevel = attributes["w:val"].flatMap(Int.init) ?? 0
        case "w:tbl":
            tables.append([])
            if tables.count == 1 { previousRow = [] }
        case "w:tr": if tables.count == 1 { row = [] }
        case "w:tc":
            if tables.count == 1 {
                cell = []
                span = 1
                mergeContinues = false
            }
        case "w:gridSpan": if tables.count == 1 { span = min(max(attributes["w:val"].flatMap(Int.init) ?? 1, 1), Self.maxColumns) }
        case "w:vMerge": if tables.count == 1 { mergeContinues = attributes["w:val"] != "restart" }
        default: break
        }
    }

    func end(_ name: String) {
        switch name {
        case "w:t": inText = false
        case "w:p": finishParagraph()
        case "w:tc":
            guard tables.count == 1, let lines = cell else { return }
            var text = lines.joined(separator: "\n")
            if mergeContinues, text.isEmpty {
                // A vertically merged cell repeats the cell above it.
                let column = row.reduce(0) { $0 + $1.span }
                text = Self.cell(atColumn: column, of: previousRow)?.text ?? ""
            }
            row.append(DocxDocument.Cell(text: text, span: span))
            cell = nil
        case "w:tr":
            guard tables.count == 1 else { return }
            tables[0].append(row)
            previousRow = row
        case "w:tbl":
            let table = tables.removeLast()
            if tables.isEmpty { blocks.append(.table(rows: table)) }
        default: break
        }
    }

    func text(_ string: String) {
        if inText { paragraph?.append(string) }
    }

    private static func cell(atColumn column: Int, of row: [DocxDocument.Cell]) -> DocxDocument.Cell? {
        var position = 0
        for cell in row {
            if position == column { return cell }
            position += cell.span
        }
        return nil
    }

    private func finishParagraph() {
        guard var text = paragraph else { return }
        paragraph = nil
        if let label = numberLabel() { text = label + text }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if cell != nil {
            if !trimmed.isEmpty { cell?.append(trimmed) }
            return
        }
        guard tables.isEmpty else { return }
        let level = outline.map { $0 + 1 } ?? style.flatMap { headingStyles[$0] }
        blocks.append(.paragraph(text: trimmed, headingLevel: level))
    }

    /// The number Word would draw before an automatically numbered paragraph (`3.`, `一、`, `（2）`).
    private func numberLabel() -> String? {
        guard let id = numID, id != "0", let levels = numbering[id], let level = levels[numLevel], level.format != "bullet", level.format != "none"
        else {
            return nil
        }
        var levelCounters = counters[id] ?? [:]
        levelCounters[numLevel] = (levelCounters[numLevel] ?? (level.start - 1)) + 1
        for deeper in levelCounters.keys where deeper > numLevel { levelCounters[deeper] = nil }
        counters[id] = levelCounters
        var label = level.pattern
        for (index, definition) in levels {
            let value = levelCounters[index] ?? definition.start
            label = label.replacingOccurrences(of: "%\(index + 1)", with: Self.format(value, definition.format))
        }
        return label
    }

    private static func format(_ value: Int, _ format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "ideographTraditional", "japaneseCounting", "chineseLegalSimplified":
            return ChineseNumeralWriter.string(value)
        case "upperLetter": return String(UnicodeScalar(64 + (value - 1) % 26 + 1).map(Character.init) ?? "A")
        case "lowerLetter": return String(UnicodeScalar(96 + (value - 1) % 26 + 1).map(Character.init) ?? "a")
        default: return String(value)
        }
    }
}

/// Writes small numbers as Chinese numerals (一, 十二, 二十).
package enum ChineseNumeralWriter {
    private static let digits = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    package static func string(_ value: Int) -> String {
        guard value > 0, value < 100 else { return String(value) }
        if value < 10 { return digits[value] }
        let tens = value / 10
        let ones = value % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
    }
}
