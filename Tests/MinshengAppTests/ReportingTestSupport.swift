import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// A database with the demo plan, its group members and accounts for each role, at a fixed date.
struct ReportingFixture {
    let database: AppDatabase
    let configuration: AppConfiguration
    let plan: Plan
    /// Item 29 (尾矿库): lead 市应急管理局, responsible 栾川县、嵩县、汝阳县政府.
    let item: Item
    let indicators: [Indicator]
    let leadUnit: MinshengCore.Unit
    let responsibleUnit: MinshengCore.Unit
    let foreignUnit: MinshengCore.Unit
    let users: [String: User]
    static let password = "correct horse battery"
    static let september = Period.month(year: 2019, month: 9)

    /// 2019-09-20: before September's due day.
    static let beforeDue = ISO8601DateFormatter().date(from: "2019-09-20T02:00:00Z")!
    /// 2019-10-10: after it.
    static let afterDue = ISO8601DateFormatter().date(from: "2019-10-10T02:00:00Z")!

    static func make(_ database: AppDatabase, now: Date = beforeDue) async throws -> ReportingFixture {
        let plan = try await database.write { try await DemoLoader(clock: TestDatabase.clock).load(on: $0) }
        let store = PlanStore()
        let detail = try #require(try await database.read { try await store.detail(planID: plan.id, on: $0) })
        let item = try #require(detail.items.first { $0.number == 29 })
        let units = Dictionary(uniqueKeysWithValues: detail.units.map { ($0.name, $0) })
        let lead = try #require(units["市应急管理局"])
        let responsible = try #require(units["栾川县政府"])
        let foreign = try #require(units["市教育局"])
        var users: [String: User] = [:]
        let hash = FixturePasswords.hash(password)
        for (name, role, unit) in [
            ("admin", Role.admin, nil), ("leader", .leader, nil), ("inspector", .inspector, nil),
            ("lead", .reporter, lead.id), ("county", .reporter, responsible.id), ("foreign", .reporter, foreign.id),
        ] as [(String, Role, Int64?)] {
            users[name] = try await database.write {
                try await UserStore().insert(username: name, passwordHash: hash, role: role, unitID: unit, now: Date(), on: $0)
            }
        }
        let configuration = AppConfiguration(
            dataDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("minsheng-test-data-\(UUID().uuidString)").path,
            clock: { now }
        )
        return ReportingFixture(
            database: database, configuration: configuration, plan: plan, item: item,
            indicators: detail.indicators.filter { $0.itemID == item.id }, leadUnit: lead, responsibleUnit: responsible,
            foreignUnit: foreign, users: users
        )
    }

    var service: ReportingService { ReportingService(database: database, configuration: configuration) }

    func user(_ name: String) -> User { users[name]! }

    func actor(_ name: String) -> AuditActor { AuditActor(user: user(name), address: "127.0.0.1") }

    var topIndicator: Indicator { indicators.first { $0.parentID == nil }! }

    func draft(_ value: Decimal, progress: String = "进展顺利") -> ReportingService.Draft {
        ReportingService.Draft(
            values: [ReportValue(indicatorID: topIndicator.id, value: value)], progress: progress, problems: "无", nextSteps: "继续推进")
    }

    /// Saves the lead unit's report as `lead`.
    @discardableResult
    func saveLead(_ value: Decimal, submit: Bool = false, lock: Int? = nil, key: String? = nil) async throws -> Report {
        try await service.save(
            planID: plan.id, itemID: item.id, unitID: leadUnit.id, period: Self.september, draft: draft(value),
            expectedLock: lock, submit: submit, by: actor("lead"), user: user("lead"), idempotencyKey: key)
    }

    func auditCount() async throws -> Int {
        try await database.read { try await AuditLog.count(on: $0) }
    }

    var reportPath: String {
        SiteURL.report(planID: plan.id, period: Self.september, itemID: item.id, unitID: leadUnit.id).path
    }

    func app(notifier: (any ReminderNotifier)? = nil) -> some ApplicationProtocol {
        Application(router: buildRouter(database: database, configuration: configuration, notifier: notifier))
    }
}
