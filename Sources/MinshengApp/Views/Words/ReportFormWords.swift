/// The words the report form adds to the reporting catalogue: last month's value, the confirmation before 报送,
/// the sentence that confirms what was done, and attaching files with the form.
struct ReportFormWords: Bilingual {
    let language: Language

    var lastMonth: String { t("上月值", "Last month") }
    var planned: String { t("序时计划", "Planned by now") }
    var change: String { t("本月变化", "Change") }
    var ofTarget: String { t("完成率", "Of target") }
    func was(_ value: String) -> String { t("（原为\(value)）", " (was \(value))") }
    var confirmSubmit: String {
        t("报送后报告将交督查室审核，不能再修改。确定报送吗？", "Once submitted, the report goes to the office for review and can no longer be changed. Submit?")
    }
    var noProgressHint: String {
        t("本月没有进展的，请在“进展情况”中写明并说明原因。", "If there was no progress this month, say so in Progress, with the reason.")
    }
    var attachWithForm: String { t("附件（照片可直接拍摄）", "Attachments (photos can be taken with the camera)") }
    func done(_ done: ReportPage.Done) -> String {
        switch done {
        case .saved: return t("已保存草稿。报送前仍可修改。", "Draft saved. You can still change it before submitting.")
        case .submitted: return t("已报送，等待督查室审核。", "Submitted; it now waits for the office's review.")
        case .accepted: return t("已审核通过。", "Accepted.")
        case .returned: return t("已退回，单位将在消息中收到退回原因。", "Returned; the unit gets the reason in its messages.")
        }
    }
}
