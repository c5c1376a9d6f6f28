import Foundation
import MinshengCore
import Testing

/// The supervision paragraphs of official documents and the circular's timeliness tally, from facts alone.
@Suite struct SupervisionSummaryTests {
    static func date(_ month: Int, _ day: Int) throws -> CalendarDate { try #require(CalendarDate(year: 2019, month: month, day: day)) }

    @Test func nothingSupervisedWritesNoParagraph() {
        #expect(SupervisionSummary().paragraphs.isEmpty)
    }

    @Test func eachKindOfSupervisionHasItsParagraph() throws {
        let item = "第3项“新建学校”"
        let finding = SupervisionSummary.finding(
            on: try Self.date(8, 12), mode: .unannounced, indicator: "新建学校", measure: "所", reported: 12, verified: Decimal(string: "8.5")!)
        #expect(finding == "2019-08-12暗访：“新建学校”报送12所，核查8.5所")
        let summary = SupervisionSummary(
            notices: [
                .init(grade: .red, answered: false, redOverdue: true, unit: "市教育局", item: item),
                .init(grade: .blue, answered: true, redOverdue: false, unit: "市民政局", item: ""),
            ],
            inspections: [.open, .unannounced, .unannounced],
            discrepancies: [.init(units: ["市教育局", "洛龙区"], item: item, text: finding)],
            rectifications: [
                .init(unit: "市教育局", due: try Self.date(9, 30), closed: false, overdue: true),
                .init(unit: "洛龙区", due: try Self.date(9, 1), closed: true, overdue: false),
            ],
            cases: [
                .init(unit: "市教育局", item: item, rule: .discrepancy, decision: .interview),
                .init(unit: "洛龙区", item: "", rule: .rectificationOverdue, decision: nil),
            ])
        #expect(
            summary.paragraphs == [
                "共发出督办单2件（蓝色督办1件、黄色督办0件、红色督办1件），已反馈1件。逾期未反馈的红色督办：市教育局（第3项“新建学校”）。",
                "开展抽查暗访3次（其中暗访2次）。发现报送数据与核查不符1处：市教育局、洛龙区第3项“新建学校”，2019-08-12暗访：“新建学校”报送12所，核查8.5所。",
                "下发整改要求2项，已整改销号1项，逾期未整改1项：市教育局（应于2019-09-30前完成）。",
                "启动问责2件：市教育局第3项“新建学校”报送数据与核查不符，约谈；洛龙区整改逾期，正在调查处理。",
            ])
    }

    @Test func rectificationsAllOnTimeEndTheSentence() throws {
        let summary = SupervisionSummary(rectifications: [.init(unit: "洛龙区", due: try Self.date(9, 1), closed: true, overdue: false)])
        #expect(summary.paragraphs == ["下发整改要求1项，已整改销号1项。"])
    }

    @Test func timelinessTalliesEachUnitsMonthsOnce() {
        let marks: [CircularBuilder.Timeliness.Mark] = [
            .init(unitID: 2, month: 8, missing: false, late: true),
            .init(unitID: 2, month: 8, missing: false, late: true),
            .init(unitID: 1, month: 9, missing: true, late: false),
            .init(unitID: 1, month: 7, missing: false, late: true),
            .init(unitID: 3, month: 7, missing: false, late: false),
            .init(unitID: 9, month: 7, missing: true, late: false),
        ]
        let tally = CircularBuilder.Timeliness.tally(marks, names: [1: "市教育局", 2: "洛龙区", 3: "市民政局"])
        #expect(tally.map(\.unit) == ["市教育局", "洛龙区"])
        #expect(tally.map(\.lateMonths) == [[7], [8]])
        #expect(tally.map(\.missingMonths) == [[9], []])
    }
}
