import Foundation

/// A periodic official document drafted from accepted data: the monthly progress report (月度进展情况), quarterly
/// circular (季度通报), half-year summary (半年总结) or year-end comprehensive report (年度综合报告).
package struct OfficialDocument: Sendable, Hashable, Codable {
    /// The four periodic documents.
    package enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case monthly, quarterly, halfYear, annual

        /// The period form each kind is issued for.
        package func accepts(_ period: Period) -> Bool {
            switch (self, period) {
            case (.monthly, .month), (.quarterly, .quarter), (.halfYear, .half), (.annual, .year): return true
            default: return false
            }
        }

        package var chineseName: String {
            switch self {
            case .monthly: return "月度进展情况"
            case .quarterly: return "季度通报"
            case .halfYear: return "半年总结"
            case .annual: return "年度综合报告"
            }
        }
    }

    /// A part of the body: a heading (一、 at level 1, （一） at level 2) and its paragraphs.
    package struct Section: Sendable, Hashable, Codable {
        package var heading: String?
        package var level: Int
        package var paragraphs: [String]

        package init(heading: String?, level: Int = 1, paragraphs: [String]) {
            self.heading = heading
            self.level = level
            self.paragraphs = paragraphs
        }
    }

    /// One row of the attachment table.
    package struct Row: Sendable, Hashable, Codable {
        package var number: Int
        package var title: String
        package var target: String
        package var achieved: String
        /// 完成率 as a whole percentage, nil when there is nothing to measure.
        @NullCoded package var rate: Int?
        package var status: ProgressStatus
        package var leadUnits: String
        package var responsibleUnits: String
        package var note: String
        /// 完成 / 基本完成 / 未完成, in the year-end report.
        @NullCoded package var verdict: String?

        package init(
            number: Int, title: String, target: String, achieved: String, rate: Int?, status: ProgressStatus,
            leadUnits: String, responsibleUnits: String, note: String, verdict: String? = nil
        ) {
            self.number = number
            self.title = title
            self.target = target
            self.achieved = achieved
            self.rate = rate
            self.status = status
            self.leadUnits = leadUnits
            self.responsibleUnits = responsibleUnits
            self.note = note
            self.verdict = verdict
        }
    }

    /// A bar chart's data: labels with values (counts or whole percentages).
    package struct Chart: Sendable, Hashable, Codable {
        package var title: String
        package var labels: [String]
        package var values: [Int]
        /// The values are percentages.
        package var percent: Bool
    }

    /// How many items stand in each status.
    package struct Summary: Sendable, Hashable, Codable {
        package var total: Int
        package var counts: [String: Int]
        @NullCoded package var progress: Int?

        package func count(_ status: ProgressStatus) -> Int { counts[status.rawValue] ?? 0 }
    }

    package var kind: Kind
    package var period: Period
    package var planTitle: String
    package var title: String
    /// 主送机关.
    package var addressee: String
    /// 截至 date of the data.
    package var asOf: CalendarDate
    package var sections: [Section]
    /// 发文机关署名.
    package var issuer: String
    /// 成文日期.
    package var date: CalendarDate
    /// 文号, set when the document is issued.
    @NullCoded package var number: String?
    package var summary: Summary
    package var rows: [Row]
    package var charts: [Chart]

    /// The column names of the attachment table.
    package static let tableHeader = ["序号", "项目名称", "全年目标任务", "完成情况", "完成率", "进度状态", "牵头单位", "责任单位", "说明"]

    /// The attachment table as rows of text, header first (for XLSX, CSV and the DOCX table).
    package var tableText: [[String]] {
        var header = Self.tableHeader
        if kind == .annual { header.insert("完成评价", at: 6) }
        return [header]
            + rows.map { row in
                var cells = [
                    String(row.number), row.title, row.target, row.achieved, row.rate.map { "\($0)%" } ?? "—", row.status.chineseName,
                    row.leadUnits, row.responsibleUnits, row.note,
                ]
                if kind == .annual { cells.insert(row.verdict ?? "", at: 6) }
                return cells
            }
    }
}

extension ProgressStatus {
    /// The term official documents use.
    package var chineseName: String {
        switch self {
        case .completed: return "已完成"
        case .ahead: return "超序时"
        case .onSchedule: return "按序时"
        case .behind: return "进度偏慢"
        case .seriouslyBehind: return "严重滞后"
        case .notReported: return "未报送"
        case .pending: return "目标待定"
        }
    }

    /// The status in English words.
    package var englishName: String {
        switch self {
        case .completed: return "completed"
        case .ahead: return "ahead"
        case .onSchedule: return "on schedule"
        case .behind: return "behind"
        case .seriouslyBehind: return "seriously behind"
        case .notReported: return "not reported"
        case .pending: return "target pending"
        }
    }
}
