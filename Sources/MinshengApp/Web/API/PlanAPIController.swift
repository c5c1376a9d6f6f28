import Foundation
import Hummingbird
import MinshengCore

/// The plan part of the JSON API: `GET /api/v1/plans` and `GET /api/v1/plans/{id}`, registered by ``APIController``.
struct PlanAPIController {
    let database: AppDatabase
    let store: PlanStore

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[APIPlanSummary]> {
        let summaries = try await database.read { db in
            let plans = try await store.plans(within: context.reach, on: db)
            var summaries: [APIPlanSummary] = []
            for plan in plans {
                guard let jurisdiction = try await store.jurisdiction(id: plan.jurisdictionID, on: db) else { continue }
                summaries.append(APIPlanSummary(plan: plan, jurisdiction: jurisdiction))
            }
            return summaries
        }
        return JSONBody(summaries)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> JSONBody<APIPlan> {
        let id = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        guard let detail = try await database.read({ db in try await store.detail(planID: id, on: db) }) else {
            throw AppError.notFound("No plan has id \(id).")
        }
        return JSONBody(APIPlan(detail))
    }
}
