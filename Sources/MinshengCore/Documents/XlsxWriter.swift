import Foundation
import ZIPFoundation

/// Writes simple Excel workbooks: sheets of text and numbers, a bold header row, column widths, a frozen header
/// and optional landscape A4 page setup.
package struct XlsxWriter: Sendable {
    /// A cell's content.
    package enum Cell: Sendable, Equatable {
        case text(String)
        case number(Decimal)
        case empty
    }

    /// One worksheet.
    package struct Sheet: Sendable {
        package var name: String
        package var rows: [[Cell]]
        /// Zero-based index of the header row, shown bold and frozen.
        package var headerRow: Int?
        /// Widths in characters, by column.
        package var columnWidths: [Double]
        package var landscape: Bool

        package init(name: String, rows: [[Cell]], headerRow: Int? = nil, columnWidths: [Double] = [], landscape: Bool = false) {
            self.name = name
            self.rows = rows
            self.headerRow = headerRow
            self.columnWidths = columnWidths
            self.landscape = landscape
        }
    }

    package var sheets: [Sheet]

    package init(sheets: [Sheet]) {
        self.sheets = sheets
    }

    /// The workbook's bytes.
    package func data() throws -> Data {
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Data.Index(position)..<Data.Index(position) + size)
            }
        }
        try add("[Content_Types].xml", contentTypes)
        try add(
            "_rels/.rels",
            """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" \
            Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>
            """)
        try add("xl/workbook.xml", workbook)
        try add("xl/_rels/workbook.xml.rels", workbookRelationships)
        try add("xl/styles.xml", Self.styles)
        for (index, sheet) in sheets.enumerated() {
            try add("xl/worksheets/sheet\(index + 1).xml", Self.worksheet(sheet))
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    private var contentTypes: String {
        let overrides = sheets.indices.map {
            """
            <Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" \
            ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>
            """
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" \
            ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/styles.xml" \
            ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\(overrides)</Types>
            """
    }

    private var workbook: String {
        let entries = sheets.enumerated().map { index, sheet in
            "<sheet name=\"\(XML.escape(String(sheet.name.prefix(31))))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }.joined()
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\(entries)</sheets></workbook>
            """
    }

    private var workbookRelationships: String {
        var entries = sheets.indices.map {
            """
            <Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" \
            Target=\"worksheets/sheet\($0 + 1).xml\"/>
            """
        }
        entries.append(
            """
            <Relationship Id=\"rId\(sheets.count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" \
            Target=\"styles.xml\"/>
            """
        )
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\(entries.joined())</Relationships>
            """
    }

    /// Style 0: normal, wrapped; style 1: bold header with a border and fill.
    static let styles = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="宋体"/></font>\
        <font><b/><sz val="11"/><name val="宋体"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill \
        patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill>\
        </fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left style="thin"/><right style="thin"/><top \
        style="thin"/><bottom style="thin"/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" \
        borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" \
        applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="0" fontId="1" fillId="2" borderId="1" xfId="0" applyFont="1" \
        applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf><xf numFmtId="0" \
        fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/>\
        </cellStyles></styleSheet>
        """

    static func worksheet(_ sheet: Sheet) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        xml +=
            """
            <worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
            xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">
            """
        xml += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        if let header = sheet.headerRow {
            let topLeft = CellAddress(row: header + 1, column: 0).reference
            xml +=
                """
                <sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(header + 1)\" topLeftCell=\"\(topLeft)\" activePane=\"bottomLeft\" \
                state=\"frozen\"/></sheetView></sheetViews>
                """
        }
        if !sheet.columnWidths.isEmpty {
            xml +=
                "<cols>"
                + sheet.columnWidths.enumerated().map {
                    "<col min=\"\($0.offset + 1)\" max=\"\($0.offset + 1)\" width=\"\($0.element)\" customWidth=\"1\"/>"
                }.joined() + "</cols>"
        }
        xml += "<sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() {
            xml += "<row r=\"\(rowIndex + 1)\">"
            let style = rowIndex == sheet.headerRow ? 1 : (sheet.headerRow.map { rowIndex < $0 } ?? false ? 2 : 0)
            for (columnIndex, cell) in row.enumerated() {
                let reference = CellAddress(row: rowIndex, column: columnIndex).reference
                switch cell {
                case .text(let text):
                    xml += "<c r=\"\(reference)\" s=\"\(style)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(XML.escape(text))</t></is></c>"
                case .number(let value):
                    xml += "<c r=\"\(reference)\" s=\"\(style)\"><v>\(DecimalText.format(value))</v></c>"
                case .empty:
                    xml += "<c r=\"\(reference)\" s=\"\(style)\"/>"
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        xml += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
        xml += "<pageSetup paperSize=\"9\" orientation=\"\(sheet.landscape ? "landscape" : "portrait")\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        xml += "</worksheet>"
        return xml
    }
}

/// Escaping for XML text and attributes.
package enum XML {
    package static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                // Control characters are not allowed in XML 1.0.
                if scalar.value >= 0x20 { result.unicodeScalars.append(scalar) }
            }
        }
        return result
    }
}

/// Reads an `.xlsx` workbook's sheets (for callers outside the importer, such as spreadsheet forms).
package enum Workbook {
    /// A sheet's name and rows of cell texts, with the cells that hold numbers.
    package struct Sheet: Sendable {
        package var name: String
        package var rows: [[String]]
        package var numericCells: Set<String>

        package func text(row: Int, column: Int) -> String {
            guard row < rows.count, column < rows[row].count else { return "" }
            return rows[row][column]
        }

        package func isNumeric(row: Int, column: Int) -> Bool {
            numericCells.contains(CellAddress(row: row, column: column).reference)
        }
    }

    package static func read(_ data: Data, fileName: String) throws(ImportError) -> [Sheet] {
        try XlsxReader.read(try OfficePackage(data: data, file: fileName)).map { sheet in
            Sheet(name: sheet.name, rows: sheet.rows, numericCells: Set(sheet.numericCells.map(\.reference)))
        }
    }

    /// The reference of a zero-based cell (`B3`).
    package static func reference(row: Int, column: Int) -> String {
        CellAddress(row: row, column: column).reference
    }

    /// A date from an Excel serial number.
    package static func date(fromSerial serial: Int) -> CalendarDate? {
        TaskTableParser.date(fromExcelSerial: serial)
    }
}
