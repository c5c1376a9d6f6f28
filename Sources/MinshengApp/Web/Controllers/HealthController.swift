import Hummingbird

/// `GET /healthz`: 200 when the database answers, 503 when it does not.
struct HealthController {
    let database: AppDatabase

    struct Health: Encodable {
        var status: String
        var database: String
    }

    func register(with routes: SiteRouter) {
        routes.on(SiteURL.healthz, method: .get, use: health)
    }

    @Sendable func health(_ request: Request, context: AppRequestContext) async -> JSONBody<Health> {
        do {
            try await database.ping()
            return JSONBody(Health(status: "ok", database: database.engine.rawValue))
        } catch {
            context.logger.warning("Health check failed: \(String(reflecting: error))")
            return JSONBody(Health(status: "unavailable", database: database.engine.rawValue), status: .serviceUnavailable)
        }
    }
}
