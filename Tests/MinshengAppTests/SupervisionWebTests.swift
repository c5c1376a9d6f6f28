import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// What the supervision suites share: the demo's password, a day in the plan's year, the app and the service on it,
/// and finding items, units and a response's text.
protocol SupervisionWebTesting {}

extension SupervisionWebTesting {
    static var password: String { DisclosureWebTests.password }
    static func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }
    /// During the plan's year, so that "today" decides deadlines and escalations.
    static var october12: Date { date("2019-10-12T02:00:00Z") }

    static func app(_ database: AppDatabase, now: Date = october12) -> some ApplicationProtocol {
        Application(router: buildRouter(database: database, configuration: TestDatabase.configuration(now: now)))
    }

    static func service(_ database: AppDatabase, now: Date = october12) -> SupervisionService {
        SupervisionService(database: database, configuration: TestDatabase.configuration(now: now))
    }

    static func item(_ number: Int, plan: Plan, _ database: AppDatabase) async throws -> Item {
        try #require(try await database.read { try await PlanStore().items(planID: plan.id, on: $0) }.first { $0.number == number })
    }

    static func unit(_ name: String, plan: Plan, _ database: AppDatabase) async throws -> Int64 {
        try #require(try await database.read { try await PlanStore().units(jurisdictionID: plan.jurisdictionID, on: $0) }.first { $0.name == name })
            .id
    }

    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }
}

/// Supervision on the demo: its story, and the office's settings and scoring scheme. The other facets have suites of
/// their own: notices (`SupervisionNoticeWebTests`), inspections and rectifications (`SupervisionInspectionWebTests`),
/// accountability, scores and documents (`SupervisionAccountabilityWebTests`) and the API (`SupervisionAPIWebTests`).
@Suite struct SupervisionWebTests: SupervisionWebTesting {
    @Test(arguments: TestEngine.available)
    func theDemoCarriesTheSupervisionStory(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await DisclosureWebTests.demo(database)
            let store = SupervisionStore()
            let service = Self.service(database, now: Date())
            let (notices, inspections, rectifications, cases, proposals, settings) = try await database.read { db in
                (
                    try await store.notices(planID: plan.id, on: db), try await store.inspections(planID: plan.id, on: db),
                    try await store.rectifications(planID: plan.id, on: db), try await store.cases(planID: plan.id, on: db),
                    try await service.caseProposals(planID: plan.id, on: db), try await store.settings(planID: plan.id, on: db)
                )
            }
            let numbers = Dictionary(
                uniqueKeysWithValues: try await database.read { try await PlanStore().items(planID: plan.id, on: $0) }.map { ($0.id, $0.number) })
            #expect(Set(notices.map { numbers[$0.itemID] ?? 0 }) == [19, 31, 35, 36, 40])
            // The demo is judged as of the end of September 2019: the unanswered red notice is overdue.
            let day = try #require(CalendarDate(year: 2019, month: 9, day: 30))
            let lapsed = notices.filter { $0.standing(today: day, rules: settings.notices).redOverdue }
            #expect(lapsed.map { numbers[$0.itemID] ?? 0 } == [40])
            #expect(inspections.filter { $0.state == .done }.count == 3)
            #expect(inspections.filter { $0.state == .planned }.map { numbers[$0.itemID ?? 0] ?? 0 } == [36])
            let flagged = inspections.filter { $0.values.contains { settings.discrepancy.isDiscrepancy($0) } }
            #expect(flagged.map { numbers[$0.itemID ?? 0] ?? 0 } == [35])
            #expect(rectifications.map(\.state) == [.closed])
            #expect(cases.count == 1)
            #expect(cases.first?.decision == .interview)
            #expect(cases.first?.rule == .redNoticeUnanswered)
            // The rules still propose what the office has not acted on, and not what it has.
            let proposed = Set(proposals.map { "\(numbers[$0.itemID ?? 0] ?? 0)-\($0.rule.rawValue)" })
            #expect(
                proposed.isSuperset(of: ["19-seriouslyBehind", "35-seriouslyBehind", "36-seriouslyBehind", "40-seriouslyBehind", "35-discrepancy"]))
            #expect(!proposed.contains("40-redNoticeUnanswered"))
        }
    }

    @Test(arguments: TestEngine.available)
    func theOfficeSetsTheRulesAndTheScheme(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await DisclosureWebTests.demo(database)
            try await Self.app(database).test(.router) { client in
                var admin = WebSession(client: client)
                let token = try #require(try await admin.login("admin", Self.password))
                let page = Self.text(try await admin.get("/admin/supervision"))
                #expect(page.contains("value=\"10\""), "the discrepancy tolerance, 10%")
                var fields: [(String, String)] = [
                    ("_csrf", token), ("plan", String(plan.id)), ("nearDays", "15"), ("blueResponseDays", "10"), ("yellowResponseDays", "7"),
                    ("redResponseDays", "3"), ("tolerance", "25"), ("consecutiveMonths", "3"), ("completion", "40"), ("progress", "25"),
                    ("reporting", "20"), ("satisfaction", "20"), ("perDiscrepancy", "3"), ("perOverdueRectification", "2"),
                    ("perRedNotice", "1"), ("findingsCap", "10"), ("rule", "seriouslyBehind"), ("rule", "discrepancy"),
                ]
                fields += AccountabilityDecision.allCases.map { ("decision.\($0.rawValue)", "1") }
                let wrong = try await admin.post("/admin/supervision", form: fields)
                #expect(wrong.status == .badRequest)
                #expect(Self.text(wrong).contains("四项分值之和应为100，现为105"))
                #expect(Self.text(wrong).contains("value=\"25\""), "the refused form keeps the typed tolerance")
                let outOfRange = fields.map { $0.0 == "redResponseDays" ? ("redResponseDays", "0") : $0 }
                let refused = try await admin.post("/admin/supervision", form: outOfRange)
                #expect(refused.status == .badRequest)
                #expect(Self.text(refused).contains("应为1到365之间的整数"))
                fields = fields.map { $0.0 == "satisfaction" ? ("satisfaction", "15") : $0 }
                let saved = try await admin.post("/admin/supervision", form: fields)
                #expect(saved.status == .ok)
                #expect(Self.text(saved).contains("已保存"))
                let settings = try await database.read { try await SupervisionStore().settings(planID: plan.id, on: $0) }
                #expect(settings.discrepancy.tolerance == Decimal(string: "0.25"))
                #expect(settings.accountability.rules == [.seriouslyBehind, .discrepancy])
                #expect(settings.accountability.consecutiveMonths == 3)
                // With a 25% tolerance the bridges' 22% shortfall is no longer a discrepancy.
                #expect(!Self.text(try await admin.get("/inspections")).contains("核查不符"))
                var leader = WebSession(client: client)
                _ = try #require(try await leader.login("leader", Self.password))
                #expect(try await leader.get("/admin/supervision").status == .forbidden)
                #expect(Self.text(try await leader.get("/scores")).contains("计算过程"))
            }
        }
    }
}
