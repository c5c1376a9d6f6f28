/// The words of closing months: the calendar page's closing table, its buttons and what pages say of the current
/// period.
struct ClosingWords: Bilingual {
    let language: Language

    var heading: String { t("月份关账", "Closing months") }
    var hint: String {
        t(
            "督查室在某月报送完成后关账；各页面默认显示最近一个已关账的月份。未关账月份的提前报送不影响默认显示。",
            "The office closes a month when its reporting is done; pages show the latest closed month unless asked for another. "
                + "An early report for a month still open changes nothing they show.")
    }
    var month: String { t("月份", "Month") }
    var state: String { t("状态", "State") }
    var open: String { t("未关账", "Open") }
    func closedByOffice(_ when: String) -> String { t("已关账（\(when)）", "Closed (\(when))") }
    func closedAutomatically(_ day: String) -> String { t("已自动关账（\(day)）", "Closed by itself (\(day))") }
    func closesItself(_ day: String) -> String { t("未关账，将于\(day)自动关账", "Open; closes itself on \(day)") }
    func close(_ month: String) -> String { t("关闭\(month)报送", "Close \(month)") }
    func confirmClose(_ month: String) -> String {
        t("关账后各页面默认显示\(month)。确定关闭\(month)报送吗？", "Pages will then show \(month). Close \(month)?")
    }
    func reopen(_ month: String) -> String { t("重新开放\(month)", "Open \(month) again") }
    var autoClose: String { t("截止日后自动关账天数", "Days after the due day at which a month closes itself") }
    var autoCloseHint: String { t("留空表示只由督查室关账。", "Leave empty for months to close only by the office.") }
    func current(_ period: String) -> String { t("当前期间：\(period)", "Current period: \(period)") }
    func closed(_ month: String) -> String { t("已关闭\(month)报送。", "\(month) is closed.") }
    func reopened(_ month: String) -> String { t("已重新开放\(month)。", "\(month) is open again.") }
    var saved: String { t("已保存。", "Saved.") }
}
