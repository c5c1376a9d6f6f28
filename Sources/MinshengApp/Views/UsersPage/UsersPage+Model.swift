import MinshengCore

/// User management: the accounts, a form to create one, and per-account role, unit, status and password.
struct UsersPage {
    /// What the users page shows.
    struct Model {
        /// The page of accounts shown (at most 50), of those whose name or unit contains the search.
        var users: [User]
        var search: String
        var page: Int
        var pages: Int
        var total: Int
        /// The units an account may be given: those of the jurisdictions the office runs.
        var units: [MinshengCore.Unit]
        /// Every jurisdiction, by id, to name where each account serves.
        var jurisdictions: [Int64: Jurisdiction]
        /// Whether the office serves the whole instance and so may give new accounts any jurisdiction.
        var choosesJurisdiction: Bool
        var message: String?
    }
}

extension UsersPage.Model {
    static let pageSize = 50

    /// Reads the accounts, units and jurisdictions within the office's `reach`: the page asked for of the accounts whose
    /// username or unit contains `search`.
    static func load(
        services: Services, reach: PlanReach, search: String = "", page: Int = 1, message: String? = nil
    ) async throws -> UsersPage.Model {
        let plans = PlanStore()
        return try await services.database.read { db in
            let units = try await plans.allUnits(on: db)
            let all = try await UserStore().users(within: reach, on: db)
            let jurisdictionIDs = Set(try await plans.plans(within: reach, on: db).map(\.jurisdictionID)).filter(reach.runs)
            let jurisdictions = try await plans.allJurisdictions(on: db).filter { reach.covers(jurisdictionID: $0.id) }
            let unitNames = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0.name) })
            let found =
                search.isEmpty
                ? all : all.filter { $0.username.contains(search) || ($0.unitID.flatMap { unitNames[$0] }?.contains(search) ?? false) }
            let pages = max(1, (found.count + pageSize - 1) / pageSize)
            let shown = min(max(1, page), pages)
            return UsersPage.Model(
                users: Array(found.dropFirst((shown - 1) * pageSize).prefix(pageSize)), search: search, page: shown, pages: pages,
                total: found.count, units: units.filter { jurisdictionIDs.contains($0.jurisdictionID) },
                jurisdictions: Dictionary(uniqueKeysWithValues: jurisdictions.map { ($0.id, $0) }), choosesJurisdiction: reach.isEverything,
                message: message)
        }
    }
}
