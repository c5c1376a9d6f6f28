import Foundation
import Testing

@testable import MinshengCore

/// The same plan in every format imports to the same items, units and targets.
@Suite struct ImportFormatTests {
    /// What must agree across formats: an item's place, units and targets.
    struct Essence: Equatable, CustomStringConvertible {
        var number: Int
        var category: String?
        var lead: [String]
        var responsible: [String]
        var targets: [String]

        var description: String { "#\(number) [\(category ?? "-")] \(lead) \(responsible) \(targets)" }
    }

    static func essence(_ draft: PlanDraft) -> [Essence] {
        draft.categories.flatMap { category in
            category.items.map { item in
                Essence(
                    number: item.number, category: category.name, lead: item.leadUnits, responsible: item.responsibleUnits,
                    targets: item.indicators.flatMap(Self.targets).sorted()
                )
            }
        }
    }

    static func targets(_ indicator: IndicatorDraft) -> [String] {
        var result = [
            "\(indicator.kind.rawValue):\(indicator.target.map(DecimalText.format) ?? "-")\(indicator.unit)\(indicator.provisional ? "?" : "")"
        ]
        result += indicator.allocations.map { "\($0.to)=\(DecimalText.format($0.target))" }
        result += indicator.children.flatMap(targets)
        return result
    }

    static let seed = PlanTextParser().parse(try! DemoPlan.text())

    @Test(arguments: [
        "luoyang-2019-paragraphs.docx", "luoyang-2019-table.docx", "luoyang-2019.xlsx", "luoyang-2019.csv",
        "luoyang-2019-gb18030.txt", "luoyang-2019-utf16.txt",
    ])
    func importsToTheSameItemsUnitsAndTargets(_ file: String) throws {
        let draft = try PlanImporter().read(try Fixtures.data(file), fileName: file)
        let expected = Self.essence(Self.seed)
        let actual = Self.essence(draft)
        #expect(actual.count == 51)
        for (want, got) in zip(expected, actual) {
            #expect(got == want)
        }
        #expect(draft.title == "2019年洛阳市重点民生实事工作方案")
        #expect(draft.year == 2019)
        #expect(draft.jurisdiction == "洛阳市")
    }

    @Test func theWordParagraphsKeepTheNoticeApart() throws {
        let draft = try PlanImporter().read(try Fixtures.data("luoyang-2019-paragraphs.docx"), fileName: "plan.docx")
        #expect(draft.issuers == ["中共洛阳市委办公室", "洛阳市人民政府办公室"])
        #expect(draft.issuedOn == CalendarDate(year: 2019, month: 2, day: 18))
        #expect(draft.notice.contains("责任单位要每月向市政府督查室报送承办事项的进展情况"))
        #expect(draft.items.first { $0.number == 14 }?.text == Self.seed.items.first { $0.number == 14 }?.text)
    }

    @Test func theEncodingsAreRecognised() throws {
        #expect(try TextDecoding.decode(try Fixtures.data("luoyang-2019-gb18030.txt"), file: "a").encoding == .gb18030)
        #expect(try TextDecoding.decode(try Fixtures.data("luoyang-2019-utf16.txt"), file: "b").encoding == .utf16LittleEndian)
        let utf8 = try DemoPlan.text()
        #expect(try TextDecoding.decode(Data([0xEF, 0xBB, 0xBF]) + Data(utf8.utf8), file: "c").text == utf8)
        var bigEndian = Data()
        for unit in "1.新建学校56所".utf16 { bigEndian.append(contentsOf: [UInt8(unit >> 8), UInt8(unit & 0xFF)]) }
        #expect(try TextDecoding.decode(bigEndian, file: "d") == ("1.新建学校56所", .utf16BigEndian))
    }
}

/// Bad input gets one clear error.
@Suite struct ImportErrorTests {
    func error(_ data: Data, _ name: String) -> ImportError? {
        do {
            _ = try PlanImporter().read(data, fileName: name)
            return nil
        } catch {
            return error
        }
    }

    @Test func emptyFiles() {
        #expect(error(Data(), "plan.txt")?.kind == .empty)
        #expect(error(Data(), "plan.txt")?.description.contains("plan.txt") == true)
    }

    @Test func binaryFiles() {
        let bytes = Data((0..<2000).map { UInt8(($0 * 37 + 11) % 256) })
        #expect(error(bytes, "photo.jpg")?.kind == .binary)
    }

    @Test func encryptedAndLegacyOfficeFiles() {
        let ole = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 512))
        #expect(error(ole, "plan.docx")?.kind == .encrypted)
    }

    @Test func corruptPackages() throws {
        var docx = try Fixtures.data("luoyang-2019-table.docx")
        docx.replaceSubrange(200..<4000, with: Data(repeating: 0x41, count: 3800))
        let kind = error(docx, "broken.docx")?.kind
        #expect(kind == .corrupt || kind == .binary)
        #expect(error(Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]), "truncated.xlsx")?.kind == .corrupt)
    }

    @Test func aDocumentWithoutItems() {
        let text = "# 关于做好民生工作的意见\n\n各单位要高度重视。\n"
        #expect(error(Data(text.utf8), "notes.md")?.kind == .noItems)
    }

    @Test func aTableWithoutHeader() {
        let csv = "a,b,c\n1,2,3\n"
        #expect(error(Data(csv.utf8), "table.csv")?.kind == .missingColumns)
    }

    @Test func pdfIsNotSupported() {
        #expect(error(Data("%PDF-1.7\n".utf8), "plan.pdf")?.kind == .unsupported)
    }
}
