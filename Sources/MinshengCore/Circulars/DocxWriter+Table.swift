import Foundation

/// The attachment table: the columns whose cells must stay on one line (序号, 完成率, 进度状态, 完成评价) exactly as wide as
/// their widest cell, the others sharing the rest where it saves the most lines; a number kept with its unit or percent
/// sign by word joiners; rows that never split across pages and a header row repeated on each page.
extension DocxWriter {
    /// One character of the table's 小五 (9 pt) text, in twips.
    static let tableCharacter = 180
    /// The table's lines: 11 pt apart.
    static let tableLinePitch = 220
    /// Each cell's left and right margin.
    static let cellMargin = 57
    /// Both cell margins, with room for the faces' side bearings.
    static let cellMargins = 2 * cellMargin + 86
    /// The columns whose cells never wrap, by header.
    static let oneLineColumns: Set<String> = ["序号", "完成率", "进度状态", "完成评价"]
    /// Half characters a line is taken to hold fewer than it does, for the processors' own breaking rules.
    static let lineSlack = 2
    /// The narrowest a wrapping column may be, in characters.
    static let minimumCharacters = 4
    /// Measure words and signs that follow a number (56所, 1.8万人, 5个百分点, 100%).
    static let unitCharacters = Set("%‰个所名人万亿千百元公里米平方亩吨户张辆条座栋间场次批件家床台套处路期项株棵位班岁天小时分点倍级")
    /// Punctuation that may not start a line, and brackets that may not end one.
    static let noLineStart = Set("，。；、：）》”！？")
    static let noLineEnd = Set("（《“")
    /// U+2060 WORD JOINER: no line break on either side, no width.
    static let wordJoiner: Character = "\u{2060}"

    var table: String {
        let rows = document.tableText
        let widths = Self.columnWidths(rows)
        var xml =
            "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>"
            + ["top", "left", "bottom", "right", "insideH", "insideV"].map {
                "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
            }.joined()
            + "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"\(Self.cellMargin)\" w:type=\"dxa\"/>"
            + "<w:right w:w=\"\(Self.cellMargin)\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>"
            + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined()
            + "</w:tblGrid>"
        let centred = Set(rows[0].indices.filter { Self.oneLineColumns.contains(rows[0][$0]) })
        for (index, row) in rows.enumerated() {
            let header = index == 0
            xml += "<w:tr>" + (header ? "<w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:trPr><w:cantSplit/></w:trPr>")
            for (column, text) in row.enumerated() {
                let alignment = header || centred.contains(column) ? "center" : "left"
                xml +=
                    "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[column])\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
                    + "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/><w:jc w:val=\"\(alignment)\"/></w:pPr>"
                    + run(Self.keepingUnits(text), font: header ? Self.headingFont : nil) + "</w:p></w:tc>"
            }
            xml += "</w:tr>"
        }
        // The paragraph a document must end with, one point tall, so that a table that fills its last page leaves no
        // empty page after it.
        return xml
            + "</w:tbl><w:p><w:pPr><w:snapToGrid w:val=\"0\"/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/>"
            + "<w:rPr><w:sz w:val=\"2\"/><w:szCs w:val=\"2\"/></w:rPr></w:pPr></w:p>"
    }

    /// Column widths in twips that fill the landscape type area. A one-line column is as wide as its widest cell; each
    /// other column at least `minimumCharacters` and its widest unbreakable piece (25900场；) wide. Of the layouts that
    /// give every wrapping column room for a share of its cells in a like number of lines, the one whose rows take the
    /// fewest lines is kept, its spare width given one character at a time where it saves the most lines.
    static func columnWidths(_ rows: [[String]]) -> [Int] {
        guard let header = rows.first else { return [] }
        let layout = TableLayout(rows: rows.map { $0.map(tokens) }, wrapping: header.indices.filter { !oneLineColumns.contains(header[$0]) })
        let floor = header.indices.map { column in
            layout.wrapping.contains(column)
                ? width(perLine: max(layout.rows.map { $0[column].max() ?? 0 }.max() ?? 0, minimumCharacters * 2))
                : width(perLine: layout.rows.map { $0[column].reduce(0, +) }.max() ?? 0) - tableCharacter / 2
        }
        var best = layout.filled(floor)
        var bestHeight = layout.height(best)
        for target in 1...8 {
            for share in [50, 75, 90] {
                var widths = floor
                for column in layout.wrapping {
                    let sorted = layout.rows.map { $0[column].reduce(0, +) }.sorted()
                    let cell = sorted[min(sorted.count - 1, sorted.count * share / 100)]
                    widths[column] = max(floor[column], width(perLine: (cell + target - 1) / target))
                }
                guard widths.reduce(0, +) <= landscapeTypeWidth else { continue }
                widths = layout.filled(widths)
                if layout.height(widths) < bestHeight { (best, bestHeight) = (widths, layout.height(widths)) }
            }
        }
        return best
    }

    /// The width of a cell that holds this many half characters on each line.
    static func width(perLine: Int) -> Int { (perLine + 1) * tableCharacter / 2 + cellMargins }

    /// A text's pieces that no line may break, in half characters (an ASCII letter or digit is one, any other
    /// character two): an ASCII run (2019, 100%（), a number with its unit, an opening bracket with what follows it and
    /// punctuation that may not start a line with what precedes it.
    static func tokens(_ text: String) -> [Int] {
        var result: [Int] = []
        var previous: Character?
        var afterNumber = false
        for c in text {
            let width = c.isASCII ? 1 : 2
            let joined =
                previous.map { previous in
                    noLineEnd.contains(previous) || noLineStart.contains(c) || (previous.isASCII && (c.isASCII || noLineEnd.contains(c)))
                        || (afterNumber && unitCharacters.contains(c))
                } ?? false
            if joined, !result.isEmpty { result[result.count - 1] += width } else { result.append(width) }
            afterNumber = (c.isASCII && c.isNumber) || (afterNumber && unitCharacters.contains(c))
            previous = c
        }
        return result
    }

    /// The lines a cell's pieces take when each line holds `perLine` half characters, breaking between pieces.
    static func lines(_ tokens: [Int], perLine: Int) -> Int {
        var lines = 1
        var used = 0
        for token in tokens {
            if used > 0 && used + token > perLine {
                lines += 1
                used = 0
            }
            used += token
            while used > perLine {
                lines += 1
                used -= perLine
            }
        }
        return lines
    }

    /// The text with a word joiner between a number and the measure words or sign after it, so that no line breaks
    /// between 56 and 所, 1.8 and 万人, or 100 and %.
    static func keepingUnits(_ text: String) -> String {
        var result = ""
        var afterNumber = false
        for c in text {
            if afterNumber && unitCharacters.contains(c) {
                result.append(wordJoiner)
            } else {
                afterNumber = false
            }
            result.append(c)
            if c.isASCII && c.isNumber { afterNumber = true }
        }
        return result
    }
}

/// The attachment table's cells as unbreakable pieces, with the lines each wrapping column takes at a width.
private final class TableLayout {
    let rows: [[[Int]]]
    let wrapping: [Int]
    private var memo: [Int: [Int: [Int]]] = [:]

    init(rows: [[[Int]]], wrapping: [Int]) {
        self.rows = rows
        self.wrapping = wrapping
    }

    /// Each row's lines in a column this wide.
    func lines(column: Int, width: Int) -> [Int] {
        if let known = memo[column]?[width] { return known }
        let perLine = max(1, (width - DocxWriter.cellMargins) * 2 / DocxWriter.tableCharacter - DocxWriter.lineSlack)
        let counted = rows.map { DocxWriter.lines($0[column], perLine: perLine) }
        memo[column, default: [:]][width] = counted
        return counted
    }

    /// The lines of the whole table: each row as tall as its tallest cell.
    func height(_ widths: [Int]) -> Int {
        let columns = wrapping.map { lines(column: $0, width: widths[$0]) }
        return rows.indices.reduce(0) { total, row in total + (columns.map { $0[row] }.max() ?? 1) }
    }

    /// The widths with the spare width given one character at a time where it saves the most lines (the rows' tallest
    /// cells first, then the column's own), and what is left to the widest column.
    func filled(_ widths: [Int]) -> [Int] {
        var widths = widths
        let step = DocxWriter.tableCharacter
        func cost(adding column: Int) -> (rows: Int, own: Int) {
            var wider = widths
            wider[column] += step
            let own = zip(lines(column: column, width: wider[column]), lines(column: column, width: widths[column])).reduce(0) { $0 + $1.0 - $1.1 }
            return (height(wider), own)
        }
        while widths.reduce(0, +) + step <= DocxWriter.landscapeTypeWidth, let column = wrapping.min(by: { cost(adding: $0) < cost(adding: $1) }) {
            widths[column] += step
        }
        if let widest = wrapping.max(by: { widths[$0] < widths[$1] }) { widths[widest] += DocxWriter.landscapeTypeWidth - widths.reduce(0, +) }
        return widths
    }
}
