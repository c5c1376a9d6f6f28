import MinshengCore

/// User management: the accounts, a form to create one, and per-account role, unit, status and password.
struct UsersPage {
    /// What the users page shows.
    struct Model {
        var users: [User]
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
    /// Reads the accounts, units and jurisdictions within the office's `reach`.
    static func load(services: Services, reach: PlanReach, message: String? = nil) async throws -> UsersPage.Model {
        let plans = PlanStore()
        return try await services.database.read { db in
            let units = try await plans.allUnits(on: db)
            let all = try await UserStore().users(within: reach, on: db)
            let jurisdictionIDs = Set(try await plans.plans(within: reach, on: db).map(\.jurisdictionID)).filter(reach.runs)
            let jurisdictions = try await plans.allJurisdictions(on: db).filter { reach.covers(jurisdictionID: $0.id) }
            return UsersPage.Model(
                users: all, units: units.filter { jurisdictionIDs.contains($0.jurisdictionID) },
                jurisdictions: Dictionary(uniqueKeysWithValues: jurisdictions.map { ($0.id, $0) }), choosesJurisdiction: reach.isEverything,
                message: message)
        }
    }
}
