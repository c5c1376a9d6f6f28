import Foundation
import Testing

@testable import MinshengCore

/// Circulars that can be issued as drafted: items named by whole short titles, titles broken between phrases, table
/// cells that keep numbers with their units.
@Suite struct CircularLayoutTests {
    @Test func aShortTitleIsTheFirstClauseWithoutAsidesOrAnnouncingWords() {
        #expect(ItemShortTitle.make(from: "实现54000名贫困人口脱贫(最终数据以省下达任务为准)。确保嵩县实现整体脱贫。") == "实现54000名贫困人口脱贫")
        #expect(ItemShortTitle.make(from: "加强农村义务教育寄宿制学校建设,新建改扩建寄宿制学校56所。") == "加强农村义务教育寄宿制学校建设")
        #expect(ItemShortTitle.make(from: "关爱留守(流动)儿童,建设100个“留守儿童之家”。") == "关爱留守(流动)儿童")
        // A leading verb goes only before the name of a project; a leading adverb always.
        #expect(ItemShortTitle.make(from: "实施文化惠民工程。完成公益电影放映任务35000场。") == "文化惠民工程")
        #expect(ItemShortTitle.make(from: "实施就业优先政策,提供全方位就业服务。") == "实施就业优先政策")
        #expect(ItemShortTitle.make(from: "进一步改善农村出行条件。实施“通村入组”工程。") == "改善农村出行条件")
        // A clause too short to name anything keeps the next one.
        #expect(ItemShortTitle.make(from: "同时,新增停车位15500个。") == "同时，新增停车位15500个")
        // A framing clause gives way to the commitment; a long list closed by 等 keeps its first member.
        #expect(ItemShortTitle.make(from: "围绕乡村振兴战略,实施绿村工程。") == "绿村工程")
        #expect(
            ItemShortTitle.make(from: "加大对城镇登记失业人员、高校毕业生、返乡创业农民工、建档立卡贫困人口、农村自主创业农民等扶持力度,发放创业担保贷款15亿元。")
                == "加大对城镇登记失业人员等扶持力度")
        #expect(ItemShortTitle.make(from: "建设市少儿图书馆、方志馆。") == "建设市少儿图书馆、方志馆")
    }

    @Test func everyDemoItemHasAWholeShortTitleAndNoNameIsCut() throws {
        let draft = PlanTextParser().parse(try DemoPlan.text())
        let extractor = TargetExtractor(year: 2019)
        #expect(draft.items.count == 51)
        for item in draft.items {
            let title = ItemShortTitle.make(from: item.text)
            #expect(!title.contains("…"), "item \(item.number): \(title)")
            #expect((4...ItemShortTitle.listLength * 2).contains(title.count), "item \(item.number): \(title)")
            #expect(item.title == title, "item \(item.number)")
            for indicator in extractor.completing(item).indicators {
                #expect(!indicator.name.contains("…"), "item \(item.number): \(indicator.name)")
            }
        }
    }

    @Test func aLongNameKeepsWholePhrases() {
        let name = "城镇登记失业人员、高校毕业生、返乡创业农民工、建档立卡贫困人口、农村自主创业农民等扶持力度发放创业担保贷款"
        #expect(ChineseText.wholePhrases(of: name, limit: 40, fromEnd: true) == "返乡创业农民工、建档立卡贫困人口、农村自主创业农民等扶持力度发放创业担保贷款")
        #expect(ChineseText.wholePhrases(of: name, limit: 20, fromEnd: false) == "城镇登记失业人员、高校毕业生")
        #expect(ChineseText.wholePhrases(of: "新建学校", limit: 2, fromEnd: true) == "新建学校")
    }

    @Test func theCircularsTitleBreaksBetweenPhrases() {
        #expect(TitleLines.lines("关于2019年1—9月份重点民生实事进展情况的通报", limit: 20) == ["关于2019年1—9月份", "重点民生实事进展情况的通报"])
        #expect(TitleLines.lines("关于2019年上半年重点民生实事办理情况的总结", limit: 20) == ["关于2019年上半年", "重点民生实事办理情况的总结"])
        #expect(TitleLines.lines("关于2019年重点民生实事完成情况的综合报告", limit: 20) == ["关于2019年重点民生实事完成情况的综合报告"])
        #expect(
            TitleLines.lines("2019年洛阳市重点民生实事工作方案进展情况表（截至2019年9月30日）", limit: 28)
                == ["2019年洛阳市重点民生实事工作方案", "进展情况表（截至2019年9月30日）"])
    }

    @Test(arguments: [
        "关于进一步加强2019年1—9月份重点民生实事督查情况和群众满意度测评工作的通报", "关于表彰2019年度重点民生实事工作先进单位和先进个人的决定",
        "一个没有任何可以断开的地方而且非常非常非常非常长的标题文字",
    ])
    func everyTitleLineFitsAndNoDateOrBracketIsBroken(title: String) {
        let lines = TitleLines.lines(title, limit: 20)
        #expect(lines.joined() == title)
        #expect(lines.count > 1)
        for line in lines { #expect(line.reduce(0) { $0 + ($1.isASCII ? 1 : 2) } <= 40, "\(line)") }
        for (line, next) in zip(lines, lines.dropFirst()) {
            #expect(!(line.last!.isNumber && (next.first!.isNumber || "年月日份—".contains(next.first!))), "\(line) / \(next)")
        }
    }

    @Test func numbersKeepTheirUnitsAndPercentSigns() {
        let joiner = "\u{2060}"
        #expect(DocxWriter.keepingUnits("新建学校56所；受助面100%") == "新建学校56\(joiner)所；受助面100\(joiner)%")
        #expect(DocxWriter.keepingUnits("培训1.8万人，提高5个百分点") == "培训1.8\(joiner)万\(joiner)人，提高5\(joiner)个\(joiner)百\(joiner)分\(joiner)点")
        #expect(DocxWriter.keepingUnits("3100个远程医疗服务点") == "3100\(joiner)个远程医疗服务点")
        #expect(DocxWriter.keepingUnits("2019年") == "2019年")
    }

    @Test func theTableFillsTheLandscapePageAndShortColumnsNeverWrap() {
        let rows = [
            OfficialDocument.tableHeader,
            ["1", "实现54000名贫困人口脱贫", "脱贫人口54000名", "50000名", "93%", "严重滞后", "市扶贫办", "相关县（市、区）政府", ""],
            ["51", "文化惠民工程", "公益电影放映35000场；文化惠民演出460场", "25900场；340场", "100%", "未报送", "市委宣传部、市文化广电和旅游局", "相关县（市、区）政府", "数据截至6月"],
        ]
        let widths = DocxWriter.columnWidths(rows)
        #expect(widths.reduce(0, +) == DocxWriter.landscapeTypeWidth)
        let holds = { (column: Int, halfCharacters: Int) in
            widths[column] >= halfCharacters * DocxWriter.tableCharacter / 2 + 2 * DocxWriter.cellMargin
        }
        // 序号, 完成率 and 进度状态 hold their widest cell (the header) on one line.
        #expect(holds(0, 4) && holds(4, 6) && holds(5, 8))
        // Every other column holds its widest unbreakable piece: 25900场； in 完成情况.
        #expect(holds(3, 9))
        for column in [1, 2, 6, 7, 8] { #expect(holds(column, DocxWriter.minimumCharacters * 2), "column \(column)") }
    }

    @Test func aCellBreaksOnlyBetweenItsPieces() {
        // 25900场； and 340场 hold together; 完成率's 85%（67人次）； is one piece as the line-breaking rules make it.
        #expect(DocxWriter.tokens("25900场；340场") == [9, 5])
        #expect(DocxWriter.tokens("度85%（67人次）；数") == [2, 15, 2])
        #expect(DocxWriter.lines([4, 4, 4], perLine: 8) == 2)
        #expect(DocxWriter.lines([20], perLine: 8) == 3)
        #expect(DocxWriter.lines([], perLine: 8) == 1)
    }
}
