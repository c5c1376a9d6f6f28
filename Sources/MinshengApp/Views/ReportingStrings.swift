import MinshengCore

/// The words of the reporting pages in one language.
struct ReportingStrings: Sendable {
    var tasks: String
    var reviewQueue: String
    var overdue: String
    var inbox: String
    var users: String
    var units: String
    var audit: String
    var tokens: String
    var calendar: String
    var period: String
    var show: String
    var unit: String
    var item: String
    var role: String
    var state: String
    var dueDate: String
    var noTasks: String
    var open: String
    var roleName: @Sendable (Assignment.Role) -> String
    var stateName: @Sendable (ReportState?) -> String
    var overdueBadge: String
    var lateBadge: String
    var progress: String
    var problems: String
    var nextSteps: String
    var valueToDate: String
    var reachedOn: String
    var target: String
    var saveDraft: String
    var submit: String
    var accept: String
    var returnReport: String
    var reason: String
    var correct: String
    var correctionReason: String
    var history: String
    var version: String
    var attachments: String
    var addAttachment: String
    var attachmentHint: String
    var upload: String
    var conflict: String
    var yourValues: String
    var currentValues: String
    var returnedBecause: String
    var correctionBecause: String
    var partsTitle: String
    var startFromParts: String
    var sum: String
    var nothingToReview: String
    var nothingOverdue: String
    var remindSelected: String
    var remindAll: String
    var message: String
    var defaultReminder: @Sendable (String) -> String
    var remindersSent: @Sendable (Int) -> String
    var noReminders: String
    var downloadForm: String
    var uploadForm: String
    var formHint: String
    var formSaved: @Sendable (Int) -> String
    var formErrors: String
    var action: String
    var eventName: @Sendable (String) -> String
    var by: String
    var at: String
    var createUser: String
    var disabled: String
    var resetPassword: String
    var newPassword: String
    var members: String
    var groupHint: String
    var dueDay: String
    var quarterly: String
    var calendarHint: String
    var tokenName: String
    var createToken: String
    var tokenShownOnce: String
    var revoke: String
    var revoked: String
    var entity: String
    var before: String
    var after: String
    var noPlan: String
    var viewAsUnit: String
    var allUnits: String
    var rollup: String
    /// The refusal of a due day outside 1...28.
    var dueDayOutOfRange: String
}

extension ReportingStrings {
    static let zh = ReportingStrings(
        tasks: "我的任务", reviewQueue: "待审核", overdue: "逾期未报", inbox: "消息", users: "用户", units: "单位", audit: "审计日志",
        tokens: "API 令牌", calendar: "报送日历", period: "期间", show: "查看", unit: "单位", item: "事项", role: "角色", state: "状态",
        dueDate: "报送截止", noTasks: "本期没有需要报送的事项。", open: "填报",
        roleName: { $0 == .lead ? "牵头" : "责任" },
        stateName: { state in
            guard let state else { return "未填报" }
            return ["draft": "草稿", "submitted": "已报送", "returned": "已退回", "accepted": "已审核"][state.rawValue] ?? state.rawValue
        },
        overdueBadge: "逾期", lateBadge: "迟报", progress: "进展情况", problems: "存在问题", nextSteps: "下步打算",
        valueToDate: "累计完成（比率填当前水平）", reachedOn: "完成日期", target: "目标", saveDraft: "保存草稿", submit: "报送",
        accept: "审核通过", returnReport: "退回", reason: "退回原因", correct: "更正", correctionReason: "更正原因", history: "历史版本",
        version: "版本", attachments: "附件", addAttachment: "上传附件",
        attachmentHint: "照片（JPG、PNG）、PDF、Word、Excel，单个不超过 10 MB。", upload: "上传",
        conflict: "保存冲突：在您打开表单之后，别人已修改了这份报告。您填写的内容没有丢失，请对照当前版本后重新保存。",
        yourValues: "您填写的内容", currentValues: "当前版本", returnedBecause: "退回原因：", correctionBecause: "更正原因：",
        partsTitle: "责任单位报送情况", startFromParts: "以责任单位报送汇总为起点", sum: "合计",
        nothingToReview: "没有待审核的报告。", nothingOverdue: "没有逾期未报的单位。", remindSelected: "催报所选单位", remindAll: "全部催报",
        message: "催报内容", defaultReminder: { period in "请尽快报送\(period)民生实事进展情况。" },
        remindersSent: { "已向 \($0) 个单位发出催报。" }, noReminders: "没有消息。",
        downloadForm: "下载 Excel 填报表", uploadForm: "上传填好的 Excel",
        formHint: "下载本单位本期的填报表，离线填写后上传；表格中的每个错误都会指出工作表和单元格，全部无误后才保存为草稿。",
        formSaved: { "已从表格保存 \($0) 份草稿。" }, formErrors: "表格有错误，未保存任何内容：", action: "操作",
        eventName: { ["create": "创建", "submit": "报送", "return": "退回", "accept": "审核通过", "correct": "更正"][$0] ?? $0 },
        by: "操作人", at: "时间", createUser: "新建用户", disabled: "停用", resetPassword: "重置密码", newPassword: "新密码",
        members: "成员单位", groupHint: "“各县(市、区)政府”等集合单位由其成员单位各自报送。",
        dueDay: "每月截止日", quarterly: "按季度报送", calendarHint: "按月报送的事项每月截止日前报送；按季度报送的事项在3、6、9、12月报送。",
        tokenName: "令牌名称", createToken: "创建令牌", tokenShownOnce: "请立即复制，此令牌只显示这一次：", revoke: "吊销", revoked: "已吊销",
        entity: "对象", before: "修改前", after: "修改后", noPlan: "还没有工作方案。", viewAsUnit: "查看单位", allUnits: "全部单位",
        rollup: "汇总", dueDayOutOfRange: "截止日应为 1 到 28 之间的整数。"
    )

    static let en = ReportingStrings(
        tasks: "My tasks", reviewQueue: "To review", overdue: "Overdue", inbox: "Inbox", users: "Users", units: "Units", audit: "Audit log",
        tokens: "API tokens", calendar: "Reporting calendar", period: "Period", show: "Show", unit: "Unit", item: "Item", role: "Role",
        state: "State", dueDate: "Due", noTasks: "Nothing to report for this period.", open: "Report",
        roleName: { $0 == .lead ? "lead" : "responsible" },
        stateName: { state in state?.rawValue ?? "not started" },
        overdueBadge: "overdue", lateBadge: "late", progress: "Progress", problems: "Problems", nextSteps: "Next steps",
        valueToDate: "Reached to date (for a rate, its level)", reachedOn: "Reached on", target: "Target", saveDraft: "Save draft",
        submit: "Submit", accept: "Accept", returnReport: "Return", reason: "Reason for returning", correct: "Correct",
        correctionReason: "Reason for the correction", history: "Versions", version: "Version", attachments: "Attachments",
        addAttachment: "Add an attachment", attachmentHint: "Photos (JPG, PNG), PDF, Word, Excel; up to 10 MB each.", upload: "Upload",
        conflict:
            """
            Conflict: someone changed this report after you opened the form. What you entered is kept below; compare it with the current \
            version and save again.
            """,
        yourValues: "What you entered", currentValues: "Current version", returnedBecause: "Returned because: ",
        correctionBecause: "Corrected because: ", partsTitle: "Responsible units' submissions",
        startFromParts: "Start from the responsible units' figures",
        sum: "Total", nothingToReview: "Nothing to review.", nothingOverdue: "No unit is overdue.", remindSelected: "Remind selected units",
        remindAll: "Remind all", message: "Message", defaultReminder: { period in "Please submit your progress report for \(period)." },
        remindersSent: { "Reminded \($0) unit(s)." }, noReminders: "No messages.", downloadForm: "Download the Excel form",
        uploadForm: "Upload a filled-in form",
        formHint:
            """
            Download your unit's form for the period, fill it in offline and upload it; every error names its sheet and cell, and nothing is \
            saved until the file is clean.
            """,
        formSaved: { "Saved \($0) draft(s) from the form." }, formErrors: "The form has errors; nothing was saved:", action: "Action",
        eventName: { $0 }, by: "By", at: "At", createUser: "New user", disabled: "Disabled", resetPassword: "Reset password",
        newPassword: "New password", members: "Members", groupHint: "Group units such as 各县(市、区)政府 report through their members.",
        dueDay: "Due day of the month", quarterly: "Quarterly",
        calendarHint: "Monthly items are due by the due day of every month; quarterly items in March, June, September and December.",
        tokenName: "Token name", createToken: "Create token", tokenShownOnce: "Copy it now; this token is shown only once:",
        revoke: "Revoke", revoked: "revoked", entity: "Entity", before: "Before", after: "After", noPlan: "There is no plan yet.",
        viewAsUnit: "View as unit", allUnits: "All units", rollup: "Rollup",
        dueDayOutOfRange: "The due day is a whole number from 1 to 28."
    )
}

extension Language {
    var reporting: ReportingStrings { strings.reporting }
}
