import Hummingbird
import MinshengCore

/// The plan pages: `/` shows the newest plan, `/plans/{id}` any plan.
struct PlanPageController {
    let database: AppDatabase
    let store: PlanStore

    func register(with routes: SiteRouter) {
        routes.on(SiteURL.home, method: .get, use: home)
        routes.on(SiteURL.plan(.key), method: .get, use: show)
    }

    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let page = try await database.read { db -> String? in
            let plans = try await store.plans(within: context.reach, on: db)
            guard let newest = plans.first, let detail = try await store.detail(planID: newest.id, on: db) else { return nil }
            return PlanPage.View(model: .init(detail: detail, allPlans: plans), page: PageContext(context, path: SiteURL.home.path)).render()
        }
        return HTMLPage(html: page ?? EmptyPage(page: PageContext(context, path: SiteURL.home.path)).render())
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let id = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let path = SiteURL.plan(.value(id)).path
        let page = try await database.read { db -> String? in
            guard let detail = try await store.detail(planID: id, on: db) else { return nil }
            let plans = try await store.plans(within: context.reach, on: db)
            return PlanPage.View(model: .init(detail: detail, allPlans: plans), page: PageContext(context, path: path)).render()
        }
        guard let page else { throw AppError.notFound(RequestWords(language: context.language).noPlan(id)) }
        return HTMLPage(html: page)
    }
}

/// `GET /static/minsheng.css`.
struct StaticController {
    func register(with routes: SiteRouter) {
        routes.on(SiteURL.stylesheet, method: .get) { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css))
            )
        }
    }
}
