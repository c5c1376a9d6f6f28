import Hummingbird
import Logging

/// Builds the router with every route of Minsheng. Tests drive it with Hummingbird's test client.
func buildRouter(
    database: AppDatabase, configuration: AppConfiguration, notifier: (any ReminderNotifier)? = nil,
    publicCache: PublicPageCache? = nil
) -> Router<AppRequestContext> {
    let cache = publicCache ?? PublicPageCache(clock: configuration.clock)
    return buildSiteRouter(database: database, configuration: configuration, notifier: notifier, publicCache: cache).router
}

/// Builds the router and keeps the table of what was registered (for the tests that walk every route).
func buildSiteRouter(
    database: AppDatabase, configuration: AppConfiguration, notifier: (any ReminderNotifier)?, publicCache: PublicPageCache
) -> SiteRouter {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ClientAddressMiddleware(trustedProxies: configuration.trustedProxies))
    router.add(middleware: LanguageMiddleware(timeZone: configuration.timeZone))
    router.add(middleware: ErrorMiddleware())
    let gates = RequestGates(database: database, clock: configuration.clock)
    router.add(middleware: AuthMiddleware(gates: gates))
    // Again inside: an error a handler or the plan gate throws is shown with the signed-in person's header.
    router.add(middleware: ErrorMiddleware())
    let services = Services(database: database, configuration: configuration, publicCache: publicCache, notifier: notifier)
    let routes = SiteRouter(router: router, gates: gates)
    HealthController(database: database).register(with: routes)
    StaticController().register(with: routes)
    PlanPageController(services: services).register(with: routes)
    APIController(services: services).register(with: routes)
    LoginController(services: services).register(with: routes)
    ImportController(services: services).register(with: routes)
    ReportController(services: services).register(with: routes)
    CycleController(services: services).register(with: routes)
    AdminController(services: services).register(with: routes)
    AssessmentController(services: services).register(with: routes)
    DocumentController(services: services).register(with: routes)
    SupervisionController(services: services).register(with: routes)
    PublicController(services: services).register(with: routes)
    PublicAdminController(services: services).register(with: routes)
    routes.finish()
    return routes
}

/// Builds the application that `minsheng serve` runs.
func buildApplication(
    database: AppDatabase, configuration: AppConfiguration, hostname: String, port: Int, logger: Logger,
    onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
) -> some ApplicationProtocol {
    Application(
        router: buildRouter(
            database: database, configuration: configuration,
            notifier: configuration.webhookURL.map { WebhookNotifier(url: $0, logger: logger) }
        ),
        configuration: .init(address: .hostname(hostname, port: port), serverName: "Minsheng"),
        onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
        logger: logger
    )
}
