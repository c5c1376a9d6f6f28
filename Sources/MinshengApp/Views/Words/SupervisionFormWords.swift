/// The words of the supervision forms' refusals: inspections, photos, rectifications, notices and accountability.
struct SupervisionFormWords: Bilingual {
    let language: Language

    var chooseInspected: String { t("请选择要抽查的事项或单位。", "Choose the item or unit inspected.") }
    var inspectionDate: String { t("检查日期应写作 2019-09-12。", "Write the date as 2019-09-12.") }
    var choosePhoto: String { t("请选择照片。", "Choose a photo.") }
    var dueDate: String { t("整改期限应写作 2019-10-15。", "Write the due date as 2019-10-15.") }
    var promisedOn: String { t("请填写承诺完成时间（如 2019-11-30）。", "Give the promised completion date, such as 2019-11-30.") }
    var caseGone: String { t("该情形已启动问责或已不再符合规则。", "That case was opened already or no longer applies.") }
    var decisionNote: String { t("请写明处理意见。", "Write the reasons for the decision.") }
}
