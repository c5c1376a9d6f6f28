import Foundation

/// Every use case of Minsheng, built once by the function that builds the router and passed to the controllers'
/// initialisers. Each service takes the actor and the one injected clock, opens the transaction, asks the
/// authorization policy, applies the core's rules and writes the audit entry.
struct Services: Sendable {
    let database: AppDatabase
    let configuration: AppConfiguration
    let plans: PlanQueries
    let reporting: ReportingService
    let assessment: AssessmentService
    let documents: DocumentService
    let supervision: SupervisionService
    let disclosure: PublicService
    let admin: AdminService
    let accounts: AccountService
    let imports: PlanImportService
    let rollup: RollupService
    let signIn: SignInService
    let assessmentSettings: AssessmentSettingsService
    let importDrafts: ImportDraftService
    /// Rendered public pages, forgotten by every change they show.
    let publicCache: PublicPageCache
    let notifier: (any ReminderNotifier)?

    init(database: AppDatabase, configuration: AppConfiguration, publicCache: PublicPageCache, notifier: (any ReminderNotifier)?) {
        self.database = database
        self.configuration = configuration
        self.publicCache = publicCache
        self.notifier = notifier
        plans = PlanQueries(database: database, configuration: configuration)
        reporting = ReportingService(database: database, configuration: configuration, notifier: notifier)
        assessment = AssessmentService(database: database)
        documents = DocumentService(database: database, configuration: configuration)
        supervision = SupervisionService(database: database, configuration: configuration)
        disclosure = PublicService(database: database, configuration: configuration, cache: publicCache)
        admin = AdminService(database: database, clock: configuration.clock)
        accounts = AccountService(database: database, clock: configuration.clock)
        imports = PlanImportService(database: database, clock: configuration.clock)
        rollup = RollupService(database: database, configuration: configuration)
        signIn = SignInService(database: database, clock: configuration.clock)
        assessmentSettings = AssessmentSettingsService(database: database, clock: configuration.clock)
        importDrafts = ImportDraftService(database: database, clock: configuration.clock, imports: imports)
    }

    /// The one clock every use case stamps time with.
    var clock: @Sendable () -> Date { configuration.clock }
}
