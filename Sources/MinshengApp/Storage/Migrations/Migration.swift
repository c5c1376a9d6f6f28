import SQLKit

/// One ordered, append-only step of the schema. Once shipped, a migration is never edited.
protocol Migration: Sendable {
    /// A unique, ordered name such as `0001_plan_model`.
    var name: String { get }
    func prepare(on database: any SQLDatabase) async throws
}

/// Every migration, in the order they run. Append only.
enum Migrations {
    static let all: [any Migration] = [
        M0001PlanModel(),
        M0002Accounts(),
        M0003SessionsAndImports(),
        M0004Reporting(),
        M0005Assessment(),
        M0006Documents(),
        M0007Disclosure(),
        M0008Supervision(),
        M0009PlanRevisions(),
        M0010UserJurisdictions(),
        M0011AccountPlaces(),
        M0012MonthClosing(),
        M0013ItemShortTitles(),
        M0014ScoreRevisions(),
    ]
}
