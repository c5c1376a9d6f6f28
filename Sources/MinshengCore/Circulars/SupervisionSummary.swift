import Foundation

/// The 督查检查和问责情况 paragraphs of an official document: supervision notices, spot checks and unannounced visits,
/// the figures they found overstated, rectifications and accountability cases, each written from facts whose units
/// and items are already named, as they stood at the end of the document's period.
package struct SupervisionSummary: Sendable {
    /// A supervision notice (督办单) as it stood.
    package struct Notice: Sendable {
        package var grade: NoticeGrade
        package var answered: Bool
        /// A red notice past its due day without an answer.
        package var redOverdue: Bool
        package var unit: String
        package var item: String

        package init(grade: NoticeGrade, answered: Bool, redOverdue: Bool, unit: String, item: String) {
            (self.grade, self.answered, self.redOverdue, self.unit, self.item) = (grade, answered, redOverdue, unit, item)
        }
    }

    /// A reported figure an inspection found overstated.
    package struct Discrepancy: Sendable {
        package var units: [String]
        package var item: String
        /// What was reported and what was verified, from ``SupervisionSummary/finding(on:mode:indicator:measure:reported:verified:)``.
        package var text: String

        package init(units: [String], item: String, text: String) {
            (self.units, self.item, self.text) = (units, item, text)
        }
    }

    /// A rectification (整改) ordered after an inspection.
    package struct Rectification: Sendable {
        package var unit: String
        package var due: CalendarDate
        package var closed: Bool
        package var overdue: Bool

        package init(unit: String, due: CalendarDate, closed: Bool, overdue: Bool) {
            (self.unit, self.due, self.closed, self.overdue) = (unit, due, closed, overdue)
        }
    }

    /// An accountability case (问责), newest first.
    package struct Case: Sendable {
        package var unit: String
        package var item: String
        package var rule: AccountabilityRule
        /// The decision, if taken by the end of the period.
        package var decision: AccountabilityDecision?

        package init(unit: String, item: String, rule: AccountabilityRule, decision: AccountabilityDecision?) {
            (self.unit, self.item, self.rule, self.decision) = (unit, item, rule, decision)
        }
    }

    package var notices: [Notice] = []
    /// The modes of the inspections done by the end of the period.
    package var inspections: [InspectionMode] = []
    package var discrepancies: [Discrepancy] = []
    package var rectifications: [Rectification] = []
    package var cases: [Case] = []

    package init(
        notices: [Notice] = [], inspections: [InspectionMode] = [], discrepancies: [Discrepancy] = [], rectifications: [Rectification] = [],
        cases: [Case] = []
    ) {
        (self.notices, self.inspections, self.discrepancies, self.rectifications, self.cases) = (
            notices, inspections, discrepancies, rectifications, cases
        )
    }

    /// How an item is named in the paragraphs: 第N项“short title”.
    package static func itemName(_ item: Item?) -> String {
        item.map { "第\($0.number)项“\($0.shortTitle)”" } ?? ""
    }

    /// What an inspection found of one figure: when, how, what was reported and what was verified.
    package static func finding(
        on date: CalendarDate, mode: InspectionMode, indicator: String, measure: String, reported: Decimal?, verified: Decimal
    ) -> String {
        let reportedText = reported.map(DecimalText.format) ?? "—"
        return "\(date.iso)\(mode.chineseName)：“\(indicator)”报送\(reportedText)\(measure)，核查\(DecimalText.format(verified))\(measure)"
    }

    /// The paragraphs, one per kind of supervision that took place; none when nothing did.
    package var paragraphs: [String] {
        [noticeParagraph, inspectionParagraph, rectificationParagraph, caseParagraph].compactMap { $0 }
    }

    private var noticeParagraph: String? {
        guard !notices.isEmpty else { return nil }
        let counts = NoticeGrade.allCases.map { grade in "\(grade.chineseName)\(notices.filter { $0.grade == grade }.count)件" }.joined(separator: "、")
        var text = "共发出督办单\(notices.count)件（\(counts)），已反馈\(notices.filter(\.answered).count)件。"
        let overdue = notices.filter(\.redOverdue)
        if !overdue.isEmpty { text += "逾期未反馈的红色督办：" + overdue.map { "\($0.unit)（\($0.item)）" }.joined(separator: "、") + "。" }
        return text
    }

    private var inspectionParagraph: String? {
        guard !inspections.isEmpty else { return nil }
        var text = "开展抽查暗访\(inspections.count)次（其中暗访\(inspections.filter { $0 == .unannounced }.count)次）。"
        if !discrepancies.isEmpty {
            text +=
                "发现报送数据与核查不符\(discrepancies.count)处："
                + discrepancies.map { "\($0.units.joined(separator: "、"))\($0.item)，\($0.text)" }.joined(separator: "；") + "。"
        }
        return text
    }

    private var rectificationParagraph: String? {
        guard !rectifications.isEmpty else { return nil }
        let overdue = rectifications.filter(\.overdue)
        let text = "下发整改要求\(rectifications.count)项，已整改销号\(rectifications.filter(\.closed).count)项"
        guard !overdue.isEmpty else { return text + "。" }
        return text + "，逾期未整改\(overdue.count)项：" + overdue.map { "\($0.unit)（应于\($0.due.iso)前完成）" }.joined(separator: "、") + "。"
    }

    private var caseParagraph: String? {
        guard !cases.isEmpty else { return nil }
        let entries = cases.map { "\($0.unit)\($0.item)\($0.rule.chineseName)，\($0.decision?.chineseName ?? "正在调查处理")" }
        return "启动问责\(cases.count)件：" + entries.joined(separator: "；") + "。"
    }
}
