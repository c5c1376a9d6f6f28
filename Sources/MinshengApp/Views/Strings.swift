import MinshengCore

/// The interface's words in one language. Chinese is the default; English is available.
struct Strings: Sendable {
    var appName: String
    var tagline: String
    var languageSwitch: String
    var plans: String
    var noPlans: String
    var noPlansHint: String
    var item: String
    var items: String
    var leadUnits: String
    var responsibleUnits: String
    var issuedBy: String
    var issuedOn: String
    var itemsInCategories: @Sendable (Int, Int) -> String
    var planState: @Sendable (String) -> String
    var errorTitle: String
    var backHome: String
    var footer: String
    var noUnits: String
    var skipToContent: String
    var navigation: String
    var login: String
    var logout: String
    var username: String
    var password: String
    var importPlan: String
    var roleName: @Sendable (Role) -> String
    var uploadTitle: String
    var uploadHint: String
    var file: String
    var year: String
    var jurisdiction: String
    var optional: String
    var upload: String
    var reviewTitle: String
    var reviewNotStored: String
    var warnings: String
    var planFields: String
    var title: String
    var issuers: String
    var documentNumber: String
    var save: String
    var confirm: String
    var confirmHint: String
    var sourceText: String
    var indicatorName: String
    var target: String
    var measure: String
    var comparator: String
    var kind: String
    var provisional: String
    var deadline: String
    var delete: String
    var addIndicator: String
    var onePerLine: String
    var comparatorName: @Sendable (Indicator.Comparator) -> String
    var kindName: @Sendable (Indicator.Kind) -> String
    var allocationTo: String
    var breakdownOf: String
    var replacesPlan: @Sendable (String, Int64) -> String
    var diffSummary: @Sendable (Int, Int, Int) -> String
    var noChanges: String
    var diffKind: @Sendable (PlanDiff.Change.Kind) -> String
    var highlightLegend: String
    var alreadyConfirmed: String
    var acceptChangesTitle: String
    var acceptChangesHint: @Sendable (String) -> String
    var acceptChanges: String
    var changesApplied: @Sendable ([Int], [String]) -> String
    /// The language the language switch leads to.
    var otherLanguage: Language
    /// A category's heading on the plan page: its ordinal and its name.
    var categoryHeading: @Sendable (Int, String) -> String
    /// The item's deadline, named in an error about the import form.
    var deadlineField: String
    /// An allocation's target named in an error: the indicator's name and the unit it is allocated to.
    var allocationField: @Sendable (String, String) -> String
    /// An import form's target that is not a number: the item, the indicator and the text.
    var targetNotANumber: @Sendable (Int, String, String) -> String
    /// An import form's date that is not a date: the item, the field and the text.
    var badDate: @Sendable (Int, String, String) -> String
    /// A request body over the limit, named in words.
    var contentTooLarge: @Sendable (String) -> String
    /// The words of the reporting pages.
    var reporting: ReportingStrings
    /// The words of the assessment pages.
    var assessment: AssessmentStrings
    /// The words of the document pages.
    var documents: DocumentStrings
}

extension Strings {
    static let zh = Strings(
        appName: "民生实事督办平台",
        tagline: "重点民生实事从方案到年终报告",
        languageSwitch: "English",
        plans: "工作方案",
        noPlans: "还没有工作方案。",
        noPlansHint: "用 minsheng demo 载入示例方案，或由督查室导入本年度方案。",
        item: "事项",
        items: "民生实事",
        leadUnits: "牵头单位",
        responsibleUnits: "责任单位",
        issuedBy: "印发单位",
        issuedOn: "印发日期",
        itemsInCategories: { items, categories in "共\(categories)类\(items)项" },
        planState: { state in ["draft": "草案", "active": "实施中", "closed": "已结束"][state] ?? state },
        errorTitle: "出错了",
        backHome: "返回首页",
        footer: "民生实事督办平台 · 开源软件",
        noUnits: "无",
        skipToContent: "跳到正文",
        navigation: "主导航",
        login: "登录",
        logout: "退出",
        username: "用户名",
        password: "密码",
        importPlan: "导入方案",
        roleName: { role in ["admin": "督查室", "leader": "领导", "reporter": "报送员", "inspector": "督查员"][role.rawValue] ?? role.rawValue },
        uploadTitle: "导入工作方案",
        uploadHint: "支持 Word (.docx)、Excel (.xlsx)、CSV 以及文本或 Markdown 文件（UTF-8、UTF-16 或 GBK 编码）。上传后先预览核对，确认前不会保存。",
        file: "文件",
        year: "年度",
        jurisdiction: "行政区划",
        optional: "选填，文件中没有时填写",
        upload: "上传并预览",
        reviewTitle: "核对导入结果",
        reviewNotStored: "以下内容尚未保存。请逐项核对识别出的目标任务和单位，修改后点“确认导入”。",
        warnings: "提示",
        planFields: "方案信息",
        title: "标题",
        issuers: "印发单位（每行一个）",
        documentNumber: "文号",
        save: "保存修改",
        confirm: "确认导入",
        confirmHint: "确认后，方案将在一次操作中整体保存，单位自动关联到单位名录。",
        sourceText: "原文",
        indicatorName: "指标",
        target: "目标值",
        measure: "计量单位",
        comparator: "比较",
        kind: "类型",
        provisional: "待上级下达",
        deadline: "完成时限",
        delete: "删除",
        addIndicator: "新增指标",
        onePerLine: "每行一个单位",
        comparatorName: { ["atLeast": "不少于", "exactly": "等于", "atMost": "不超过"][$0.rawValue] ?? $0.rawValue },
        kindName: { ["cumulative": "累计数", "rate": "比率/水平", "milestone": "节点", "qualitative": "定性"][$0.rawValue] ?? $0.rawValue },
        allocationTo: "分解到",
        breakdownOf: "其中",
        replacesPlan: { title, id in "已有同年度方案《\(title)》（编号 \(id)），尚无报送数据，确认后将整体替换。" },
        diffSummary: { added, removed, changed in "与已有方案相比：新增 \(added) 项，删除 \(removed) 项，修改 \(changed) 项。" },
        noChanges: "与已有方案相比没有变化。",
        diffKind: { ["added": "新增", "removed": "删除", "changed": "修改"][$0.rawValue] ?? $0.rawValue },
        highlightLegend: "原文中，识别为目标的数字以黄色标出，未作为目标的数字以灰色标出。",
        alreadyConfirmed: "这份导入已经确认保存。",
        acceptChangesTitle: "逐项接受修改",
        acceptChangesHint: { "方案《\($0)》已有报送数据，不能整体替换。请勾选要接受的修改；已有报送的事项和指标会保留原有关联。" },
        acceptChanges: "接受所选修改",
        changesApplied: { applied, refused in
            "已接受第 \(applied.map(String.init).joined(separator: "、")) 项的修改。" + (refused.isEmpty ? "" : "未能修改：" + refused.joined(separator: " "))
        },
        otherLanguage: .en,
        categoryHeading: { ordinal, name in "\(ChineseNumeralWriter.string(ordinal))、\(name)" },
        deadlineField: "完成时限",
        allocationField: { indicator, unit in "\(indicator)（\(unit)）" },
        targetNotANumber: { item, indicator, text in "第\(item)项“\(indicator)”的目标值“\(text)”不是数字。" },
        badDate: { item, field, text in "第\(item)项“\(field)”的日期“\(text)”应写作 2019-12-31。" },
        contentTooLarge: { size in "文件超过 \(size) 的上限。" },
        reporting: .zh,
        assessment: .zh,
        documents: .zh
    )

    static let en = Strings(
        appName: "Minsheng",
        tagline: "Key livelihood projects, from plan to year-end report",
        languageSwitch: "中文",
        plans: "Plans",
        noPlans: "There is no plan yet.",
        noPlansHint: "Load the demo plan with minsheng demo, or have the supervision office import this year's plan.",
        item: "Item",
        items: "Items",
        leadUnits: "Lead units",
        responsibleUnits: "Responsible units",
        issuedBy: "Issued by",
        issuedOn: "Issued on",
        itemsInCategories: { items, categories in "\(items) items in \(categories) categories" },
        planState: { state in ["draft": "draft", "active": "active", "closed": "closed"][state] ?? state },
        errorTitle: "Something went wrong",
        backHome: "Back to the home page",
        footer: "Minsheng · open-source software",
        noUnits: "none",
        skipToContent: "Skip to content",
        navigation: "Main navigation",
        login: "Sign in",
        logout: "Sign out",
        username: "Username",
        password: "Password",
        importPlan: "Import a plan",
        roleName: { role in
            ["admin": "supervision office", "leader": "leader", "reporter": "reporter", "inspector": "inspector"][role.rawValue] ?? role.rawValue
        },
        uploadTitle: "Import a plan",
        uploadHint:
            """
            Word (.docx), Excel (.xlsx), CSV, or text and Markdown (UTF-8, UTF-16 or GBK). You review what was understood before anything is \
            stored.
            """,
        file: "File",
        year: "Year",
        jurisdiction: "Jurisdiction",
        optional: "optional; when the file does not say",
        upload: "Upload and review",
        reviewTitle: "Review the import",
        reviewNotStored: "Nothing below is stored yet. Check each item's targets and units, correct them, then confirm.",
        warnings: "Notes",
        planFields: "Plan",
        title: "Title",
        issuers: "Issued by (one per line)",
        documentNumber: "Document number",
        save: "Save changes",
        confirm: "Confirm import",
        confirmHint: "Confirming stores the whole plan in one step and links its units to the unit directory.",
        sourceText: "Source text",
        indicatorName: "Indicator",
        target: "Target",
        measure: "Unit",
        comparator: "Comparator",
        kind: "Kind",
        provisional: "Set by higher level",
        deadline: "Deadline",
        delete: "Delete",
        addIndicator: "Add an indicator",
        onePerLine: "one unit per line",
        comparatorName: { ["atLeast": "at least", "exactly": "exactly", "atMost": "at most"][$0.rawValue] ?? $0.rawValue },
        kindName: {
            ["cumulative": "count", "rate": "rate or level", "milestone": "milestone", "qualitative": "qualitative"][$0.rawValue] ?? $0.rawValue
        },
        allocationTo: "allocated to",
        breakdownOf: "of which",
        replacesPlan: { title, id in "A plan for the same year exists (\(title), id \(id)) and has no reports; confirming replaces it." },
        diffSummary: { added, removed, changed in "Compared with the stored plan: \(added) added, \(removed) removed, \(changed) changed." },
        noChanges: "No change from the stored plan.",
        diffKind: { $0.rawValue },
        highlightLegend: "In the source text, numbers read as targets are marked yellow; numbers left out are grey.",
        alreadyConfirmed: "This import has been confirmed and stored.",
        acceptChangesTitle: "Accept changes one by one",
        acceptChangesHint: {
            "The plan \($0) has reports and cannot be replaced. Tick the changes to accept; items and indicators with reports keep their links."
        },
        acceptChanges: "Accept the ticked changes",
        changesApplied: { applied, refused in
            "Applied changes to items \(applied.map(String.init).joined(separator: ", "))."
                + (refused.isEmpty ? "" : " Not changed: " + refused.joined(separator: " "))
        },
        otherLanguage: .zh,
        categoryHeading: { ordinal, name in "\(ordinal). \(name)" },
        deadlineField: "deadline",
        allocationField: { indicator, unit in "\(indicator) (\(unit))" },
        targetNotANumber: { item, indicator, text in "Item \(item), \(indicator): the target \(text) is not a number." },
        badDate: { item, field, text in "Item \(item), \(field): the date \(text) should be written 2019-12-31." },
        contentTooLarge: { size in "The upload is larger than the \(size) limit." },
        reporting: .en,
        assessment: .en,
        documents: .en
    )
}
