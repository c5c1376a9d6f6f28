import Hummingbird

extension PlanScope {
    /// The scope a page's query asks for: `?plan=` and `?period=`, or the newest plan within reach and its default
    /// month (with `working`, the month units are reporting).
    static func resolve(
        _ request: Request, context: AppRequestContext, database: AppDatabase, configuration: AppConfiguration, working: Bool = false
    ) async throws -> PlanScope? {
        let query = request.uri.queryParameters
        return try await resolve(
            planID: query.get("plan").flatMap { Int64(String($0)) },
            periodText: query.get("period").map { String($0) }.flatMap { $0.isEmpty ? nil : $0 }, reach: context.reach,
            language: context.language, database: database, today: configuration.today, working: working)
    }
}
