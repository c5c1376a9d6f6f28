/// The interface's words in one language. Chinese is the default; English is available.
public struct Strings: Sendable {
    public var appName: String
    public var tagline: String
    public var languageSwitch: String
    public var plans: String
    public var noPlans: String
    public var noPlansHint: String
    public var item: String
    public var items: String
    public var leadUnits: String
    public var responsibleUnits: String
    public var issuedBy: String
    public var issuedOn: String
    public var itemsInCategories: @Sendable (Int, Int) -> String
    public var planState: @Sendable (String) -> String
    public var errorTitle: String
    public var backHome: String
    public var footer: String
    public var noUnits: String
}

extension Strings {
    public static let zh = Strings(
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
        noUnits: "无"
    )

    public static let en = Strings(
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
        noUnits: "none"
    )
}
