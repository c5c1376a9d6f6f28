import Foundation
import MinshengCore
import SQLKit

/// Loads the bundled demo: 《2019年洛阳市重点民生实事工作方案》 for Luoyang, a city of Henan province,
/// read by the same importer as any uploaded plan.
struct DemoLoader: Sendable {
    let plans = PlanStore()
    /// When the demo is loaded, for its audit entries and stored stamps (its reports carry their 2019 dates).
    let clock: @Sendable () -> Date

    init(clock: @escaping @Sendable () -> Date) {
        self.clock = clock
    }

    /// The demo plan as the importer reads it.
    static func draft() throws -> PlanDraft {
        try PlanImporter().read(Data(try DemoPlan.text().utf8), fileName: "luoyang-2019.txt")
    }

    /// Stores the demo plan; run inside a transaction.
    @discardableResult
    func load(on db: any SQLDatabase) async throws -> Plan {
        let draft = try Self.draft()
        let province = try await plans.jurisdiction(named: "河南省", level: .province, on: db)
        let city = try await plans.jurisdiction(named: draft.jurisdiction ?? "洛阳市", level: .city, parentID: province.id, on: db)
        let plan = try await plans.insert(draft, jurisdiction: city, now: clock(), on: db)
        try await AuditLog(clock: clock).record("plan.import", entity: "plan", id: plan.id, after: draft, by: .system, on: db)
        try await DemoStory(clock: clock).addUnits(plan: plan, on: db)
        return plan
    }

    /// Adds the demo's accounts (with the given password hash), its reports from January to September 2019, and a
    /// publication for each quarter with the public's ratings and messages, and supervision: notices, inspections, a
    /// rectification and an accountability case.
    func addStory(plan: Plan, adminID: Int64, passwordHash: String, on db: any SQLDatabase) async throws {
        try await DemoStory(clock: clock).addAccounts(plan: plan, passwordHash: passwordHash, on: db)
        try await DemoStory(clock: clock).addReports(plan: plan, adminID: adminID, on: db)
        try await DemoStory(clock: clock).addPublications(plan: plan, adminID: adminID, on: db)
        try await DemoStory(clock: clock).addSupervision(plan: plan, adminID: adminID, on: db)
    }

    /// The demo accounts, for the person who started Minsheng.
    static var accountSummary: [String] {
        DemoStory.accounts.map { "\($0.username) (\($0.role.rawValue)\($0.unit.map { ", " + $0 } ?? ""))" }
    }
}
