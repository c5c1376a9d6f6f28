/// The words of the workbench, each role's landing page.
struct WorkbenchWords: Bilingual {
    let language: Language

    var title: String { t("工作台", "Workbench") }
    func current(_ period: String) -> String { t("当前期间：\(period)（最近一个已关账月份）", "Current period: \(period) (the latest closed month)") }
    func working(_ period: String, due: String) -> String { t("正在报送：\(period)，截止\(due)", "Reporting now: \(period), due \(due)") }
    var toReview: String { t("待审核", "To review") }
    func toReviewIn(_ period: String) -> String { t("\(period)待审核", "To review for \(period)") }
    var overdue: String { t("逾期未报", "Overdue") }
    func overdueDetail(_ units: Int) -> String { t("涉及\(units)个单位", units == 1 ? "from 1 unit" : "from \(units) units") }
    var notices: String { t("督办单待回复", "Notices awaiting an answer") }
    var rectifications: String { t("整改中", "Rectifications under way") }
    func overdueRectifications(_ count: Int) -> String { t("其中\(count)项逾期", "\(count) past due") }
    var messages: String { t("群众留言待答复", "Public messages to answer") }
    func closeNext(_ month: String) -> String { t("\(month)报送完成后关账", "Close \(month) when its reporting is done") }
    var officeHeading: String { t("今日待办", "To do today") }
    var unitHeading: String { t("本单位本月任务", "Your unit this month") }
    var returnedHeading: String { t("退回待修改，请先处理", "Returned for revision: do these first") }
    var noticesHeading: String { t("待回复的督办单", "Notices to answer") }
    func noticeLine(number: Int, title: String) -> String { t("第\(number)项 \(title)", "Item \(number) \(title)") }
    var answer: String { t("回复", "Answer") }
    func unread(_ count: Int) -> String { t("\(count)条未读消息", count == 1 ? "1 unread message" : "\(count) unread messages") }
    var notStarted: String { t("未开始", "Not started") }
    var drafts: String { t("草稿", "Drafts") }
    var submitted: String { t("已报送", "Submitted") }
    var accepted: String { t("已审核", "Accepted") }
    var allTasks: String { t("查看全部任务", "All tasks") }
    var stateHeading: String { t("计划进展", "The plan's progress") }
    var behindHeading: String { t("进度滞后的事项", "Items behind schedule") }
    var noneBehind: String { t("没有进度滞后的事项。", "No item is behind schedule.") }
    var inspectionsHeading: String { t("我的检查", "Inspections") }
    var newInspection: String { t("新建检查", "New inspection") }
    var noInspections: String { t("尚无检查记录。", "No inspection yet.") }
    var planned: String { t("计划中", "Planned") }
    var done: String { t("已完成", "Done") }
}
