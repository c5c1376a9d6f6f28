import MinshengCore

/// 汇总视图: the plans below a level side by side, each jurisdiction summing its whole subtree, with links to drill
/// down to the jurisdictions below and to any plan's overview and items.
struct RollupPage {
    /// What the rollup shows: the jurisdictions below a level and their plans at a month.
    struct Model {
        var rollup: RollupService.Rollup
    }
}

extension RollupPage.Model {
    /// The rollup below the jurisdiction (or the reach's top) at the month (or the default one), computed once for
    /// every request that asks for it at the same time.
    static func load(services: Services, reach: PlanReach, rootID: Int64?, period: Period?) async throws -> RollupPage.Model {
        let service = services.rollup
        // Accounts of one jurisdiction (other than reporters, who have no rollup) share a reach.
        let key = "rollup \(String(describing: rootID)) \(String(describing: period)) \(String(describing: reach.jurisdictionID))"
        let rollup = try await services.database.flights.run(key) {
            try await service.rollup(rootID: rootID, period: period, reach: reach)
        }
        return RollupPage.Model(rollup: rollup)
    }
}
