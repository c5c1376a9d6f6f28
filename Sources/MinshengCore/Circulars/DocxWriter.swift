import Foundation
import ZIPFoundation

/// Writes an official document as a Word file laid out to GB/T 9704-2012 (党政机关公文格式): A4; margins 37 mm top,
/// 35 mm bottom, 28 mm left, 26 mm right; title in 2号 方正小标宋简体, centred; body in 3号 仿宋_GB2312 with a
/// two-character indent on a grid of 22 lines of 28 characters; headings 一、in 黑体 and （一）in 楷体_GB2312; page
/// numbers "— 1 —" in 4号 宋体, odd pages right and even pages left; signature and date; the attachment table in a
/// landscape section; charts as native Word charts.
public struct DocxWriter: Sendable {
    /// Millimetres in twentieths of a point.
    static func twips(_ millimetres: Double) -> Int { Int((millimetres * 1440 / 25.4).rounded()) }

    static let pageWidth = 11906
    static let pageHeight = 16838
    static let marginTop = twips(37)
    static let marginBottom = twips(35)
    static let marginLeft = twips(28)
    static let marginRight = twips(26)
    /// 22 lines in the type area.
    public static let linePitch = (pageHeight - marginTop - marginBottom) / 22
    /// 28 characters of 16 pt in the type area: each character is narrowed by this many twentieths of a point.
    /// (A character grid would do the same in Word, but other processors read the grid differently.)
    static let characterSpacing: Int = {
        let widthPoints = Double(pageWidth - marginLeft - marginRight) / 20
        return Int(((widthPoints / 28) - 16) * 20 - 0.5)
    }()

    static let titleFont = "方正小标宋简体"
    static let bodyFont = "仿宋_GB2312"
    static let headingFont = "黑体"
    static let subheadingFont = "楷体_GB2312"
    static let pageNumberFont = "宋体"

    public var document: OfficialDocument

    public init(document: OfficialDocument) {
        self.document = document
    }

    public func data() throws -> Data {
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let bytes = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Data.Index(position)..<Data.Index(position) + size)
            }
        }
        let charts = document.charts
        try add("[Content_Types].xml", contentTypes(charts: charts.count))
        try add("_rels/.rels", Self.packageRelationships)
        try add("docProps/core.xml", core)
        try add("docProps/app.xml", Self.app)
        try add("word/_rels/document.xml.rels", documentRelationships(charts: charts.count))
        try add("word/styles.xml", Self.styles)
        try add("word/settings.xml", Self.settings)
        try add("word/footer1.xml", Self.footer(odd: true))
        try add("word/footer2.xml", Self.footer(odd: false))
        for (index, chart) in charts.enumerated() {
            try add("word/charts/chart\(index + 1).xml", Self.chart(chart))
        }
        try add("word/document.xml", body)
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    // MARK: Package parts

    private func contentTypes(charts: Int) -> String {
        var overrides = [
            ("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
            ("/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"),
            ("/word/settings.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"),
            ("/word/footer1.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"),
            ("/word/footer2.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        ]
        overrides += (0..<charts).map { ("/word/charts/chart\($0 + 1).xml", "application/vnd.openxmlformats-officedocument.drawingml.chart+xml") }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + overrides.map { "<Override PartName=\"\($0.0)\" ContentType=\"\($0.1)\"/>" }.joined()
            + "</Types>"
    }

    static let packageRelationships =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + """
            <Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" \
            Target=\"word/document.xml\"/>
            """
            + """
            <Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" \
            Target=\"docProps/core.xml\"/>
            """
            + """
            <Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" \
            Target=\"docProps/app.xml\"/>
            """
        + "</Relationships>"

    private var core: String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + """
            <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
            xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
            xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">
            """
            + "<dc:title>\(XML.escape(document.title))</dc:title><dc:creator>\(XML.escape(document.issuer))</dc:creator>"
            + "<dcterms:created xsi:type=\"dcterms:W3CDTF\">\(document.date.iso)T00:00:00Z</dcterms:created>"
            + "</cp:coreProperties>"
    }

    static let app =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + """
            <Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>Minsheng</Application>\
            </Properties>
            """

    private func documentRelationships(charts: Int) -> String {
        var relationships = [
            ("rIdStyles", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles", "styles.xml"),
            ("rIdSettings", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings", "settings.xml"),
            ("rIdFooterOdd", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer", "footer1.xml"),
            ("rIdFooterEven", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer", "footer2.xml"),
        ]
        relationships += (0..<charts).map {
            ("rIdChart\($0 + 1)", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart", "charts/chart\($0 + 1).xml")
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + relationships.map { "<Relationship Id=\"\($0.0)\" Type=\"\($0.1)\" Target=\"\($0.2)\"/>" }.joined()
            + "</Relationships>"
    }

    static func fonts(_ name: String) -> String {
        "<w:rFonts w:ascii=\"\(name)\" w:hAnsi=\"\(name)\" w:eastAsia=\"\(name)\" w:cs=\"\(name)\"/>"
    }

    static let styles: String = {
        let exact = "<w:spacing w:line=\"\(linePitch)\" w:lineRule=\"exact\" w:before=\"0\" w:after=\"0\"/>"
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
                + """
                <w:docDefaults><w:rPrDefault><w:rPr>\(fonts(bodyFont))<w:spacing w:val=\"\(characterSpacing)\"/><w:sz w:val=\"32\"/><w:szCs \
                w:val=\"32\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault>
                """
            + "<w:pPrDefault><w:pPr>\(exact)<w:jc w:val=\"both\"/></w:pPr></w:pPrDefault></w:docDefaults>"
                + """
                <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:pPr><w:ind w:firstLineChars=\"200\" \
                w:firstLine=\"640\"/></w:pPr></w:style>
                """
                + """
                <w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:jc \
                w:val=\"center\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:spacing w:line=\"\(linePitch * 6 / 5)\" w:lineRule=\"exact\"/>\
                </w:pPr><w:rPr>\(fonts(titleFont))<w:spacing w:val=\"0\"/><w:sz w:val=\"44\"/><w:szCs w:val=\"44\"/></w:rPr></w:style>
                """
                + """
                <w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:outlineLvl \
                w:val=\"0\"/></w:pPr><w:rPr>\(fonts(headingFont))</w:rPr></w:style>
                """
                + """
                <w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:outlineLvl \
                w:val=\"1\"/></w:pPr><w:rPr>\(fonts(subheadingFont))</w:rPr></w:style>
                """
                + """
                <w:style w:type=\"paragraph\" w:styleId=\"Addressee\"><w:name w:val=\"Addressee\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:ind \
                w:firstLineChars=\"0\" w:firstLine=\"0\"/></w:pPr></w:style>
                """
                + """
                <w:style w:type=\"paragraph\" w:styleId=\"Signature\"><w:name w:val=\"Signature\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:jc \
                w:val=\"right\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\" w:rightChars=\"400\" w:right=\"1280\"/></w:pPr></w:style>
                """
                + """
                <w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/><w:pPr><w:spacing w:line=\"300\" \
                w:lineRule=\"auto\"/><w:jc w:val=\"left\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/></w:pPr><w:rPr><w:spacing w:val=\"0\"/>\
                <w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/></w:rPr></w:style>
                """
                + """
                <w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblCellMar><w:left \
                w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>
                """
            + "</w:styles>"
    }()

    static let settings =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + """
            <w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:evenAndOddHeaders/><w:defaultTabStop \
            w:val=\"420\"/>
            """
            + """
            <w:characterSpacingControl w:val=\"compressPunctuation\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" \
            w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>
            """

    /// "— 1 —" in 4号 宋体: odd pages right with one character's space, even pages left.
    static func footer(odd: Bool) -> String {
        let run = { (text: String) in "<w:r><w:rPr>\(fonts(pageNumberFont))<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/></w:rPr>\(text)</w:r>" }
        let indent =
            odd
            ? "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\" w:rightChars=\"100\" w:right=\"280\"/>"
            : "<w:ind w:firstLineChars=\"0\" w:firstLine=\"0\" w:leftChars=\"100\" w:left=\"280\"/>"
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + """
            <w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:pPr><w:jc \
            w:val=\"\(odd ? "right" : "left")\"/>\(indent)<w:spacing w:line=\"240\" w:lineRule=\"auto\"/></w:pPr>
            """
            + run("<w:t xml:space=\"preserve\">— </w:t>") + run("<w:fldChar w:fldCharType=\"begin\"/>")
            + run("<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>")
            + run("<w:fldChar w:fldCharType=\"separate\"/>") + run("<w:t>1</w:t>") + run("<w:fldChar w:fldCharType=\"end\"/>")
            + run("<w:t xml:space=\"preserve\"> —</w:t>")
            + "</w:p></w:ftr>"
    }

    // MARK: Body

    private var body: String {
        var xml =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + """
                <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
                xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" 
                """
                + """
                xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
                xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" 
                """
            + "xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><w:body>"
        if let number = document.number {
            xml += paragraph(number, style: "Addressee", alignment: "center")
        }
        xml += paragraph(document.title, style: "Title")
        xml += paragraph("", style: "Addressee")
        if !document.addressee.isEmpty { xml += paragraph(document.addressee, style: "Addressee") }
        for section in document.sections {
            if let heading = section.heading {
                xml += paragraph(heading, style: section.level == 2 ? "Heading2" : "Heading1")
            }
            for text in section.paragraphs {
                if text.hasPrefix("（"), let close = text.firstIndex(of: "）"), text.distance(from: text.startIndex, to: close) <= 4 {
                    // A （一） lead-in in 楷体, the rest in the body face.
                    let lead = String(text[...close])
                    xml += "<w:p>" + run(lead, font: Self.subheadingFont) + run(String(text[text.index(after: close)...])) + "</w:p>"
                } else {
                    xml += paragraph(text)
                }
            }
        }
        for (index, chart) in document.charts.enumerated() {
            xml += chartParagraph(index: index + 1, title: chart.title, bars: chart.labels.count)
        }
        xml += paragraph("", style: "Addressee")
        xml += paragraph("附件：\(document.planTitle)进展情况表", style: "Addressee")
        xml += paragraph("", style: "Addressee")
        xml += paragraph(document.issuer, style: "Signature")
        xml += "<w:p><w:pPr><w:pStyle w:val=\"Signature\"/>\(portraitSection)</w:pPr>" + run(Self.chineseDate(document.date)) + "</w:p>"
        xml += paragraph("附件", style: "Addressee", font: Self.headingFont)
        xml += paragraph("\(document.planTitle)进展情况表（截至\(Self.chineseDate(document.asOf))）", style: "Title")
        xml += table
        xml += landscapeSection
        return xml + "</w:body></w:document>"
    }

    private func paragraph(_ text: String, style: String? = nil, alignment: String? = nil, font: String? = nil) -> String {
        var properties = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        if let alignment { properties += "<w:jc w:val=\"\(alignment)\"/>" }
        return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + (text.isEmpty ? "" : run(text, font: font)) + "</w:p>"
    }

    private func run(_ text: String, font: String? = nil, bold: Bool = false) -> String {
        var properties = font.map(Self.fonts) ?? ""
        if bold { properties += "<w:b/>" }
        return "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>") + "<w:t xml:space=\"preserve\">\(XML.escape(text))</w:t></w:r>"
    }

    private var portraitSection: String {
        "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooterOdd\"/><w:footerReference w:type=\"even\" r:id=\"rIdFooterEven\"/>"
            + "<w:pgSz w:w=\"\(Self.pageWidth)\" w:h=\"\(Self.pageHeight)\"/>"
                + """
                <w:pgMar w:top=\"\(Self.marginTop)\" w:right=\"\(Self.marginRight)\" w:bottom=\"\(Self.marginBottom)\" \
                w:left=\"\(Self.marginLeft)\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/>
                """
            + "<w:docGrid w:type=\"lines\" w:linePitch=\"\(Self.linePitch)\"/></w:sectPr>"
    }

    /// The attachment table's section: A4 landscape.
    private var landscapeSection: String {
        "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rIdFooterOdd\"/><w:footerReference w:type=\"even\" r:id=\"rIdFooterEven\"/>"
            + "<w:type w:val=\"nextPage\"/><w:pgSz w:w=\"\(Self.pageHeight)\" w:h=\"\(Self.pageWidth)\" w:orient=\"landscape\"/>"
                + """
                <w:pgMar w:top=\"\(Self.marginLeft)\" w:right=\"\(Self.marginTop)\" w:bottom=\"\(Self.marginRight)\" \
                w:left=\"\(Self.marginBottom)\" w:header=\"851\" w:footer=\"700\" w:gutter=\"0\"/>
                """
            + "<w:docGrid w:type=\"lines\" w:linePitch=\"312\"/></w:sectPr>"
    }

    /// Column widths of the attachment table in twips, summing to the landscape type area.
    private var columnWidths: [Int] {
        let total = Self.pageHeight - Self.marginTop - Self.marginBottom
        let shares: [Double] = document.kind == .annual ? [4, 16, 18, 14, 6, 7, 6, 10, 10, 9] : [4, 17, 19, 15, 6, 7, 11, 11, 10]
        let sum = shares.reduce(0, +)
        return shares.map { Int(Double(total) * $0 / sum) }
    }

    private var table: String {
        let widths = columnWidths
        var xml =
            "<w:tbl><w:tblPr><w:tblW w:w=\"\(widths.reduce(0, +))\" w:type=\"dxa\"/><w:jc w:val=\"center\"/><w:tblBorders>"
            + ["top", "left", "bottom", "right", "insideH", "insideV"].map {
                "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
            }.joined()
            + "</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined()
            + "</w:tblGrid>"
        for (index, row) in document.tableText.enumerated() {
            let header = index == 0
            xml += "<w:tr>" + (header ? "<w:trPr><w:tblHeader/></w:trPr>" : "<w:trPr><w:cantSplit/></w:trPr>")
            for (column, text) in row.enumerated() {
                let alignment = header || column == 0 || column == 4 || column == 5 ? "center" : "left"
                xml +=
                    "<w:tc><w:tcPr><w:tcW w:w=\"\(widths[min(column, widths.count - 1)])\" w:type=\"dxa\"/><w:vAlign w:val=\"center\"/></w:tcPr>"
                    + "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/><w:jc w:val=\"\(alignment)\"/></w:pPr>"
                    + run(text, font: header ? Self.headingFont : nil) + "</w:p></w:tc>"
            }
            xml += "</w:tr>"
        }
        return xml + "</w:tbl><w:p/>"
    }

    private func chartParagraph(index: Int, title: String, bars: Int) -> String {
        let width = 5_400_000
        let height = max(1_600_000, 320_000 * bars + 600_000)
        return
            """
            <w:p><w:pPr><w:jc w:val=\"center\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:spacing w:line=\"240\" w:lineRule=\"auto\"/>\
            </w:pPr><w:r><w:drawing>
            """
                + """
                <wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"\(width)\" cy=\"\(height)\"/><wp:docPr id=\"\(index)\" \
                name=\"\(XML.escape(title))\" descr=\"\(XML.escape(title))\"/>
                """
                    + """
                    <a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"><c:chart r:id=\"rIdChart\(index)\"/>\
                    </a:graphicData></a:graphic>
                    """
                + "</wp:inline></w:drawing></w:r></w:p>"
    }

    /// A horizontal bar chart with its values written on the bars.
    static func chart(_ chart: OfficialDocument.Chart) -> String {
        let count = chart.labels.count
        let categories = chart.labels.enumerated().map { "<c:pt idx=\"\($0.offset)\"><c:v>\(XML.escape($0.element))</c:v></c:pt>" }.joined()
        let values = chart.values.enumerated().map { "<c:pt idx=\"\($0.offset)\"><c:v>\($0.element)</c:v></c:pt>" }.joined()
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + """
            <c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\" \
            xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
            xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">
            """
                + """
                <c:lang val=\"zh-CN\"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz=\"1200\"/></a:pPr><a:r><a:rPr \
                lang=\"zh-CN\" sz=\"1200\"><a:latin typeface=\"\(headingFont)\"/><a:ea typeface=\"\(headingFont)\"/></a:rPr>\
                <a:t>\(XML.escape(chart.title))</a:t></a:r></a:p></c:rich></c:tx><c:overlay val=\"0\"/></c:title>
                """
                + """
                <c:autoTitleDeleted val=\"0\"/><c:plotArea><c:layout/><c:barChart><c:barDir val=\"bar\"/><c:grouping val=\"clustered\"/>\
                <c:varyColors val=\"0\"/>
                """
            + "<c:ser><c:idx val=\"0\"/><c:order val=\"0\"/><c:tx><c:v>\(XML.escape(chart.title))</c:v></c:tx>"
                + """
                <c:spPr><a:pattFill prst=\"wdDnDiag\"><a:fgClr><a:srgbClr val=\"404040\"/></a:fgClr><a:bgClr><a:srgbClr val=\"BFBFBF\"/></a:bgClr>\
                </a:pattFill><a:ln><a:solidFill><a:srgbClr val=\"000000\"/></a:solidFill></a:ln></c:spPr>
                """
                + """
                <c:invertIfNegative val=\"0\"/><c:dLbls><c:showLegendKey val=\"0\"/><c:showVal val=\"1\"/><c:showCatName val=\"0\"/><c:showSerName \
                val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>
                """
            + "<c:cat><c:strLit><c:ptCount val=\"\(count)\"/>\(categories)</c:strLit></c:cat>"
            + "<c:val><c:numLit><c:formatCode>General</c:formatCode><c:ptCount val=\"\(count)\"/>\(values)</c:numLit></c:val></c:ser>"
            + "<c:gapWidth val=\"60\"/><c:axId val=\"1001\"/><c:axId val=\"1002\"/></c:barChart>"
                + """
                <c:catAx><c:axId val=\"1001\"/><c:scaling><c:orientation val=\"maxMin\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"l\"/>\
                <c:numFmt formatCode=\"General\" sourceLinked=\"0\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"1002\"/><c:crosses \
                val=\"autoZero\"/><c:auto val=\"1\"/><c:lblAlgn val=\"ctr\"/><c:lblOffset val=\"100\"/></c:catAx>
                """
                + """
                <c:valAx><c:axId val=\"1002\"/><c:scaling><c:orientation val=\"minMax\"/>\(chart.percent ? "<c:max val=\"100\"/>" : "")<c:min \
                val=\"0\"/></c:scaling><c:delete val=\"0\"/><c:axPos val=\"b\"/><c:majorGridlines/><c:numFmt formatCode=\"General\" \
                sourceLinked=\"0\"/><c:tickLblPos val=\"nextTo\"/><c:crossAx val=\"1001\"/><c:crosses val=\"max\"/><c:crossBetween val=\"between\"/>\
                </c:valAx>
                """
            + "</c:plotArea><c:plotVisOnly val=\"1\"/></c:chart></c:chartSpace>"
    }

    /// 2019年10月8日, with Arabic numerals as GB/T 9704-2012 asks.
    public static func chineseDate(_ date: CalendarDate) -> String {
        "\(date.year)年\(date.month)月\(date.day)日"
    }
}
