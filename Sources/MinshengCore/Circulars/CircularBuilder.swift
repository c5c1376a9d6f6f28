import Foundation

/// Drafts an official document from a plan's assessment and its reporting record: the structure real circulars use,
/// every figure taken from the assessment.
package struct CircularBuilder: Sendable {
    /// An item with what the document says about it.
    package struct ItemFacts: Sendable {
        package var item: Item
        package var category: String
        package var leadUnits: [String]
        package var responsibleUnits: [String]
        package var indicators: [Indicator]
        /// The lead unit's latest 存在问题 and 下步打算, for lagging items.
        package var problems: String
        package var nextSteps: String

        package init(
            item: Item, category: String, leadUnits: [String], responsibleUnits: [String], indicators: [Indicator], problems: String = "",
            nextSteps: String = ""
        ) {
            self.item = item
            self.category = category
            self.leadUnits = leadUnits
            self.responsibleUnits = responsibleUnits
            self.indicators = indicators
            self.problems = problems
            self.nextSteps = nextSteps
        }
    }

    /// A unit's reporting record over the document's period: months reported late and months not reported.
    package struct Timeliness: Sendable {
        package var unit: String
        package var lateMonths: [Int]
        package var missingMonths: [Int]

        package init(unit: String, lateMonths: [Int], missingMonths: [Int]) {
            self.unit = unit
            self.lateMonths = lateMonths
            self.missingMonths = missingMonths
        }
    }

    package var kind: OfficialDocument.Kind
    package var period: Period
    package var planTitle: String
    package var year: Int
    package var jurisdiction: String
    package var issuer: String
    package var date: CalendarDate
    package var addressee: String
    /// The 下一步工作要求 paragraphs (from the office's editable template).
    package var requirements: [String]
    /// Findings of spot checks and accountability cases, when there are any.
    package var supervision: [String]
    /// The public's verdicts per item number (群众满意度), from the publications up to the period.
    package var satisfaction: [Int: SatisfactionTally]
    /// The units' scores, best first (the year-end report ranks them).
    package var scores: [UnitScore]

    package init(
        kind: OfficialDocument.Kind, period: Period, planTitle: String, year: Int, jurisdiction: String, issuer: String,
        date: CalendarDate, addressee: String, requirements: [String], supervision: [String] = [], satisfaction: [Int: SatisfactionTally] = [:],
        scores: [UnitScore] = []
    ) {
        self.kind = kind
        self.period = period
        self.planTitle = planTitle
        self.year = year
        self.jurisdiction = jurisdiction
        self.issuer = issuer
        self.date = date
        self.addressee = addressee
        self.requirements = requirements
        self.supervision = supervision
        self.satisfaction = satisfaction
        self.scores = scores
    }

    /// The default 下一步工作要求.
    package static let defaultRequirements = [
        "各牵头单位要对照年度目标任务，倒排工期、挂图作战，对进度偏慢、严重滞后的事项逐项分析原因，制定整改措施，确保按期完成。",
        "各责任单位要按时、准确报送进展情况，逾期未报的单位要立即补报。",
        "督查部门将对进度滞后的事项开展专项督查和抽查暗访，对工作推进不力的严格追究责任。",
    ]

    /// The document's title for its kind and period.
    package func title() -> String {
        let months = period.months
        switch kind {
        case .monthly: return "\(year)年\(months.upperBound)月份重点民生实事进展情况"
        case .quarterly: return "关于\(year)年1—\(months.upperBound)月份重点民生实事进展情况的通报"
        case .halfYear: return months.upperBound == 6 ? "关于\(year)年上半年重点民生实事办理情况的总结" : "关于\(year)年下半年重点民生实事办理情况的总结"
        case .annual: return "关于\(year)年重点民生实事完成情况的综合报告"
        }
    }

    package func build(assessment: PlanAssessment, items: [ItemFacts], timeliness: [Timeliness]) -> OfficialDocument {
        let byID = Dictionary(uniqueKeysWithValues: assessment.items.map { ($0.itemID, $0) })
        let ordered = items.sorted { $0.item.number < $1.item.number }
        let rows = ordered.compactMap { facts in byID[facts.item.id].map { row(facts, $0) } }
        let counts = Dictionary(grouping: rows, by: { $0.status.rawValue }).mapValues(\.count)
        let progress = assessment.progress().map(Self.percent)
        let summary = OfficialDocument.Summary(total: rows.count, counts: counts, progress: progress)
        let asOf = period.endDate
        var sections: [OfficialDocument.Section] = [
            .init(heading: nil, level: 0, paragraphs: [opening(asOf: asOf)]),
            .init(heading: "一、总体情况", paragraphs: [overall(summary)]),
        ]
        let completed = rows.filter { $0.status == .completed }
        sections.append(
            .init(
                heading: "二、已完成事项",
                paragraphs: completed.isEmpty
                    ? ["截至目前，尚无事项全面完成。"]
                    : ["已完成的事项\(completed.count)项：" + completed.map { "第\($0.number)项“\($0.title)”" }.joined(separator: "、") + "。"]))
        let lagging = ordered.filter { [.behind, .seriouslyBehind].contains(byID[$0.item.id]?.status) }
        var laggingParagraphs = lagging.isEmpty ? ["各事项均按序时进度推进，暂无进度滞后事项。"] : []
        for (index, facts) in lagging.enumerated() {
            guard let a = byID[facts.item.id] else { continue }
            let gap = Self.percent((a.expected ?? 0) - (a.progress ?? 0))
            var text =
                """
                （\(ChineseNumeralWriter.string(index + 1))）\
                第\(facts.item.number)项“\(facts.item.shortTitle)”（牵头单位：\(facts.leadUnits.joined(separator: "、"))）：\(a.status.chineseName)，\
                完成进度\(Self.percent(a.progress ?? 0))%，落后序时进度\(gap)个百分点。
                """
            if !facts.problems.isEmpty && facts.problems != "无。" { text += "存在问题：\(facts.problems)" }
            laggingParagraphs.append(text)
        }
        sections.append(.init(heading: "三、进度滞后事项", paragraphs: laggingParagraphs))
        sections.append(.init(heading: "四、报送情况", paragraphs: reporting(timeliness)))
        if !supervision.isEmpty {
            sections.append(.init(heading: "五、督查检查和问责情况", paragraphs: supervision))
        }
        if satisfaction.values.contains(where: { $0.total > 0 }) {
            sections.append(.init(heading: "\(ChineseNumeralWriter.string(sections.count))、群众满意度评价", paragraphs: satisfactionParagraphs(ordered)))
        }
        if kind == .annual {
            sections.append(
                .init(
                    heading: "\(ChineseNumeralWriter.string(sections.count))、年度完成评价", paragraphs: verdicts(rows) + unitVerdicts(rows, items: ordered))
            )
            if !scores.isEmpty {
                sections.append(.init(heading: "\(ChineseNumeralWriter.string(sections.count))、牵头单位考核评分", paragraphs: scoreParagraphs()))
            }
        }
        sections.append(.init(heading: "\(ChineseNumeralWriter.string(sections.count))、下一步工作要求", paragraphs: requirements))
        let categories = Dictionary(grouping: ordered, by: \.category)
        let categoryOrder = ordered.map(\.category).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let charts = [
            OfficialDocument.Chart(
                title: "各状态事项数", labels: ProgressStatus.allCases.map(\.chineseName),
                values: ProgressStatus.allCases.map { counts[$0.rawValue] ?? 0 }, percent: false),
            OfficialDocument.Chart(
                title: "各类别完成进度（%）", labels: categoryOrder,
                values: categoryOrder.map { name in
                    Self.percent(assessment.progress(of: Set((categories[name] ?? []).map(\.item.id))) ?? 0)
                }, percent: true),
        ]
        return OfficialDocument(
            kind: kind, period: period, planTitle: planTitle, title: title(), addressee: addressee, asOf: asOf, sections: sections,
            issuer: issuer, date: date, number: nil, summary: summary, rows: rows, charts: charts
        )
    }

    private func opening(asOf: CalendarDate) -> String {
        let purpose: String
        switch kind {
        case .monthly: purpose = "现将\(year)年\(period.months.upperBound)月份重点民生实事进展情况报告如下："
        case .quarterly: purpose = "为推动《\(planTitle)》各项任务落实，现将截至\(asOf.year)年\(asOf.month)月\(asOf.day)日的重点民生实事进展情况通报如下："
        case .halfYear: purpose = "现将\(year)年\(period.months.upperBound == 6 ? "上" : "下")半年重点民生实事办理情况总结如下："
        case .annual: purpose = "现将\(year)年《\(planTitle)》确定的重点民生实事全年完成情况综合报告如下："
        }
        return purpose
    }

    private func overall(_ summary: OfficialDocument.Summary) -> String {
        var text =
            "\(year)年确定的\(summary.total)项重点民生实事中，已完成\(summary.count(.completed))项，超序时或按序时推进\(summary.count(.ahead) + summary.count(.onSchedule))项，"
            + "进度偏慢\(summary.count(.behind))项，严重滞后\(summary.count(.seriouslyBehind))项，未报送\(summary.count(.notReported))项"
        if summary.count(.pending) > 0 { text += "，目标待上级下达\(summary.count(.pending))项" }
        text += "。"
        if let progress = summary.progress { text += "各事项平均完成进度为\(progress)%。" }
        return text
    }

    private func reporting(_ timeliness: [Timeliness]) -> [String] {
        let missing = timeliness.filter { !$0.missingMonths.isEmpty }
        let late = timeliness.filter { !$0.lateMonths.isEmpty }
        guard !missing.isEmpty || !late.isEmpty else { return ["各责任单位均按时报送了进展情况。"] }
        var paragraphs: [String] = []
        if !missing.isEmpty {
            paragraphs.append("未按要求报送的单位：" + missing.map { "\($0.unit)（\(Self.months($0.missingMonths))未报送）" }.joined(separator: "；") + "。")
        }
        if !late.isEmpty {
            paragraphs.append("逾期报送的单位：" + late.map { "\($0.unit)（\(Self.months($0.lateMonths))迟报）" }.joined(separator: "；") + "。")
        }
        return paragraphs
    }

    /// The public's verdicts: the overall rate, each lead unit's rate, and the items the public is least satisfied with.
    private func satisfactionParagraphs(_ items: [ItemFacts]) -> [String] {
        let all = SatisfactionTally.sum(satisfaction.values)
        var paragraphs = [
            "通过民生实事公示平台，群众共对\(satisfaction.values.filter { $0.total > 0 }.count)项民生实事作出评价\(all.total)人次，"
                + "其中满意\(all.satisfied)人次、基本满意\(all.basicallySatisfied)人次、不满意\(all.dissatisfied)人次，总体满意度为\(all.rate ?? 0)%。"
        ]
        var order: [String] = []
        var byUnit: [String: SatisfactionTally] = [:]
        for facts in items {
            guard let tally = satisfaction[facts.item.number], tally.total > 0 else { continue }
            for unit in facts.leadUnits {
                if byUnit[unit] == nil { order.append(unit) }
                byUnit[unit, default: SatisfactionTally()] = byUnit[unit, default: SatisfactionTally()] + tally
            }
        }
        if !order.isEmpty {
            paragraphs.append(
                "各牵头单位所牵头事项的群众满意度：" + order.map { "\($0)\(byUnit[$0]?.rate ?? 0)%（\(byUnit[$0]?.total ?? 0)人次）" }.joined(separator: "；") + "。")
        }
        let low = items.filter { (satisfaction[$0.item.number]?.rate ?? 100) < Self.lowSatisfaction }
        if !low.isEmpty {
            paragraphs.append(
                "满意度低于\(Self.lowSatisfaction)%的事项："
                    + low.map { facts in
                        """
                        第\(facts.item.number)项“\(facts.item.shortTitle)”（\(satisfaction[facts.item.number]?.rate ?? 0)%，\
                        牵头单位：\(facts.leadUnits.joined(separator: "、"))）
                        """
                    }.joined(separator: "、") + "，有关单位要认真研究群众意见，改进工作。")
        }
        return paragraphs
    }

    /// The ranking of the units with each one's points by criterion.
    private func scoreParagraphs() -> [String] {
        let ranking = scores.map { "\($0.rank). \($0.name) \(DecimalText.format($0.total))分" }.joined(separator: "；")
        let lowest = scores.suffix(3).map { score in
            "\(score.name)："
                + score.lines.filter { $0.points != 0 || $0.maximum > 0 }.map { "\($0.criterion)\(DecimalText.format($0.points))分" }.joined(
                    separator: "，")
        }
        return [
            "按照考核评分办法（完成度、进度、按时报送、群众满意度，扣除督查和问责扣分），各牵头单位得分排名：\(ranking)。",
            "排名靠后的单位得分构成：" + lowest.joined(separator: "；") + "。",
        ]
    }

    /// Items below this satisfaction rate are named in the document.
    package static let lowSatisfaction = 80

    private func verdicts(_ rows: [OfficialDocument.Row]) -> [String] {
        let done = rows.filter { $0.verdict == "完成" }.count
        let mostly = rows.filter { $0.verdict == "基本完成" }.count
        let not = rows.filter { $0.verdict == "未完成" }
        var text = "全年\(rows.count)项民生实事，完成\(done)项，基本完成\(mostly)项，未完成\(not.count)项。"
        if !not.isEmpty {
            text += "未完成的事项：" + not.map { "第\($0.number)项（完成率\($0.rate.map { "\($0)%" } ?? "—")，牵头单位：\($0.leadUnits)）" }.joined(separator: "、") + "。"
        }
        return [text]
    }

    /// Each lead unit's record: how many of its items were completed, and which were not.
    private func unitVerdicts(_ rows: [OfficialDocument.Row], items: [ItemFacts]) -> [String] {
        var order: [String] = []
        var byUnit: [String: [OfficialDocument.Row]] = [:]
        let rowsByNumber = Dictionary(uniqueKeysWithValues: rows.map { ($0.number, $0) })
        for facts in items {
            guard let row = rowsByNumber[facts.item.number] else { continue }
            for unit in facts.leadUnits {
                if byUnit[unit] == nil { order.append(unit) }
                byUnit[unit, default: []].append(row)
            }
        }
        let lines = order.map { unit -> String in
            let led = byUnit[unit] ?? []
            let done = led.filter { $0.verdict == "完成" }.count
            let unfinished = led.filter { $0.verdict == "未完成" }.map { "第\($0.number)项" }
            let verdict = done == led.count ? "全部完成" : (unfinished.isEmpty ? "基本完成" : "未全部完成")
            return "\(unit)：牵头\(led.count)项，完成\(done)项，\(verdict)" + (unfinished.isEmpty ? "" : "（未完成：\(unfinished.joined(separator: "、"))）")
        }
        return ["各牵头单位完成情况：" + lines.joined(separator: "；") + "。"]
    }

    private func row(_ facts: ItemFacts, _ a: ItemAssessment) -> OfficialDocument.Row {
        let top = facts.indicators.filter { $0.parentID == nil }.sorted { $0.ordinal < $1.ordinal }
        let assessed = Dictionary(uniqueKeysWithValues: a.indicators.map { ($0.indicatorID, $0) })
        let target = top.map { indicator -> String in
            if let value = indicator.target { return "\(indicator.name)\(DecimalText.format(value))\(indicator.measure)" }
            return indicator.provisional ? "\(indicator.name)（以上级下达为准）" : indicator.name
        }.joined(separator: "；")
        let achieved = top.map { indicator -> String in
            guard let assessment = assessed[indicator.id] else { return "—" }
            if let value = assessment.value { return "\(DecimalText.format(value))\(indicator.measure)" }
            if indicator.kind == .milestone || indicator.kind == .qualitative {
                return assessment.status == .completed ? "已完成" : (assessment.overdueNodes.isEmpty ? "推进中" : "逾期未完成")
            }
            return "—"
        }.joined(separator: "；")
        var notes: [String] = []
        if let override = a.override { notes.append("状态经调整：\(override.reason)") }
        if a.earlyWarning { notes.append("按近期进度年底难以完成") }
        if let tally = satisfaction[facts.item.number], let rate = tally.rate { notes.append("群众满意度\(rate)%（\(tally.total)人次）") }
        if let asOf = a.indicators.compactMap(\.asOfMonth).max(), asOf < period.months.upperBound, a.status != .completed {
            notes.append("数据截至\(asOf)月")
        }
        let rate = a.progress.map(Self.percent)
        var verdict: String?
        if kind == .annual {
            verdict = a.status == .completed ? "完成" : ((rate ?? 0) >= 90 ? "基本完成" : "未完成")
        }
        return OfficialDocument.Row(
            number: facts.item.number, title: facts.item.shortTitle, target: target, achieved: achieved, rate: rate, status: a.status,
            leadUnits: facts.leadUnits.joined(separator: "、"), responsibleUnits: facts.responsibleUnits.joined(separator: "、"),
            note: notes.joined(separator: "；"), verdict: verdict
        )
    }

    static func percent(_ value: Decimal) -> Int {
        Percent.of(value)
    }

    static func months(_ months: [Int]) -> String {
        months.sorted().map { "\($0)月" }.joined(separator: "、")
    }
}
