import Foundation
import Testing

@testable import MinshengCore

/// Layouts other than the seed's: inline unit clauses, no category headings, other item numbering.
@Suite struct LayoutTests {
    @Test func inlineUnitsInBracketsAndWithoutHeadings() throws {
        let text = """
            2020年某县重点民生实事

            （一）新建农村公路120公里，12月底前完成（牵头单位：县交通运输局；责任单位：各乡镇人民政府、县财政局）。
            （二）改造老旧小区15个，9月投入使用。主办单位:县住建局,协办单位:城关镇、城郊乡政府。
            （三）新增就业岗位不少于3000个（具体任务以市下达为准）。
            """
        let draft = PlanTextParser().parse(text)
        #expect(draft.categories.count == 1)
        #expect(draft.categories[0].number == nil)
        #expect(draft.categories[0].name == nil)
        #expect(draft.items.map(\.number) == [1, 2, 3])
        let first = draft.items[0]
        #expect(first.leadUnits == ["县交通运输局"])
        #expect(first.responsibleUnits == ["各乡镇人民政府", "县财政局"])
        #expect(first.text == "新建农村公路120公里，12月底前完成。")
        #expect(first.indicators.first?.target == 120)
        #expect(first.indicators.first?.unit == "公里")
        #expect(first.indicators.first?.deadline == CalendarDate(year: 2020, month: 12, day: 31))
        let second = draft.items[1]
        #expect(second.leadUnits == ["县住建局"])
        #expect(second.responsibleUnits == ["城关镇政府", "城郊乡政府"])
        #expect(second.deadline == CalendarDate(year: 2020, month: 9, day: 30))
        let third = draft.items[2]
        #expect(third.indicators.first?.comparator == .atLeast)
        #expect(third.indicators.first?.target == 3000)
    }

    @Test func arabicItemsWithCommaAndParenthesisedNumbers() {
        let text = """
            # 2021年示范市民生实事方案
            一、教育
            1、新建幼儿园5所。
            牵头单位：市教育局
            2、招聘教师二百名。
            牵头单位：市教育局
            二、卫生
            3、建设村卫生室三十个，5月底前动工。
            牵头单位：市卫健委
            """
        let draft = PlanTextParser().parse(text)
        #expect(draft.categories.map(\.name) == ["教育", "卫生"])
        #expect(draft.items.map(\.number) == [1, 2, 3])
        #expect(draft.items[1].indicators.first?.target == 200)
        #expect(draft.items[1].indicators.first?.unit == "名")
        #expect(draft.items[2].indicators.first?.target == 30)
        #expect(draft.items[2].deadline == CalendarDate(year: 2021, month: 5, day: 31))
    }

    @Test func numbersThatAreNotTargetsStayOut() {
        let extractor = TargetExtractor(year: 2019)
        let cases: [(String, [Decimal])] = [
            ("完成第三批52座尾矿库综合整治。", [52]),
            ("对80岁以上老人发放补贴3000人。", [3000]),
            ("为0—6岁残疾儿童开展康复救助不少于1170人。", [1170]),
            ("实现全市4G网络行政村全覆盖。", []),
            ("按照“15分钟阅读圈”的标准新建书房50座。", [50]),
            ("用1年的时间完成改造100户。", [100]),
            ("建设150个直流充电桩(相当于1100个交流充电桩)。", [150]),
            ("全面实现三年整治228座尾矿库的目标。", []),
            ("2019年完成300个。", [300]),
            ("提升四级远程医疗服务系统，完成二级监控中心改造。", []),
        ]
        for (text, expected) in cases {
            let found = extractor.indicators(in: text).compactMap(\.target)
            #expect(found == expected, "\(text)")
        }
    }

    @Test func deadlines() {
        #expect(Deadlines.find(in: "12月底前完成", year: 2019)?.iso == "2019-12-31")
        #expect(Deadlines.find(in: "9月投入使用", year: 2019)?.iso == "2019-09-30")
        #expect(Deadlines.find(in: "5月底前动工", year: 2019)?.iso == "2019-05-31")
        #expect(Deadlines.find(in: "6月30日前建成", year: 2019)?.iso == "2019-06-30")
        #expect(Deadlines.find(in: "年底前达到60%以上", year: 2019)?.iso == "2019-12-31")
        #expect(Deadlines.find(in: "上半年完成", year: 2019)?.iso == "2019-06-30")
        #expect(Deadlines.find(in: "6月前完成", year: 2019)?.iso == "2019-05-31")
        #expect(Deadlines.find(in: "用3个月时间", year: 2019) == nil)
        #expect(Deadlines.find(in: "新建学校56所", year: 2019) == nil)
    }

    @Test func theDryRunJSONShapeIsStable() throws {
        let draft = PlanTextParser().parse("# 2019年某市民生实事\n1.新增城镇就业9.86万人。其中,再就业1.79万人。\n牵头单位:市人社局\n")
        let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(draft)) as! [String: Any]
        for key in ["title", "year", "issuers", "issuedOn", "documentNumber", "notice", "warnings", "categories"] {
            #expect(json.keys.contains(key), "\(key)")
        }
        let category = (json["categories"] as! [[String: Any]])[0]
        #expect(category.keys.contains("number") && category.keys.contains("name"))
        #expect(category["number"] is NSNull)
        let item = (category["items"] as! [[String: Any]])[0]
        for key in ["number", "title", "text", "leadUnits", "responsibleUnits", "deadline", "warnings", "indicators"] {
            #expect(item.keys.contains(key), "\(key)")
        }
        let indicator = (item["indicators"] as! [[String: Any]])[0]
        #expect(indicator["target"] as? String == "98600")
        #expect(indicator["unit"] as? String == "人")
        #expect(indicator["comparator"] as? String == "atLeast")
        #expect(indicator["kind"] as? String == "cumulative")
        #expect(indicator["provisional"] as? Bool == false)
        let child = (indicator["children"] as! [[String: Any]])[0]
        #expect(child["target"] as? String == "17900")
        #expect(indicator["allocations"] is [Any])
        #expect(indicator.keys.contains("source") && indicator.keys.contains("deadline"))
    }
}
