import MinshengCore

/// The words of the battle map: its legend, print and screen modes.
struct BattleMapWords: Bilingual {
    let language: Language

    func title(_ plan: String) -> String { t("挂图作战：\(plan)", "Battle map: \(plan)") }
    var item: String { t("事项", "Item") }
    var leadUnit: String { t("牵头单位", "Lead unit") }
    func month(_ month: Int) -> String { PeriodWords(language: language).monthName(month) }
    var legend: String { t("图例", "Legend") }
    var planned: String { t("计划进度（按序时，虚线框）", "Planned by then (dashed outline)") }
    var actual: String { t("实际完成（已审核，颜色与花纹表示状态）", "Done (accepted; colour and pattern give the status)") }
    var node: String { t("节点及日期（月/日）", "Node and its date (month/day)") }
    var todayLine: String { t("今天", "Today") }
    func asOf(_ day: String) -> String { t("数据截至\(day)", "Data as of \(day)") }
    var lineHint: String { t("红线：今天或数据截至日", "Red line: today, or the day the data stand at") }
    func explanation(_ status: ProgressStatus) -> String {
        switch status {
        case .completed: return t("已完成年度目标", "the year's target is met")
        case .ahead: return t("快于序时进度", "ahead of the planned path")
        case .onSchedule: return t("符合序时进度", "on the planned path")
        case .behind: return t("慢于序时进度（斜线）", "behind the planned path (hatched)")
        case .seriouslyBehind: return t("严重滞后或节点逾期（交叉线）", "seriously behind, or a node overdue (cross-hatched)")
        case .notReported: return t("本月无已审核报告（横线）", "no accepted report this month (striped)")
        case .pending: return t("目标尚待上级下达（竖线）", "target still to be set by a higher level (vertical lines)")
        }
    }
    var printSheets: String { t("A3横向，每张30项", "A3 landscape, 30 items a sheet") }
    var printPoster: String { t("A0整张", "One A0 sheet") }
    var screen: String { t("大屏模式", "Big screen") }
    func sheetOf(_ page: Int, _ pages: Int) -> String { t("第\(page)张，共\(pages)张", "Sheet \(page) of \(pages)") }
    var printHint: String {
        t("打印时选择横向、无页边距缩放；每张纸一页。", "Print in landscape without scaling margins; one sheet per page.")
    }
    func categoryOf(_ index: Int, _ count: Int) -> String { t("第\(index)类，共\(count)类", "Category \(index) of \(count)") }
    var refreshHint: String { t("每30秒自动切换到下一类别", "Moves to the next category every 30 seconds") }
}
