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

    /// The plan with everything in it, encoded once per revision of the plan's data.
    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let body = try await database.read { db -> ByteBuffer? in
            let revision = try await PlanRevisionCache.revision(planID: id, on: db)
            return try await database.rendered.value(planID: id, revision: revision, key: "api plan") {
                guard let detail = try await store.detail(planID: id, on: db) else { return nil }
                return ByteBuffer(bytes: try JSONBody<APIPlan>.encoder.encode(APIPlan(detail)))
            }
        }
        guard let body else { throw Refusals.noPlan(id) }
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
    }
}
