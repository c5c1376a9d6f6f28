import MinshengCore

/// The office's publishing page: what a publication of a period would show, the form that publishes it, and the
/// publications so far with their hashes.
struct PublicationsAdminPage {
    /// What the publishing page shows.
    struct Model {
        var plan: Plan
        var period: Period
        /// What publishing `period` now would publish.
        var preview: PublicSnapshot
        var publications: [Publication]
        var pendingMessages: Int
        var message: String?
        var error: String?
    }
}

extension PublicationsAdminPage.Model {
    /// Reads the plan's publications and previews the next one, of the period `periodText` names or else the default period.
    static func load(
        services: Services, plan: Plan, periodText: String?, language: Language, message: String? = nil, error: String? = nil
    ) async throws -> PublicationsAdminPage.Model {
        let store = PublicationStore()
        let configuration = services.configuration
        return try await services.database.read { db in
            let published = try await store.publications(planID: plan.id, on: db)
            var period = try await PlanScope.defaultPeriod(plan: plan, today: configuration.today, on: db)
            if let periodText {
                guard let requested = Period(periodText), requested.year == plan.year else {
                    throw AppError.invalidInput(PeriodWords(language: language).month(plan.year))
                }
                period = requested
            }
            let preview = try await PublicService.snapshot(
                planID: plan.id, period: period, sequence: (published.last?.sequence ?? 0) + 1,
                previousHash: published.last?.hash ?? PublicSnapshot.genesisHash,
                publishedOn: configuration.today, objectionsUntil: nil, on: db
            )
            let pending = try await store.messages(publicationIDs: published.map(\.id), states: [.pending], on: db).count
            return PublicationsAdminPage.Model(
                plan: plan, period: period, preview: preview, publications: published, pendingMessages: pending, message: message, error: error)
        }
    }
}
