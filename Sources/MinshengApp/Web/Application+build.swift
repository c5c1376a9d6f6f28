import Hummingbird
import Logging

/// Builds the router with every route of Minsheng. Tests drive it with Hummingbird's test client.
public func buildRouter(
    database: AppDatabase, configuration: AppConfiguration, notifier: (any ReminderNotifier)? = nil,
    publicCache: PublicPageCache = PublicPageCache()
) -> Router<AppRequestContext> {
    let router = Router(context: AppRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ClientAddressMiddleware(trustedProxies: configuration.trustedProxies))
    router.add(middleware: LanguageMiddleware())
    router.add(middleware: ErrorMiddleware())
    router.add(middleware: AuthMiddleware(database: database, clock: configuration.clock))
    let plans = PlanStore()
    HealthController(database: database).register(with: router)
    StaticController().register(with: router)
    PlanPageController(database: database, store: plans).register(with: router)
    APIController(database: database, configuration: configuration, notifier: notifier).register(with: router)
    LoginController(database: database, clock: configuration.clock).register(with: router)
    ImportController(database: database).register(with: router)
    ReportController(database: database, configuration: configuration).register(with: router)
    CycleController(database: database, configuration: configuration, notifier: notifier).register(with: router)
    AdminController(database: database, configuration: configuration).register(with: router)
    AssessmentController(database: database, configuration: configuration).register(with: router)
    DocumentController(database: database, configuration: configuration).register(with: router)
    SupervisionController(database: database, configuration: configuration).register(with: router)
    PublicController(database: database, configuration: configuration, cache: publicCache).register(with: router)
    PublicAdminController(database: database, configuration: configuration, cache: publicCache).register(with: router)
    return router
}

/// Builds the application that `minsheng serve` runs.
public func buildApplication(
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
