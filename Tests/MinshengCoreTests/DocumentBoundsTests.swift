import Foundation
import Testing

@testable import MinshengCore

/// A small part cannot make the readers build gigabytes: Word spans stop at Word's widest table, Excel addresses at
/// Excel's grid, and the cells sheets and tables spread to at ``OfficePackage/maxCells``.
@Suite struct DocumentBoundsTests {
    static func docx(_ body: String) -> Data {
        ZipBytes.archive([.stored("word/document.xml", Array("<w:document><w:body>\(body)</w:body></w:document>".utf8))])
    }

    static func xlsx(_ sheet: String) -> Data {
        ZipBytes.archive([
            .stored("xl/workbook.xml", Array(#"<workbook><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>"#.utf8)),
            .stored("xl/worksheets/sheet1.xml", Array("<worksheet><sheetData>\(sheet)</sheetData></worksheet>".utf8)),
        ])
    }

    static func cell(_ reference: String, _ text: String) -> String {
        #"<c r="\#(reference)" t="inlineStr"><is><t>\#(text)</t></is></c>"#
    }

    static func importError(_ data: Data, _ file: String) -> ImportError? {
        do {
            _ = try PlanImporter().read(data, fileName: file)
            return nil
        } catch {
            return error
        }
    }

    @Test func aWordCellSpansAtMostSixtyThreeColumns() throws {
        let table = #"<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="1000000000"/></w:tcPr><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#
        let document = try DocxReader.read(try OfficePackage(data: Self.docx(table), file: "plan.docx"))
        #expect(document.blocks == [.table(rows: [[DocxDocument.Cell(text: "序号", span: 63)]])])
    }

    @Test func wordTablesThatSpreadBeyondTheCellLimitAreRefused() throws {
        let cell = #"<w:tc><w:tcPr><w:gridSpan w:val="63"/></w:tcPr></w:tc>"#
        let row = "<w:tr>" + String(repeating: cell, count: 100) + "</w:tr>"
        let data = Self.docx("<w:tbl>" + String(repeating: row, count: 160) + "</w:tbl>")
        let error = try #require(Self.importError(data, "plan.docx"))
        #expect(error.kind == .tooLarge)
        #expect(error.description == "plan.docx: 表格超过 1000000 个单元格的上限 (the tables spread beyond the limit of 1000000 cells)")
    }

    @Test func cellsFarApartOrALargeMergeAreRefused() throws {
        let far = Self.xlsx(#"<row r="1">\#(Self.cell("A1", "序号"))</row><row r="50000">\#(Self.cell("Z50000", "x"))</row>"#)
        let error = try #require(Self.importError(far, "plan.xlsx"))
        #expect(error.kind == .tooLarge)
        #expect(
            error.description
                == """
                plan.xlsx: 工作表“Sheet1”有 50000 行 × 26 列，超过 1000000 个单元格的上限 (the sheet Sheet1 spans 50000 rows × 26 columns, beyond the limit of \
                1000000 cells)
                """
        )
        let merge = Self.xlsx(
            #"<row r="1">\#(Self.cell("A1", "序号"))</row></sheetData><mergeCells><mergeCell ref="A1:CV20000"/></mergeCells><sheetData>"#)
        #expect(Self.importError(merge, "plan.xlsx")?.kind == .tooLarge)
    }

    @Test func aPartOverTenMegabytesWithinTheLimitIsRead() throws {
        let text = String(repeating: "文", count: 3_000)
        let rows = (1...1_300).map { #"<row r="\#($0)">\#(Self.cell("A\($0)", text))</row>"# }.joined()
        let data = Self.xlsx(rows)
        #expect(data.count > 11 << 20)
        let sheet = try Workbook.read(data, fileName: "a.xlsx")[0]
        #expect(sheet.rows.count == 1_300)
        #expect(sheet.rows.allSatisfy { $0 == [text] })
    }

    @Test func referencesOutsideExcelsGridAndBackwardMergesAreReadSafely() throws {
        let backward = Self.xlsx(
            #"<row r="1">\#(Self.cell("A1", "v"))</row></sheetData><mergeCells><mergeCell ref="B2:A1"/></mergeCells><sheetData>"#)
        #expect(try Workbook.read(backward, fileName: "a.xlsx")[0].rows == [["v", "v"], ["v", "v"]])
        let overflowing = Self.xlsx(
            #"<row r="1">\#(Self.cell("AAAAAAAAAAAAAAAAAAAAAAAAA1", "x"))\#(Self.cell("XFE1", "y"))\#(Self.cell("B1048577", "z"))</row>"#)
        #expect(try Workbook.read(overflowing, fileName: "a.xlsx")[0].rows == [["x", "y", "z"]])
    }
}
