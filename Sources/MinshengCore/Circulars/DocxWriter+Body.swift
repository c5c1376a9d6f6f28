import Foundation

/// The document body: number, title, addressee, sections, charts, signature and date, then the attachment table in a
/// landscape section.
extension DocxWriter {
    var body: String {
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
        xml += titleParagraph(document.title, characters: Self.titleCharacters(in: Self.pageWidth - Self.marginLeft - Self.marginRight))
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
        xml += titleParagraph(
            "\(document.planTitle)进展情况表（截至\(Self.chineseDate(document.asOf))）",
            characters: Self.titleCharacters(in: Self.landscapeTypeWidth))
        xml += table
        xml += landscapeSection
        return xml + "</w:body></w:document>"
    }

    private func paragraph(_ text: String, style: String? = nil, alignment: String? = nil, font: String? = nil) -> String {
        var properties = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        if let alignment { properties += "<w:jc w:val=\"\(alignment)\"/>" }
        return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>") + (text.isEmpty ? "" : run(text, font: font)) + "</w:p>"
    }

    /// A title paragraph broken into lines at meaningful places (`TitleLines`), with explicit line breaks.
    private func titleParagraph(_ text: String, characters: Int) -> String {
        let lines = TitleLines.lines(text, limit: characters).map { "<w:t xml:space=\"preserve\">\(XML.escape($0))</w:t>" }
        return "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr><w:r>" + lines.joined(separator: "<w:br/>") + "</w:r></w:p>"
    }

    func run(_ text: String, font: String? = nil, bold: Bool = false) -> String {
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
            + "<w:docGrid w:linePitch=\"312\"/></w:sectPr>"
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
}
