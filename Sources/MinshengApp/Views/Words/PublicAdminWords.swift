/// The words of the office's publishing pages: the publish form and the answers to the public's messages.
struct PublicAdminWords: Bilingual {
    let language: Language

    var objectionDays: String { t("公示期应为天数。", "The objection period is a number of days.") }
    var answerRequired: String { t("答复内容不能为空；如不予公开，请点“不予公开”。", "Write an answer, or choose Reject.") }
}
