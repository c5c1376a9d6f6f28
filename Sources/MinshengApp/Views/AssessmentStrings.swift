import MinshengCore

/// The words of the assessment pages in one language.
struct AssessmentStrings: Sendable {
    var overview: String
    var battleMap: String
    var units: String
    var status: @Sendable (ProgressStatus) -> String
    var progress: String
    var expected: String
    var forecast: String
    var earlyWarning: String
    var countsTitle: String
    var countsDescription: @Sendable ([(ProgressStatus, Int)]) -> String
    var categoryTitle: String
    var categoryDescription: @Sendable ([(String, Int?)]) -> String
    var pathTitle: @Sendable (String) -> String
    /// A chart's series in words: its name and its points.
    var series: @Sendable (String, [String]) -> String
    var planned: String
    var actual: String
    var thresholds: @Sendable (AssessmentSettings) -> String
    var filter: String
    var all: String
    var category: String
    var leadUnit: String
    var month: @Sendable (Int) -> String
    var nodes: String
    var reports: String
    var override: String
    var overrideReason: String
    var clearOverride: String
    var overriddenBecause: String
    var weight: String
    var schedule: String
    var scheduleHint: String
    /// The short title official documents name the item by, and what it is for.
    var shortTitle: String
    var shortTitleHint: String
    var timeProportional: String
    var settings: String
    var yellow: String
    var red: String
    var ahead: String
    var completionMonth: String
    var onTimeRate: String
    var itemsLed: String
    var itemsShared: String
    var ranking: String
    var onTrackShare: String
    var asOf: @Sendable (Int) -> String
    /// A forecast: the year-end value and, when it is reached, the completion; or, once done, when it was done.
    var forecastText: @Sendable (_ yearEnd: String, _ completion: CalendarDate?, _ done: Bool) -> String
    var value: String
    var noValue: String
    var printHint: String
    var quarters: String
}

extension AssessmentStrings {
    static let chineseStatus: @Sendable (ProgressStatus) -> String = { $0.chineseName }
    static let englishStatus: @Sendable (ProgressStatus) -> String = { $0.englishName }

    static let zh = AssessmentStrings(
        overview: "总览", battleMap: "挂图作战", units: "单位排名",
        status: chineseStatus,
        progress: "完成进度", expected: "序时进度", forecast: "年底预计", earlyWarning: "预警：按近期进度年底难以完成",
        countsTitle: "各状态事项数",
        countsDescription: { pairs in pairs.map { "\(chineseStatus($0.0))\($0.1)项" }.joined(separator: "，") },
        categoryTitle: "各类别完成进度",
        categoryDescription: { pairs in pairs.map { "\($0.0) \($0.1.map { "\($0)%" } ?? "—")" }.joined(separator: "，") },
        pathTitle: { "\($0)：计划与实际" }, series: { "\($0)：\($1.joined(separator: "，"))。" }, planned: "计划", actual: "实际（已审核）",
        thresholds: { settings in
            """
            落后序时进度超过 \(settings.yellowThreshold) 个百分点为进度偏慢，超过 \(settings.redThreshold) 个百分点或节点逾期为严重滞后；超前 \(settings.aheadThreshold) 个百分点以上为超序时。\
            序时进度按 \(settings.completionMonth) 月底全部完成计算。
            """
        },
        filter: "筛选", all: "全部", category: "类别", leadUnit: "牵头单位", month: { "\($0)月" }, nodes: "节点", reports: "报送记录",
        override: "人工调整状态", overrideReason: "调整原因", clearOverride: "取消调整", overriddenBecause: "状态经人工调整：",
        weight: "权重", schedule: "计划进度",
        scheduleHint: "不填为序时进度。节点每行一个：日期 名称 计划完成比例，如“2019-03-31 开工 10%”；或按月计划累计值，每行：月份 数值，如“6 30”。",
        shortTitle: "公文中的简称", shortTitleHint: "通报正文和附件表中用这个简称指称本事项，请写完整的短语，不要用省略号。",
        timeProportional: "序时进度", settings: "考核设置", yellow: "进度偏慢阈值（个百分点）", red: "严重滞后阈值（个百分点）",
        ahead: "超序时阈值（个百分点）", completionMonth: "全面完成月份", onTimeRate: "按时报送率", itemsLed: "牵头事项", itemsShared: "参与事项",
        ranking: "单位排名", onTrackShare: "按序时及以上事项占比", asOf: { "数据截至\($0)月" },
        forecastText: { value, completion, done in
            let date = completion.map { "\($0.year)年\($0.month)月" }
            return done ? "已完成" + (date.map { "（\($0)）" } ?? "") : value + (date.map { "，预计\($0)完成" } ?? "")
        }, value: "累计完成", noValue: "—",
        printHint: "可用 A3 横向打印。", quarters: "季度/半年/全年"
    )

    static let en = AssessmentStrings(
        overview: "Overview", battleMap: "Battle map", units: "Unit ranking",
        status: englishStatus,
        progress: "Progress", expected: "Expected", forecast: "Year-end forecast",
        earlyWarning: "Warning: at the recent pace the target will not be met",
        countsTitle: "Items by status",
        countsDescription: { pairs in pairs.map { "\(englishStatus($0.0)) \($0.1)" }.joined(separator: ", ") },
        categoryTitle: "Progress by category",
        categoryDescription: { pairs in pairs.map { "\($0.0) \($0.1.map { "\($0)%" } ?? "—")" }.joined(separator: ", ") },
        pathTitle: { "\($0): planned and actual" }, series: { "\($0): \($1.joined(separator: ", ")). " }, planned: "Planned",
        actual: "Actual (accepted)",
        thresholds: { settings in
            """
            Behind the planned path by more than \(settings.yellowThreshold) points is behind; by more than \(settings.redThreshold) points, or \
            a node overdue, seriously behind; more than \(settings.aheadThreshold) points ahead is ahead. The path completes at the end of \
            month \(settings.completionMonth).
            """
        },
        filter: "Filter", all: "All", category: "Category", leadUnit: "Lead unit", month: { "M\($0)" }, nodes: "Nodes", reports: "Reports",
        override: "Override the status", overrideReason: "Reason", clearOverride: "Remove the override", overriddenBecause: "Status overridden: ",
        weight: "Weight", schedule: "Planned path",
        scheduleHint:
            """
            Leave empty for the time-proportional path. Nodes, one per line: date name share, e.g. \"2019-03-31 start 10%\"; or a monthly curve, \
            one per line: month value, e.g. \"6 30\".
            """,
        shortTitle: "Short title in documents",
        shortTitleHint: "Circulars and their attachment tables name the item by this title: write a whole phrase, without an ellipsis.",
        timeProportional: "Time-proportional", settings: "Assessment settings", yellow: "Yellow threshold (points)", red: "Red threshold (points)",
        ahead: "Ahead threshold (points)", completionMonth: "Month of full completion", onTimeRate: "On-time reporting", itemsLed: "Items led",
        itemsShared: "Items shared", ranking: "Unit ranking", onTrackShare: "Items on schedule or better", asOf: { "data as of month \($0)" },
        forecastText: { value, completion, done in
            let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
            let date = completion.map { "\(months[$0.month - 1]) \($0.year)" }
            return done ? "Done" + (date.map { " (\($0))" } ?? "") : value + (date.map { ", done by \($0)" } ?? "")
        },
        value: "Reached", noValue: "—", printHint: "Prints on A3 landscape.", quarters: "Quarter / half / year"
    )
}

extension Language {
    var assessment: AssessmentStrings { strings.assessment }
}

extension ProgressStatus {
    /// The CSS class and SVG pattern suffix of a status.
    var cssName: String {
        switch self {
        case .completed: return "completed"
        case .ahead: return "ahead"
        case .onSchedule: return "on-schedule"
        case .behind: return "behind"
        case .seriouslyBehind: return "seriously-behind"
        case .notReported: return "not-reported"
        case .pending: return "pending"
        }
    }

    /// Fill colour, chosen to stay distinct in greyscale when paired with the status's pattern.
    var color: String {
        switch self {
        case .completed: return "#1a7f37"
        case .ahead: return "#2da44e"
        case .onSchedule: return "#0b4f9c"
        case .behind: return "#bf8700"
        case .seriouslyBehind: return "#b3261e"
        case .notReported: return "#8c959f"
        case .pending: return "#8250df"
        }
    }
}
