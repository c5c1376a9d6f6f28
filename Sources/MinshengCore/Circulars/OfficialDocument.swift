import Foundation

/// A periodic official document drafted from accepted data: the monthly progress report (月度进展情况), quarterly
/// circular (季度通报), half-year summary (半年总结) or year-end comprehensive report (年度综合报告).
public struct OfficialDocument: Sendable, Hashable, Codable {
    /// The four periodic documents.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case monthly, quarterly, halfYear, annual

        /// The period form each kind is issued for.
        public func accepts(_ period: Period) -> Bool {
            switch (self, period) {
            case (.monthly, .month), (.quarterly, .quarter), (.halfYear, .half), (.annual, .year): return true
            default: return false
            }
        }

        public var chineseName: String {
            switch self {
            case .monthly: return "月度进展情况"
            case .quarterly: return "季度通报"
            case .halfYear: return "半年总结"
            case .annual: return "年度综合报告"
            }
        }
    }

    /// A part of the body: a heading (一、 at level 1, （一） at level 2) and its paragraphs.
    public struct Section: Sendable, Hashable, Codable {
        public var heading: String?
        public var level: Int
        public var paragraphs: [String]

        public init(heading: String?, level: Int = 1, paragraphs: [String]) {
            self.heading = heading
            self.level = level
            self.paragraphs = paragraphs
        }
    }

    /// One row of the attachment table.
    public struct Row: Sendable, Hashable, Codable {
        public var number: Int
        public var title: String
        public var target: String
        public var achieved: String
        /// 完成率 as a whole percentage, nil when there is nothing to measure.
        @NullCoded public var rate: Int?
        public var status: ProgressStatus
        public var leadUnits: String
        public var responsibleUnits: String
        public var note: String
        /// 完成 / 基本完成 / 未完成, in the year-end report.
        @NullCoded public var verdict: String?

        public init(
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
    public struct Chart: Sendable, Hashable, Codable {
        public var title: String
        public var labels: [String]
        public var values: [Int]
        /// The values are percentages.
        public var percent: Bool
    }

    /// How many items stand in each status.
    public struct Summary: Sendable, Hashable, Codable {
        public var total: Int
        public var counts: [String: Int]
        @NullCoded public var progress: Int?

        public func count(_ status: ProgressStatus) -> Int { counts[status.rawValue] ?? 0 }
    }

    public var kind: Kind
    public var period: Period
    public var planTitle: String
    public var title: String
    /// 主送机关.
    public var addressee: String
    /// 截至 date of the data.
    public var asOf: CalendarDate
    public var sections: [Section]
    /// 发文机关署名.
    public var issuer: String
    /// 成文日期.
    public var date: CalendarDate
    /// 文号, set when the document is issued.
    @NullCoded public var number: String?
    public var summary: Summary
    public var rows: [Row]
    public var charts: [Chart]

    /// The column names of the attachment table.
    public static let tableHeader = ["序号", "项目名称", "全年目标任务", "完成情况", "完成率", "进度状态", "牵头单位", "责任单位", "说明"]

    /// The attachment table as rows of text, header first (for XLSX, CSV and the DOCX table).
    public var tableText: [[String]] {
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
    public var chineseName: String {
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
}
