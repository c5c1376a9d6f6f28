import Foundation
import MinshengCore
import SQLKit

/// Assessment of stored plans, shared by pages, the API and `minsheng assess`.
struct AssessmentService: Sendable {
    let database: AppDatabase
    let store = AssessmentStore()

    init(database: AppDatabase) {
        self.database = database
    }

    func assess(planID: Int64, period: Period) async throws -> PlanAssessment {
        try await database.read { try await assess(planID: planID, period: period, on: $0) }
    }

    /// The assessment at a period, computed once per revision of the plan's data.
    func assess(planID: Int64, period: Period, on db: any SQLDatabase) async throws -> PlanAssessment {
        let revision = try await PlanRevisionCache.revision(planID: planID, on: db)
        return try await database.computed.value(planID: planID, revision: revision, key: "assessment \(period)") {
            Assessor().assess(try await input(planID: planID, period: period, revision: revision, on: db), at: period)
        }
    }

    /// What the assessment at a period reads, loaded once per revision of the plan's data.
    func input(planID: Int64, period: Period, on db: any SQLDatabase) async throws -> AssessmentInput {
        try await input(planID: planID, period: period, revision: try await PlanRevisionCache.revision(planID: planID, on: db), on: db)
    }

    /// The plan with its categories, items, indicators, units and assignments, loaded once per revision.
    func detail(planID: Int64, on db: any SQLDatabase) async throws -> PlanDetail? {
        let revision = try await PlanRevisionCache.revision(planID: planID, on: db)
        return try await database.computed.value(planID: planID, revision: revision, key: "detail") {
            try await PlanStore().detail(planID: planID, on: db)
        }
    }

    private func input(planID: Int64, period: Period, revision: Int64, on db: any SQLDatabase) async throws -> AssessmentInput {
        try await database.computed.value(planID: planID, revision: revision, key: "input \(period)") {
            try await store.input(planID: planID, period: period, on: db)
        }
    }

    /// The plan a command names by id, or by year when the instance holds one plan for that year.
    static func plan(reference: String, on db: any SQLDatabase) async throws -> Plan {
        let plans = try await PlanStore().plans(on: db)
        if let number = Int64(reference) {
            if let plan = plans.first(where: { $0.id == number }) { return plan }
            let sameYear = plans.filter { Int64($0.year) == number }
            if sameYear.count == 1 { return sameYear[0] }
            if sameYear.count > 1 {
                throw PlanRefusals.severalForYear(number, ids: sameYear.map(\.id))
            }
        }
        throw AdminRefusals.noPlanForReference(reference)
    }
}

/// One item of an assessment as JSON (the shape of `minsheng assess --json` and the API).
struct AssessmentEntry: Encodable {
    var number: Int
    var title: String
    var status: ProgressStatus
    @NullCoded var progress: Decimal?
    @NullCoded var expected: Decimal?
    @NullCoded var forecast: Decimal?
    var earlyWarning: Bool
    @NullCoded var override: String?

    init(_ assessment: ItemAssessment, title: String) {
        number = assessment.number
        self.title = title
        status = assessment.status
        progress = assessment.progress.map(Self.rounded)
        expected = assessment.expected.map(Self.rounded)
        forecast = assessment.forecast.map(Self.rounded)
        earlyWarning = assessment.earlyWarning
        override = assessment.override?.reason
    }

    /// Shares to four decimals (0.7532 is 75.32%).
    static func rounded(_ value: Decimal) -> Decimal {
        var input = value
        var output = Decimal()
        NSDecimalRound(&output, &input, 4, .plain)
        return output
    }
}
