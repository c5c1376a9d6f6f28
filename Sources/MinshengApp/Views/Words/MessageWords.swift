/// The words of a unit's messages: returned reports in the inbox, on the workbench and in 我的任务.
struct MessageWords: Bilingual {
    let language: Language

    var returned: String { t("已退回", "Returned") }
    func returnedReport(number: Int, title: String, period: String) -> String {
        t("第\(number)项 \(title)（\(period)）报告被退回，请修改后重新报送", "Item \(number) \(title) (\(period)): revise and submit again")
    }
    func reason(_ text: String) -> String {
        text.isEmpty ? t("未说明原因。", "No reason given.") : t("退回原因：\(text)", "Reason: \(text)")
    }
    func toRevise(_ count: Int) -> String { t("退回待修改（\(count)份）", count == 1 ? "1 report to revise" : "\(count) reports to revise") }
}
