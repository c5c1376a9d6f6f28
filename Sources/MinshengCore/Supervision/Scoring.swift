import Foundation

/// The office's scoring scheme (考核评分) for the units that lead items: points for completion, progress against
/// schedule, on-time reporting and public satisfaction, less deductions for supervision findings and accountability
/// decisions. Editable per plan.
package struct ScoringScheme: Sendable, Hashable, Codable {
    /// Points for completion (完成度): the mean progress of the unit's items, each capped at 100%.
    package var completion: Decimal
    /// Points for progress (进度): the share of the unit's items completed, ahead or on schedule.
    package var progress: Decimal
    /// Points for on-time reporting: the share of owed reports submitted by the due day.
    package var reporting: Decimal
    /// Points for satisfaction (满意度): the public's satisfaction rate with the unit's items.
    package var satisfaction: Decimal
    /// Deducted per inspection discrepancy.
    package var perDiscrepancy: Decimal
    /// Deducted per rectification not done by its due day.
    package var perOverdueRectification: Decimal
    /// Deducted per red notice.
    package var perRedNotice: Decimal
    /// The most supervision findings may deduct.
    package var findingsCap: Decimal
    /// Deducted per accountability decision.
    package var decisions: [AccountabilityDecision: Decimal]

    package init(
        completion: Decimal = 40, progress: Decimal = 25, reporting: Decimal = 20, satisfaction: Decimal = 15, perDiscrepancy: Decimal = 3,
        perOverdueRectification: Decimal = 2, perRedNotice: Decimal = 1, findingsCap: Decimal = 10,
        decisions: [AccountabilityDecision: Decimal] = [.interview: 2, .publicCriticism: 3, .admonition: 4, .disciplinary: 5, .noAccountability: 0]
    ) {
        self.completion = completion
        self.progress = progress
        self.reporting = reporting
        self.satisfaction = satisfaction
        self.perDiscrepancy = perDiscrepancy
        self.perOverdueRectification = perOverdueRectification
        self.perRedNotice = perRedNotice
        self.findingsCap = findingsCap
        self.decisions = decisions
    }

    /// The most points a unit can have.
    package var maximum: Decimal { completion + progress + reporting + satisfaction }
}

/// What scoring knows of a unit.
package struct UnitRecord: Sendable, Hashable {
    /// One item the unit leads.
    package struct LedItem: Sendable, Hashable {
        package var number: Int
        package var progress: Decimal?
        package var status: ProgressStatus

        package init(number: Int, progress: Decimal?, status: ProgressStatus) {
            self.number = number
            self.progress = progress
            self.status = status
        }
    }

    package var unitID: Int64
    package var name: String
    package var items: [LedItem]
    package var reportsOnTime: Int
    package var reportsOwed: Int
    package var satisfaction: SatisfactionTally
    package var discrepancies: Int
    package var overdueRectifications: Int
    package var redNotices: Int
    package var decisions: [AccountabilityDecision]

    package init(
        unitID: Int64, name: String, items: [LedItem], reportsOnTime: Int, reportsOwed: Int, satisfaction: SatisfactionTally = SatisfactionTally(),
        discrepancies: Int = 0, overdueRectifications: Int = 0, redNotices: Int = 0, decisions: [AccountabilityDecision] = []
    ) {
        self.unitID = unitID
        self.name = name
        self.items = items
        self.reportsOnTime = reportsOnTime
        self.reportsOwed = reportsOwed
        self.satisfaction = satisfaction
        self.discrepancies = discrepancies
        self.overdueRectifications = overdueRectifications
        self.redNotices = redNotices
        self.decisions = decisions
    }
}

/// A unit's score with every point explained.
package struct UnitScore: Sendable, Hashable {
    /// One line of the scoring sheet.
    package struct Line: Sendable, Hashable {
        package var criterion: String
        /// Points earned (negative for a deduction).
        package var points: Decimal
        /// The most this line can give (0 for deductions).
        package var maximum: Decimal
        package var explanation: String
    }

    package var unitID: Int64
    package var name: String
    package var lines: [Line]
    package var rank: Int

    package var total: Decimal { lines.reduce(0) { $0 + $1.points } }
}

/// Scores units by a scheme and ranks them. Where a unit has nothing to measure (no item with progress, no report
/// owed, no rating), it gets the plan's average for that criterion, and the sheet says so.
package struct UnitScorer: Sendable {
    package var scheme: ScoringScheme

    package init(scheme: ScoringScheme = ScoringScheme()) {
        self.scheme = scheme
    }

    package func score(_ records: [UnitRecord]) -> [UnitScore] {
        let completionShares = records.map(Self.completionShare)
        let progressShares = records.map(Self.progressShare)
        let reportingShares = records.map { $0.reportsOwed > 0 ? Decimal($0.reportsOnTime) / Decimal($0.reportsOwed) : nil }
        let satisfactionShares = records.map { $0.satisfaction.rate.map { Decimal($0) / 100 } }
        let averages = [completionShares, progressShares, reportingShares, satisfactionShares].map(Self.mean)
        var scores = records.enumerated().map { index, record -> UnitScore in
            var lines = [
                line(
                    "完成度", weight: scheme.completion, share: completionShares[index], average: averages[0],
                    detail: "所牵头\(record.items.count)项平均完成进度\(Self.percent(completionShares[index]))（每项最多计100%）"),
                line(
                    "进度", weight: scheme.progress, share: progressShares[index], average: averages[1],
                    detail:
                        "按序时或超序时、已完成\(record.items.filter { Self.onTrack.contains($0.status) }.count)项，占可评价事项\(Self.percent(progressShares[index]))"),
                line(
                    "按时报送", weight: scheme.reporting, share: reportingShares[index], average: averages[2],
                    detail: "应报\(record.reportsOwed)份，按时\(record.reportsOnTime)份"),
                line(
                    "满意度", weight: scheme.satisfaction, share: satisfactionShares[index], average: averages[3],
                    detail: record.satisfaction.total > 0 ? "群众评价\(record.satisfaction.total)人次，满意度\(record.satisfaction.rate ?? 0)%" : "尚无群众评价"),
            ]
            lines.append(findings(record))
            lines.append(accountability(record))
            return UnitScore(unitID: record.unitID, name: record.name, lines: lines, rank: 0)
        }
        scores.sort { ($0.total, $1.name) > ($1.total, $0.name) }
        var rank = 0
        var previous: Decimal?
        for index in scores.indices {
            if scores[index].total != previous { rank = index + 1 }
            scores[index].rank = rank
            previous = scores[index].total
        }
        return scores
    }

    static let onTrack: Set<ProgressStatus> = [.completed, .ahead, .onSchedule]

    private func line(_ criterion: String, weight: Decimal, share: Decimal?, average: Decimal?, detail: String) -> UnitScore.Line {
        guard let share else {
            let fallback = average ?? 1
            return UnitScore.Line(
                criterion: criterion, points: Self.rounded(weight * fallback), maximum: weight,
                explanation: "\(detail)；无可计量数据，按全市平均\(Self.percent(fallback))计：\(DecimalText.format(weight))×\(Self.percent(fallback))")
        }
        return UnitScore.Line(
            criterion: criterion, points: Self.rounded(weight * share), maximum: weight,
            explanation: "\(detail)：\(DecimalText.format(weight))×\(Self.percent(share))")
    }

    private func findings(_ record: UnitRecord) -> UnitScore.Line {
        let raw =
            scheme.perDiscrepancy * Decimal(record.discrepancies) + scheme.perOverdueRectification * Decimal(record.overdueRectifications)
            + scheme.perRedNotice * Decimal(record.redNotices)
        let deducted = min(raw, scheme.findingsCap)
        var parts = [
            "核查不符\(record.discrepancies)处×\(DecimalText.format(scheme.perDiscrepancy))",
            "整改逾期\(record.overdueRectifications)项×\(DecimalText.format(scheme.perOverdueRectification))",
            "红色督办\(record.redNotices)次×\(DecimalText.format(scheme.perRedNotice))",
        ].joined(separator: "，")
        if raw > scheme.findingsCap { parts += "，共\(DecimalText.format(raw))分，以\(DecimalText.format(scheme.findingsCap))分为限" }
        return UnitScore.Line(criterion: "督查扣分", points: -deducted, maximum: 0, explanation: parts)
    }

    private func accountability(_ record: UnitRecord) -> UnitScore.Line {
        guard !record.decisions.isEmpty else { return UnitScore.Line(criterion: "问责扣分", points: 0, maximum: 0, explanation: "无问责") }
        let deducted = record.decisions.reduce(Decimal(0)) { $0 + (scheme.decisions[$1] ?? 0) }
        let parts = record.decisions.map { "\($0.chineseName)\(DecimalText.format(scheme.decisions[$0] ?? 0))分" }.joined(separator: "，")
        return UnitScore.Line(criterion: "问责扣分", points: -deducted, maximum: 0, explanation: parts)
    }

    static func completionShare(_ record: UnitRecord) -> Decimal? {
        let measured = record.items.compactMap(\.progress).map { min($0, 1) }
        return mean(measured)
    }

    static func progressShare(_ record: UnitRecord) -> Decimal? {
        let judged = record.items.filter { $0.status != .pending }
        guard !judged.isEmpty else { return nil }
        return Decimal(judged.filter { onTrack.contains($0.status) }.count) / Decimal(judged.count)
    }

    static func mean(_ values: [Decimal?]) -> Decimal? {
        mean(values.compactMap { $0 })
    }

    static func mean(_ values: [Decimal]) -> Decimal? {
        values.isEmpty ? nil : values.reduce(0, +) / Decimal(values.count)
    }

    static func rounded(_ value: Decimal) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, 2, .plain)
        return output
    }

    static func percent(_ share: Decimal?) -> String {
        Percent.tenths(share)
    }
}
