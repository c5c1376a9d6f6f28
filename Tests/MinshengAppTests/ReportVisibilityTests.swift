import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// Finding 2: the item page showed a responsible unit the lead unit's never-submitted draft and every other unit's
/// part. One rule (``ReportPolicy``) now decides what each reader sees, on every page, API answer and document.
@Suite struct ReportVisibilityTests {
    static let leadDraft = "LEAD-DRAFT-NARRATIVE"
    static let leadProblem = "LEAD-PROBLEM-NARRATIVE"
    static let otherPart = "OTHER-PART-NARRATIVE"
    static let countyDraft = "COUNTY-DRAFT-NARRATIVE"

    /// The lead unit's draft, a second responsible unit's submitted part and the first responsible unit's own draft.
    static func story(_ f: ReportingFixture) async throws -> Report {
        let other = try await f.database.read { db in
            try #require(try await PlanStore().units(jurisdictionID: f.plan.jurisdictionID, on: db).first { $0.name == "嵩县政府" })
        }
        let hash = FixturePasswords.hash(ReportingFixture.password)
        let songxian = try await f.database.write {
            try await UserStore().insert(username: "songxian", passwordHash: hash, role: .reporter, unitID: other.id, now: Date(), on: $0)
        }
        let lead = try await f.service.save(
            planID: f.plan.id, itemID: f.item.id, unitID: f.leadUnit.id, period: ReportingFixture.september,
            draft: .init(
                values: [ReportValue(indicatorID: f.topIndicator.id, value: 1)], progress: leadDraft, problems: leadProblem, nextSteps: "下步"),
            expectedLock: nil, submit: false, by: f.actor("lead"), user: f.user("lead")
        )
        _ = try await f.service.save(
            planID: f.plan.id, itemID: f.item.id, unitID: other.id, period: ReportingFixture.september,
            draft: .init(values: [], progress: otherPart, problems: "", nextSteps: ""), expectedLock: nil, submit: true,
            by: AuditActor(user: songxian, address: nil), user: songxian
        )
        _ = try await f.service.save(
            planID: f.plan.id, itemID: f.item.id, unitID: f.responsibleUnit.id, period: ReportingFixture.september,
            draft: .init(values: [], progress: countyDraft, problems: "", nextSteps: ""), expectedLock: nil, submit: false,
            by: f.actor("county"), user: f.user("county")
        )
        return lead
    }

    @Test(arguments: TestEngine.available)
    func eachReaderSeesOnlyWhatTheRuleAllowsOnEverySurface(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let lead = try await Self.story(f)
            // Who sees which narrative: the owner its own draft, the lead unit the submitted parts, leaders no draft.
            let expected: [String: Set<String>] = [
                "admin": [Self.leadDraft, Self.otherPart, Self.countyDraft],
                "leader": [Self.otherPart], "inspector": [Self.otherPart],
                "lead": [Self.leadDraft, Self.otherPart],
                "county": [Self.countyDraft],
            ]
            let all: Set<String> = [Self.leadDraft, Self.otherPart, Self.countyDraft]
            try await f.app().test(.router) { client in
                for (name, visible) in expected {
                    var web = WebSession(client: client)
                    _ = try #require(try await web.login(name, ReportingFixture.password))
                    let token = try await AccountSecurityTests.token(for: name, on: database)
                    let item = String(buffer: try await web.get("/plans/\(f.plan.id)/items/\(f.item.number)?period=2019-09").body)
                    let api = String(
                        buffer: try await client.execute(
                            uri: "/api/v1/plans/\(f.plan.id)/reports?period=2019-09", method: .get, headers: AccountSecurityTests.headers(token)
                        ).body)
                    for text in all {
                        #expect(item.contains(text) == visible.contains(text), "\(name) on the item page: \(text)")
                        #expect(api.contains(text) == visible.contains(text), "\(name) in the API list: \(text)")
                    }
                    // The month's tasks carry only what the reader may see of each report.
                    let tasks = String(
                        buffer: try await client.execute(
                            uri: "/api/v1/plans/\(f.plan.id)/tasks?period=2019-09", method: .get, headers: AccountSecurityTests.headers(token)
                        ).body)
                    for text in [Self.leadDraft, Self.countyDraft] where !visible.contains(text) {
                        #expect(!tasks.contains(text), "\(name) in the task list: \(text)")
                    }
                    let taskPage = String(buffer: try await web.get("/tasks?plan=\(f.plan.id)&period=2019-09").body)
                    for text in [Self.leadDraft, Self.countyDraft] where !visible.contains(text) {
                        #expect(!taskPage.contains(text), "\(name) on the tasks page: \(text)")
                    }
                    // The lead unit's report itself: the page and the API answer by the same rule.
                    let page = try await web.get(f.reportPath)
                    #expect(String(buffer: page.body).contains(Self.leadDraft) == visible.contains(Self.leadDraft), "\(name) on the report page")
                    let one = try await client.execute(uri: "/api/v1/reports/\(lead.id)", method: .get, headers: AccountSecurityTests.headers(token))
                    #expect((one.status == .ok) == visible.contains(Self.leadDraft), "\(name) GET the lead's draft: \(one.status)")
                }
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func documentsQuoteOnlyAcceptedReports(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database, now: ReportingFixture.afterDue)
            let lead = try await Self.story(f)
            let service = DocumentService(database: database, configuration: f.configuration)
            func text() async throws -> String {
                let document = try await database.read {
                    try await service.draft(kind: .monthly, planID: f.plan.id, period: ReportingFixture.september, on: $0)
                }
                return document.sections.flatMap(\.paragraphs).joined(separator: "\n")
            }
            #expect(!(try await text()).contains(Self.leadProblem), "a draft's problems reached the circular")
            let submitted = try await f.service.act(
                .submit, reportID: lead.id, expectedLock: lead.lockVersion, reason: nil, by: f.actor("lead"), user: f.user("lead"))
            #expect(!(try await text()).contains(Self.leadProblem), "a report not yet accepted reached the circular")
            _ = try await f.service.act(
                .accept, reportID: submitted.id, expectedLock: submitted.lockVersion, reason: nil, by: f.actor("admin"), user: f.user("admin"))
            #expect(try await text().contains(Self.leadProblem), "the accepted report's problems are quoted")
        }
    }

    @Test func theRuleByReaderAndState() {
        let plan: Int64 = 1
        func report(_ unit: Int64, _ role: Assignment.Role, _ state: ReportState) -> Report {
            Report(id: 1, planID: plan, itemID: 7, unitID: unit, period: .month(year: 2019, month: 9), role: role, state: state)
        }
        func reader(_ role: Role, unit: Int64? = nil, leads: Set<Int64> = [], reach: PlanReach = .everything) -> ReportReader {
            ReportReader(principal: Principal(userID: 1, role: role, unitID: unit, reach: reach), ledItemIDs: leads)
        }
        #expect(ReportPolicy.canRead(report(5, .lead, .draft), by: reader(.admin)))
        #expect(!ReportPolicy.canRead(report(5, .lead, .draft), by: reader(.leader)))
        #expect(ReportPolicy.canRead(report(5, .lead, .returned), by: reader(.inspector)))
        #expect(ReportPolicy.canRead(report(5, .lead, .draft), by: reader(.reporter, unit: 5)))
        #expect(!ReportPolicy.canRead(report(5, .lead, .submitted), by: reader(.reporter, unit: 6)))
        #expect(!ReportPolicy.canRead(report(6, .responsible, .draft), by: reader(.reporter, unit: 5, leads: [7])))
        #expect(ReportPolicy.canRead(report(6, .responsible, .submitted), by: reader(.reporter, unit: 5, leads: [7])))
        #expect(!ReportPolicy.canRead(report(6, .responsible, .submitted), by: reader(.reporter, unit: 5, leads: [8])))
        let elsewhere = PlanReach(jurisdictionID: 3, jurisdictions: [3], readablePlans: [2], managedPlans: [2])
        #expect(!ReportPolicy.canRead(report(5, .lead, .accepted), by: reader(.admin, reach: elsewhere)))
        #expect(ReportPolicy.isPublishable(report(5, .lead, .accepted)) && !ReportPolicy.isPublishable(report(5, .lead, .submitted)))
        let versions = [
            Report(id: 1, planID: plan, itemID: 7, unitID: 5, period: .month(year: 2019, month: 9), version: 1, role: .lead, state: .accepted),
            Report(id: 2, planID: plan, itemID: 7, unitID: 5, period: .month(year: 2019, month: 9), version: 2, role: .lead, state: .draft),
        ]
        #expect(ReportPolicy.newestVisible(versions) { $0.state != .draft }.map(\.id) == [1])
    }
}
