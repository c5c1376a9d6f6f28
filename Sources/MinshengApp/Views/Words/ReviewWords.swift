import MinshengCore

/// The words of the review queue: its filters, counts, pages, bulk acceptance and 下一条.
struct ReviewWords: Bilingual {
    let language: Language

    func heading(_ total: Int) -> String { t("待审核（共\(total)份）", "Review queue (\(total))") }
    var allStates: String { t("全部", "All") }
    var allMonths: String { t("全部月份", "All months") }
    var allUnits: String { t("全部单位", "All units") }
    var allItems: String { t("全部事项", "All items") }
    var allCategories: String { t("全部类别", "All categories") }
    var category: String { t("类别", "Category") }
    var sort: String { t("排序", "Order") }
    func sortName(_ sort: ReviewFilterSortName) -> String {
        switch sort {
        case .newest: return t("最新报送在前", "Newest first")
        case .oldest: return t("最早报送在前", "Oldest first")
        case .item: return t("按事项", "By item")
        case .unit: return t("按单位", "By unit")
        }
    }
    var filter: String { t("筛选", "Filter") }
    var selectAll: String { t("全选本页", "Select the page") }
    var select: String { t("选择", "Select") }
    var acceptSelected: String { t("通过所选报告", "Accept the selected reports") }
    var confirmAccept: String { t("确定将所选报告全部审核通过吗？", "Accept every selected report?") }
    func accepted(_ count: Int) -> String { t("已审核通过\(count)份报告。", count == 1 ? "1 report accepted." : "\(count) reports accepted.") }
    var submittedAt: String { t("报送时间", "Submitted") }
    var review: String { t("审核", "Review") }
    func pageOf(_ page: Int, _ pages: Int) -> String { t("第\(page)页，共\(pages)页", "Page \(page) of \(pages)") }
    var previousPage: String { t("上一页", "Previous") }
    var nextPage: String { t("下一页", "Next") }
    var next: String { t("下一条", "Next report") }
    var backToQueue: String { t("返回待审核列表", "Back to the queue") }
    var noneMatch: String { t("没有符合条件的报告。", "No report matches.") }
}

/// The review queue's orders, as the words name them.
typealias ReviewFilterSortName = ReviewFilter.Sort
