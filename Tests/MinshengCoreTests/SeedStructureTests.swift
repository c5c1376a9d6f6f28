import Foundation
import Testing

@testable import MinshengCore

/// The bundled 2019 Luoyang plan, read as a person reads it.
@Suite struct SeedStructureTests {
    let draft: PlanDraft

    init() throws {
        draft = PlanTextParser().parse(try DemoPlan.text())
    }

    @Test func thePlanItself() {
        #expect(draft.title == "2019年洛阳市重点民生实事工作方案")
        #expect(draft.year == 2019)
        #expect(draft.jurisdiction == "洛阳市")
        #expect(draft.issuers == ["中共洛阳市委办公室", "洛阳市人民政府办公室"])
        #expect(draft.issuedOn == CalendarDate(year: 2019, month: 2, day: 18))
        #expect(draft.documentNumber == nil)
        #expect(draft.preamble.hasPrefix("市委、市政府决定,2019年继续"))
    }

    @Test func fiftyOneItemsInElevenCategories() throws {
        let expected = try Fixtures.seedUnits()
        #expect(draft.categories.map { $0.name ?? "" } == expected.categories)
        #expect(draft.categories.map(\.number) == Array(1...11).map(Optional.some))
        #expect(draft.items.map(\.number) == Array(1...51))
    }

    @Test func everyUnitListIsAsWritten() throws {
        let expected = try Fixtures.seedUnits()
        for (item, category) in draft.categories.flatMap({ category in category.items.map { ($0, category.name ?? "") } }) {
            let want = try #require(expected.items.first { $0.number == item.number })
            #expect(category == want.category, "item \(item.number)")
            #expect(item.leadUnits == want.lead, "item \(item.number)")
            #expect(item.responsibleUnits == want.responsible, "item \(item.number)")
        }
    }

    @Test func theNoticeIsKeptApartAndItem14ComesOutWhole() throws {
        #expect(draft.notice.hasPrefix("中共洛阳市委办公室 洛阳市人民政府办公室 关于印发《2019年洛阳市重点民生实事工作方案》的通知"))
        #expect(draft.notice.contains("责任单位要每月向市政府督查室报送承办事项的进展情况"))
        #expect(draft.notice.contains("践行群众路线、增强党性锻炼"))
        #expect(draft.notice.contains("民生情怀,以及工作能力"))
        #expect(draft.notice.hasSuffix("2019年2月18日"))
        let item14 = try #require(draft.items.first { $0.number == 14 })
        #expect(item14.text == "深入开展“互联网+医疗健康”便民惠民活动。实现市、县、乡、村3100个远程医疗服务点全覆盖。提升四级远程医疗服务系统标准化建设水平,充分发挥远程医疗优势,解决群众看病难、看病贵问题。")
        #expect(!draft.items.contains { $0.text.contains("通知") || $0.text.contains("督查室") })
    }

    @Test func wordsSplitByPageBreaksAreJoined() throws {
        let item32 = try #require(draft.items.first { $0.number == 32 })
        #expect(item32.text.contains("新增数字高清监控3000路,提升改造高滑卡口260路"))
        let item40 = try #require(draft.items.first { $0.number == 40 })
        #expect(item40.responsibleUnits.contains("市城投集团"))
    }

    @Test func theNewspaperTrailerBelongsToNoItem() throws {
        let item51 = try #require(draft.items.last)
        #expect(item51.text.hasSuffix("完成贫困村光纤覆盖任务。"))
        #expect(!draft.items.contains { $0.text.contains("社会主义核心价值观") || $0.text.contains("洛阳日报") })
        #expect(draft.warnings.contains { $0.contains("洛阳日报报业集团") })
    }

    @Test func titlesAreShortAndFromTheFirstSentence() throws {
        let titles = Dictionary(uniqueKeysWithValues: draft.items.map { ($0.number, $0.title) })
        #expect(titles[1] == "实现54000名贫困人口脱贫")
        #expect(titles[12] == "加快县(市)人民医院提质升级")
        #expect(titles[17] == "实施就业优先政策")
        #expect(draft.items.allSatisfy { !$0.title.isEmpty && $0.title.count <= ItemShortTitle.listLength * 2 && !$0.title.contains("…") })
    }
}
