import Foundation
import Hummingbird
import MinshengCore

/// The plan part of the JSON API: `GET /api/v1/plans` and `GET /api/v1/plans/{id}`, registered by ``APIController``.
struct PlanAPIController {
    let queries: PlanQueries

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> JSONBody<[APIPlanSummary]> {
        let plans = try await queries.plans(within: context.reach)
        return JSONBody(plans.map { APIPlanSummary(plan: $0.plan, jurisdiction: $0.jurisdiction) })
    }

    /// The plan with everything in it and its current period, encoded once per revision of the plan's data and
    /// current period.
    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let current = try await queries.defaultPeriod(planID: id)
        let body = try await queries.rendered(planID: id, key: "api plan \(current)") { detail in
            ByteBuffer(bytes: try JSONBody<APIPlan>.encoder.encode(APIPlan(detail, currentPeriod: current)))
        }
        guard let body else { throw Refusals.noPlan(id) }
        return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
    }
}
