import MinshengCore

/// 考核评分: the units ranked, each with its scoring sheet explaining every point.
struct ScoresPage {
    /// The units' scores for a period.
    struct Model {
        var directory: SupervisionDirectory
        var period: Period
        var scores: [UnitScore]
    }
}

extension ScoresPage.Model {
    /// Reads the scores of a plan (the one asked for, else the first within reach) for the period asked for (the
    /// text of `?period=`, a month or the year of the plan), else the month supervision judges.
    static func load(services: Services, principal: Principal, planID: Int64?, period text: String?, language: Language) async throws
        -> ScoresPage.Model
    {
        try await services.database.read { db in
            let directory = try await SupervisionDirectory.load(services: services, principal: principal, planID: planID, language: language, on: db)
            var period = try await services.supervision.month(plan: directory.plan, on: db)
            if let text {
                guard let requested = Period(text), requested.year == directory.plan.year else {
                    throw AppError.invalidInput(PeriodWords(language: language).monthOrYear(directory.plan.year))
                }
                period = requested
            }
            return ScoresPage.Model(
                directory: directory, period: period, scores: try await services.supervision.scores(planID: directory.plan.id, period: period, on: db)
            )
        }
    }
}
