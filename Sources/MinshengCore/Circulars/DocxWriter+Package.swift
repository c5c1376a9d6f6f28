import Foundation

/// The package's parts besides the body: content types, relationships, document properties, styles, settings and the
/// page-number footers.
extension DocxWriter {
    func contentTypes(charts: Int) -> String {
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

    var core: String {
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

    func documentRelationships(charts: Int) -> String {
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
                <w:style w:type=\"paragraph\" w:styleId=\"TableText\"><w:name w:val=\"Table Text\"/><w:pPr><w:snapToGrid w:val=\"0\"/>\
                <w:spacing w:line=\"\(tableLinePitch)\" w:lineRule=\"exact\"/><w:jc w:val=\"left\"/>\
                <w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/></w:pPr><w:rPr><w:spacing w:val=\"0\"/>\
                <w:sz w:val=\"\(tableCharacter / 10)\"/><w:szCs w:val=\"\(tableCharacter / 10)\"/></w:rPr></w:style>
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
}
