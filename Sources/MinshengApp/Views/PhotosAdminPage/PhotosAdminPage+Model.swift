import MinshengCore

/// Photos of accepted reports, for the office to approve for publication.
struct PhotosAdminPage {
    /// What the photo approval page shows.
    struct Model {
        var plan: Plan
        var candidates: [PhotoCandidate]
        /// Each item's number and title, by item id.
        var titles: [Int64: String]
        /// Each unit's name, by unit id.
        var units: [Int64: String]
    }
}

extension PhotosAdminPage.Model {
    /// Reads the photos of the plan's accepted reports.
    static func load(services: Services, plan: Plan) async throws -> PhotosAdminPage.Model {
        let plans = PlanStore()
        return try await services.database.read { db in
            let candidates = try await PublicationStore().photoCandidates(planID: plan.id, on: db)
            let titles = Dictionary(uniqueKeysWithValues: try await plans.items(planID: plan.id, on: db).map { ($0.id, "\($0.number). \($0.title)") })
            let units = Dictionary(uniqueKeysWithValues: try await plans.units(jurisdictionID: plan.jurisdictionID, on: db).map { ($0.id, $0.name) })
            return PhotosAdminPage.Model(plan: plan, candidates: candidates, titles: titles, units: units)
        }
    }
}
