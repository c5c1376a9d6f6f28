import Foundation
import MinshengCore

/// What the pages and the API read about plans themselves: which plans a reader reaches, one plan's detail, the month
/// a request without a period is about, the assessment at it and a plan's unit directory.
struct PlanQueries: Sendable {
    let database: AppDatabase
    let configuration: AppConfiguration
    let store = PlanStore()

    /// The plan with this id, or the refusal that there is none.
    func plan(id: Int64) async throws -> Plan {
        try await database.read { db in
            guard let plan = try await store.plan(id: id, on: db) else { throw Refusals.noPlan(id) }
            return plan
        }
    }

    /// Every plan within the reach, with its jurisdiction; a plan whose jurisdiction is missing is left out.
    func plans(within reach: PlanReach) async throws -> [(plan: Plan, jurisdiction: Jurisdiction)] {
        try await database.read { db in
            var found: [(plan: Plan, jurisdiction: Jurisdiction)] = []
            for plan in try await store.plans(within: reach, on: db) {
                guard let jurisdiction = try await store.jurisdiction(id: plan.jurisdictionID, on: db) else { continue }
                found.append((plan, jurisdiction))
            }
            return found
        }
    }

    /// The plan's detail as `render` turns it, computed once per revision of the plan's data and kept under `key`;
    /// nil when there is no such plan.
    func rendered<T: Sendable>(planID: Int64, key: String, render: @Sendable (PlanDetail) throws -> T) async throws -> T? {
        try await database.read { db -> T? in
            let revision = try await PlanRevisionCache.revision(planID: planID, on: db)
            return try await database.rendered.value(planID: planID, revision: revision, key: key) {
                guard let detail = try await store.detail(planID: planID, on: db) else { return nil }
                return try render(detail)
            }
        }
    }

    /// The month a request that names none is about: the plan's current period (its latest closed month). Refused when
    /// there is no such plan.
    func defaultPeriod(planID: Int64) async throws -> Period {
        try await database.read { db in
            guard let plan = try await store.plan(id: planID, on: db) else { throw Refusals.noPlan(planID) }
            return try await PlanScope.defaultPeriod(plan: plan, today: configuration.today, on: db)
        }
    }

    /// Every item's assessment at the period, else at the month a request that names none is about, with the items'
    /// titles by id. Refused when there is no such plan.
    func assessment(planID: Int64, period requested: Period?) async throws -> (period: Period, assessment: PlanAssessment, titles: [Int64: String]) {
        try await database.read { db in
            guard let plan = try await store.plan(id: planID, on: db) else { throw Refusals.noPlan(planID) }
            let period: Period
            if let requested {
                period = requested
            } else {
                period = try await PlanScope.defaultPeriod(plan: plan, today: configuration.today, on: db)
            }
            let assessment = try await AssessmentService(database: database).assess(planID: planID, period: period, on: db)
            let titles = Dictionary(uniqueKeysWithValues: try await store.items(planID: planID, on: db).map { ($0.id, $0.title) })
            return (period, assessment, titles)
        }
    }

    /// The unit directory of a plan's jurisdiction with each group's members: of the requested plan (refused when
    /// there is none), else of the first plan within the reach; empty when the reach holds no plan.
    func units(planID requested: Int64?, reach: PlanReach) async throws -> [(unit: MinshengCore.Unit, memberIDs: [Int64])] {
        try await database.read { db in
            let plan: Plan?
            if let requested {
                plan = try await store.plan(id: requested, on: db)
                if plan == nil { throw Refusals.noPlan(requested) }
            } else {
                plan = try await store.plans(within: reach, on: db).first
            }
            guard let plan else { return [] }
            let members = try await UnitStore().members(jurisdictionID: plan.jurisdictionID, on: db)
            return try await store.units(jurisdictionID: plan.jurisdictionID, on: db).map { ($0, members[$0.id] ?? []) }
        }
    }
}
