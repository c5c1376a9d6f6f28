import MinshengCore

/// The words of the supervision pages in one language.
struct SupervisionStrings: Bilingual {
    let language: Language

    var supervision: String { t("督查督办", "Supervision") }
    var notices: String { t("督办单", "Notices") }
    var proposals: String { t("建议督办", "Proposed notices") }
    var noProposals: String { t("目前没有需要督办的事项。", "Nothing calls for a notice now.") }
    var issue: String { t("发出督办单", "Issue the notice") }
    var grade: String { t("等级", "Grade") }
    var reason: String { t("督办事由", "Reason") }
    var requirement: String { t("督办要求", "Requirement") }
    var issuedOn: String { t("发出日期", "Issued") }
    var due: String { t("反馈期限", "Answer due") }
    var answer: String { t("反馈", "Answer") }
    var measures: String { t("推进措施", "Measures") }
    var promisedOn: String { t("承诺完成时间", "Promised completion") }
    var sendAnswer: String { t("提交反馈", "Send the answer") }
    var close: String { t("办结", "Close") }
    var closed: String { t("已办结", "Closed") }
    var unanswered: String { t("未反馈", "Unanswered") }
    var answered: String { t("已反馈", "Answered") }
    var overdue: String { t("逾期", "Overdue") }
    var escalated: String { t("升级", "Escalated") }
    var noNotices: String { t("没有督办单。", "No notices.") }
    var inspections: String { t("抽查暗访", "Inspections") }
    var newInspection: String { t("记录抽查", "Record an inspection") }
    var inspectedOn: String { t("检查日期", "Date") }
    var place: String { t("地点", "Place") }
    var mode: String { t("方式", "Mode") }
    var checked: String { t("检查内容", "What was checked") }
    var findings: String { t("发现问题", "Findings") }
    var reported: String { t("报送值", "Reported") }
    var verified: String { t("核查值", "Verified") }
    var discrepancy: String { t("核查不符", "Discrepancy") }
    var discrepancyNote: String { t("核查值低于报送值超过容差", "Verified value below the reported one beyond the tolerance") }
    var photos: String { t("照片", "Photos") }
    var upload: String { t("上传", "Upload") }
    var noInspections: String { t("没有抽查记录。", "No inspections.") }
    var chooseItem: String { t("选择事项", "Choose the item") }
    var chooseUnit: String { t("或选择单位", "Or choose a unit") }
    var planned: String { t("检查计划", "Planned") }
    var done: String { t("检查记录", "Done") }
    var planIt: String { t("列入检查计划", "Plan it") }
    var planHint: String {
        t(
            "“保存”记录已完成的检查；“列入检查计划”只登记时间、地点和检查内容，检查后再录入结果。暗访计划不向被检查单位显示。",
            """
            Save records an inspection done; Plan it records only when, where and what, with results entered afterwards. Units never see \
            planned unannounced visits.
            """
        )
    }
    var plannedNote: String { t("这是检查计划，尚未录入检查结果。", "This inspection is planned; its results are not recorded yet.") }
    var recordResults: String { t("录入检查结果", "Record the results") }
    var save: String { t("保存", "Save") }
    var rectifications: String { t("整改", "Rectifications") }
    var rectificationRequirement: String { t("整改要求", "What must be rectified") }
    var requireRectification: String { t("下发整改要求", "Require a rectification") }
    var unit: String { t("单位", "Unit") }
    var item: String { t("事项", "Item") }
    var state: String { t("状态", "State") }
    var reportRectification: String { t("报送整改情况", "Report the rectification") }
    var evidence: String { t("佐证材料（照片、PDF等）", "Evidence (photo, PDF…)") }
    var closeRectification: String { t("销号", "Close") }
    var reopen: String { t("退回重新整改", "Reopen") }
    var note: String { t("意见", "Note") }
    var history: String { t("办理过程", "History") }
    var noRectifications: String { t("没有整改事项。", "No rectifications.") }
    var accountability: String { t("问责", "Accountability") }
    var caseProposals: String { t("建议启动问责", "Proposed cases") }
    var noCaseProposals: String { t("目前没有符合问责规则的情形。", "No rule calls for a case now.") }
    var openCase: String { t("启动问责", "Open a case") }
    var rule: String { t("问责情形", "Rule") }
    var grounds: String { t("依据", "Grounds") }
    var decision: String { t("处理决定", "Decision") }
    var decide: String { t("作出决定", "Decide") }
    var undecided: String { t("调查处理中", "Under investigation") }
    var noCases: String { t("没有问责案件。", "No cases.") }
    var openedOn: String { t("启动日期", "Opened") }
    var decidedOn: String { t("决定日期", "Decided") }
    var scores: String { t("考核评分", "Unit scores") }
    var rank: String { t("排名", "Rank") }
    var total: String { t("总分", "Total") }
    var criterion: String { t("考核项目", "Criterion") }
    var points: String { t("得分", "Points") }
    var maximum: String { t("满分", "Maximum") }
    var explanation: String { t("计算过程", "How it was counted") }
    var settings: String { t("督查设置", "Supervision settings") }
    var nearDays: String { t("蓝色督办：节点到期前天数", "Blue notice: days before a deadline") }
    var responseDays: String { t("反馈期限（天）", "Days to answer") }
    var tolerance: String { t("核查不符容差（%）", "Discrepancy tolerance (%)") }
    var consecutiveMonths: String { t("连续严重滞后月数", "Consecutive months seriously behind") }
    var rules: String { t("启用的问责情形", "Rules in force") }
    var weights: String { t("考核分值", "Points") }
    var deductions: String { t("扣分标准", "Deductions") }
    var saved: String { t("已保存。", "Saved.") }
    var record: String { t("督查记录", "Supervision record") }

    func gradeName(_ grade: NoticeGrade) -> String { t(grade.chineseName, grade.englishName) }
    func modeName(_ mode: InspectionMode) -> String { t(mode.chineseName, mode.englishName) }
    func stateName(_ state: RectificationState) -> String { t(state.chineseName, state.englishName) }
    func ruleName(_ rule: AccountabilityRule) -> String { t(rule.chineseName, rule.englishName) }
    func decisionName(_ decision: AccountabilityDecision) -> String { t(decision.chineseName, decision.englishName) }

    func noticeNumber(_ notice: SupervisionNotice, year: Int) -> String {
        t("督〔\(year)〕\(notice.sequence)号", "No. \(notice.sequence)/\(year)")
    }

    func escalations(_ standing: NoticeStanding) -> String {
        standing.escalations.map { t("\($0.on.iso)升为\($0.grade.chineseName)", "\($0.on.iso) → \($0.grade.rawValue)") }.joined(separator: t("；", "; "))
    }
}

extension Language {
    var supervisionWords: SupervisionStrings { SupervisionStrings(language: self) }
}

extension NoticeGrade {
    /// The CSS class of a notice's colour.
    var cssName: String { "grade-\(rawValue)" }
}
