import Foundation
import ZIPFoundation

/// Writes an official document as a Word file laid out to GB/T 9704-2012 (党政机关公文格式): A4; margins 37 mm top,
/// 35 mm bottom, 28 mm left, 26 mm right; title in 2号 方正小标宋简体, centred; body in 3号 仿宋_GB2312 with a
/// two-character indent on a grid of 22 lines of 28 characters; headings 一、in 黑体 and （一）in 楷体_GB2312; page
/// numbers "— 1 —" in 4号 宋体, odd pages right and even pages left; signature and date; the attachment table in a
/// landscape section; charts as native Word charts. The parts are written in extensions: `DocxWriter+Package` (content
/// types, relationships, properties, styles, settings, footers), `DocxWriter+Body` and `DocxWriter+Chart`.
package struct DocxWriter: Sendable {
    /// Millimetres in twentieths of a point.
    static func twips(_ millimetres: Double) -> Int { Int((millimetres * 1440 / 25.4).rounded()) }

    static let pageWidth = 11906
    static let pageHeight = 16838
    static let marginTop = twips(37)
    static let marginBottom = twips(35)
    static let marginLeft = twips(28)
    static let marginRight = twips(26)
    /// 22 lines in the type area.
    package static let linePitch = (pageHeight - marginTop - marginBottom) / 22
    /// 28 characters of 16 pt in the type area: each character is narrowed by this many twentieths of a point.
    /// (A character grid would do the same in Word, but other processors read the grid differently.)
    static let characterSpacing: Int = {
        let widthPoints = Double(pageWidth - marginLeft - marginRight) / 20
        return Int(((widthPoints / 28) - 16) * 20 - 0.5)
    }()

    /// The width of the landscape attachment's type area.
    static let landscapeTypeWidth = pageHeight - marginTop - marginBottom
    /// The 2号 (22 pt) title's full characters per line in a type area this wide.
    static func titleCharacters(in width: Int) -> Int { width / (22 * 20) }

    static let titleFont = "方正小标宋简体"
    static let bodyFont = "仿宋_GB2312"
    static let headingFont = "黑体"
    static let subheadingFont = "楷体_GB2312"
    static let pageNumberFont = "宋体"

    package var document: OfficialDocument

    package init(document: OfficialDocument) {
        self.document = document
    }

    package func data() throws -> Data {
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

    /// 2019年10月8日, with Arabic numerals as GB/T 9704-2012 asks.
    package static func chineseDate(_ date: CalendarDate) -> String {
        "\(date.year)年\(date.month)月\(date.day)日"
    }
}
