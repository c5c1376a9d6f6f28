import Foundation

/// A unit's report on one item for one month: values reached to date, milestone dates and the three narrative
/// fields (进展情况, 存在问题, 下步打算). Each correction of an accepted report is a new version.
package struct Report: Sendable, Hashable, Codable, Identifiable {
    package var id: Int64
    package var planID: Int64
    package var itemID: Int64
    package var unitID: Int64
    package var period: Period
    package var version: Int
    package var role: Assignment.Role
    package var state: ReportState
    /// 进展情况
    package var progress: String
    /// 存在问题
    package var problems: String
    /// 下步打算
    package var nextSteps: String
    package var correctionReason: String?
    package var returnReason: String?
    /// Increases with every change; a save that names an older one is a conflicting edit.
    package var lockVersion: Int
    package var createdAt: String
    package var updatedAt: String
    package var submittedAt: String?
    package var reviewedAt: String?
    package var values: [ReportValue]

    package init(
        id: Int64, planID: Int64, itemID: Int64, unitID: Int64, period: Period, version: Int = 1, role: Assignment.Role,
        state: ReportState = .draft, progress: String = "", problems: String = "", nextSteps: String = "",
        correctionReason: String? = nil, returnReason: String? = nil, lockVersion: Int = 1, createdAt: String = "",
        updatedAt: String = "", submittedAt: String? = nil, reviewedAt: String? = nil, values: [ReportValue] = []
    ) {
        self.id = id
        self.planID = planID
        self.itemID = itemID
        self.unitID = unitID
        self.period = period
        self.version = version
        self.role = role
        self.state = state
        self.progress = progress
        self.problems = problems
        self.nextSteps = nextSteps
        self.correctionReason = correctionReason
        self.returnReason = returnReason
        self.lockVersion = lockVersion
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.submittedAt = submittedAt
        self.reviewedAt = reviewedAt
        self.values = values
    }

    /// The value reported for an indicator.
    package func value(for indicatorID: Int64) -> ReportValue? {
        values.first { $0.indicatorID == indicatorID }
    }
}

/// A reported figure: the value reached to date (for a rate, its current level) or the date a milestone was reached.
package struct ReportValue: Sendable, Hashable, Codable {
    package var indicatorID: Int64
    package var value: Decimal?
    package var reachedOn: CalendarDate?

    package init(indicatorID: Int64, value: Decimal? = nil, reachedOn: CalendarDate? = nil) {
        self.indicatorID = indicatorID
        self.value = value
        self.reachedOn = reachedOn
    }

    enum CodingKeys: String, CodingKey {
        case indicatorID = "indicatorId"
        case value, reachedOn
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        indicatorID = try c.decode(Int64.self, forKey: .indicatorID)
        value = try c.decodeIfPresent(String.self, forKey: .value).map { try DecimalText.parse($0, codingPath: c.codingPath + [CodingKeys.value]) }
        reachedOn = try c.decodeIfPresent(CalendarDate.self, forKey: .reachedOn)
    }

    package func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(indicatorID, forKey: .indicatorID)
        try c.encode(value.map(DecimalText.format), forKey: .value)
        try c.encode(reachedOn, forKey: .reachedOn)
    }
}

extension Report {
    /// Whether the report says nothing: no value and no 进展情况. Such a report cannot be submitted; a unit with no
    /// progress says so in 进展情况, with the reason.
    package var isBlank: Bool {
        values.isEmpty && progress.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    }
}
