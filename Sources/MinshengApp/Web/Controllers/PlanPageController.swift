import Hummingbird
import MinshengCore

/// The plan pages: `/` is a signed-in person's workbench (and shows the newest plan to others), `/plans/{id}` any
/// plan.
struct PlanPageController {
    let services: Services
    var database: AppDatabase { services.database }

    func register(with routes: SiteRouter) {
        routes.on(SiteURL.home, method: .get, use: home)
        routes.on(SiteURL.plan(.key), method: .get, use: show)
    }

    @Sendable func home(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let page = PageContext(context, path: SiteURL.home.path)
        if let user = context.user, context.session != nil {
            guard let model = try await WorkbenchPage.Model.load(services: services, user: user, principal: try context.requirePrincipal()) else {
                return HTMLPage(html: EmptyPage.View(page: page).render())
            }
            return HTMLPage(html: WorkbenchPage.View(model: model, page: page).render())
        }
        guard let model = try await PlanPage.Model.loadNewest(reach: context.reach, database: database) else {
            return HTMLPage(html: EmptyPage.View(page: page).render())
        }
        return HTMLPage(html: PlanPage.View(model: model, page: page).render())
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTMLPage {
        let id = try context.parameters.require(SiteURL.Key.planID, as: Int64.self)
        let model = try await PlanPage.Model.load(planID: id, reach: context.reach, language: context.language, database: database)
        return HTMLPage(html: PlanPage.View(model: model, page: PageContext(context, path: SiteURL.plan(.value(id)).path)).render())
    }
}

/// `GET /static/minsheng.css` and `GET /static/minsheng.js`.
struct StaticController {
    func register(with routes: SiteRouter) {
        routes.on(SiteURL.appScript, method: .get) { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: AppScript.source))
            )
        }
        routes.on(SiteURL.stylesheet, method: .get) { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: Stylesheet.css))
            )
        }
    }
}
