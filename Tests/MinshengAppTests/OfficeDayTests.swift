import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import Testing

@testable import MinshengApp

/// The office's day at the service level: months close and stay current, blank reports cannot be submitted, a
/// return reaches the unit, and submitted reports are accepted together or not at all.
@Suite struct OfficeDayTests {
    static let october = Period.month(year: 2019, month: 10)

    static func services(_ f: ReportingFixture) -> Services {
        Services(database: f.database, configuration: f.configuration, publicCache: PublicPageCache(clock: f.configuration.clock), notifier: nil)
    }

    /// On 20 September 2019 months up to August have closed themselves (due day 25, ten days later); the office closes
    /// September, an early October report changes nothing, and opening September again goes back to August.
    @Test(arguments: TestEngine.available)
    func theCurrentPeriodIsTheLatestClosedMonth(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let services = Self.services(f)
            let today = f.configuration.today
            #expect(try await services.plans.defaultPeriod(planID: f.plan.id) == .month(year: 2019, month: 8))
            await #expect(throws: AppError.self) {
                _ = try await services.admin.closeMonth(planID: f.plan.id, month: 11, today: today, by: f.actor("admin"))
            }
            let closed = try await services.admin.closeMonth(planID: f.plan.id, month: 9, today: today, by: f.actor("admin"))
            #expect(closed.currentPeriod == ReportingFixture.september)
            #expect(closed.lastToReopen == 9)
            _ = try await f.service.save(
                planID: f.plan.id, itemID: f.item.id, unitID: f.leadUnit.id, period: Self.october, draft: f.draft(30), expectedLock: nil,
                submit: true, by: f.actor("lead"), user: f.user("lead"))
            #expect(try await services.plans.defaultPeriod(planID: f.plan.id) == ReportingFixture.september)
            #expect(try await services.plans.assessment(planID: f.plan.id, period: nil).period == ReportingFixture.september)
            let reopened = try await services.admin.reopenMonth(planID: f.plan.id, month: 9, today: today, by: f.actor("admin"))
            #expect(reopened.currentPeriod == .month(year: 2019, month: 8))
            let never = try await services.admin.setAutoClose(planID: f.plan.id, days: nil, today: today, by: f.actor("admin"))
            #expect(never.currentPeriod == .month(year: 2019, month: 1))
            await #expect(throws: AppError.self) {
                _ = try await services.admin.setAutoClose(planID: f.plan.id, days: 99, today: today, by: f.actor("admin"))
            }
        }
    }

    /// A report with no value and no progress text is refused at submission, with its code; as a draft it is kept, and
    /// saying in 进展情况 that nothing happened (with the reason) is enough to submit.
    @Test(arguments: TestEngine.available)
    func aBlankReportCannotBeSubmitted(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let blank = ReportingService.Draft(values: [], progress: " ", problems: "", nextSteps: "")
            do {
                _ = try await f.service.save(
                    planID: f.plan.id, itemID: f.item.id, unitID: f.leadUnit.id, period: ReportingFixture.september, draft: blank, expectedLock: nil,
                    submit: true, by: f.actor("lead"), user: f.user("lead"))
                Issue.record("a blank report was submitted")
            } catch let error as AppError {
                #expect(error.code == "report.submit.blank")
                #expect(error.message(in: .zh).contains("进展情况"))
                #expect(error.message(in: .en).contains("Progress"))
            }
            #expect(try await database.read { try await ReportStore().latest(planID: f.plan.id, period: ReportingFixture.september, on: $0) }.isEmpty)
            let draft = try await f.service.save(
                planID: f.plan.id, itemID: f.item.id, unitID: f.leadUnit.id, period: ReportingFixture.september, draft: blank, expectedLock: nil,
                submit: false, by: f.actor("lead"), user: f.user("lead"))
            #expect(draft.state == .draft)
            await #expect(throws: AppError.self) {
                _ = try await f.service.act(
                    .submit, reportID: draft.id, expectedLock: draft.lockVersion, reason: nil, by: f.actor("lead"), user: f.user("lead"))
            }
            let explained = ReportingService.Draft(values: [], progress: "本月无进展：设备尚未到货。", problems: "", nextSteps: "")
            let submitted = try await f.service.save(
                planID: f.plan.id, itemID: f.item.id, unitID: f.leadUnit.id, period: ReportingFixture.september, draft: explained,
                expectedLock: draft.lockVersion, submit: true, by: f.actor("lead"), user: f.user("lead"))
            #expect(submitted.state == .submitted)
        }
    }

    /// Two submitted reports accepted together; a batch with a stale version accepts none of them.
    @Test(arguments: TestEngine.available)
    func selectedReportsAreAcceptedTogetherOrNotAtAll(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let lead = try await f.saveLead(20, submit: true)
            let part = try await f.service.save(
                planID: f.plan.id, itemID: f.item.id, unitID: f.responsibleUnit.id, period: ReportingFixture.september, draft: f.draft(3),
                expectedLock: nil, submit: true, by: f.actor("county"), user: f.user("county"))
            await #expect(throws: (any Error).self) {
                _ = try await f.service.acceptAll(
                    [(lead.id, lead.lockVersion), (part.id, part.lockVersion - 1)], by: f.actor("admin"), user: f.user("admin"))
            }
            #expect(try await database.read { try await ReportStore().report(id: lead.id, on: $0) }?.state == .submitted)
            let accepted = try await f.service.acceptAll(
                [(lead.id, lead.lockVersion), (part.id, part.lockVersion)], by: f.actor("admin"), user: f.user("admin"))
            #expect(accepted.map(\.state) == [.accepted, .accepted])
            await #expect(throws: AppError.self) {
                _ = try await f.service.acceptAll([(lead.id, lead.lockVersion)], by: f.actor("lead"), user: f.user("lead"))
            }
        }
    }

    /// The workbench: the office counts what waits for it by month; the unit sees its returned report first, with the
    /// reason, and an unread message.
    @Test(arguments: TestEngine.available)
    func eachRoleLandsOnItsWork(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let services = Self.services(f)
            let submitted = try await f.saveLead(20, submit: true)
            let admin = f.user("admin")
            let office = try #require(
                try await WorkbenchPage.Model.load(services: services, user: admin, principal: admin.principal(reach: .everything)))
            #expect(office.office?.reviewByMonth.map(\.count) == [1])
            #expect(office.office?.reviewByMonth.first?.period == ReportingFixture.september)
            #expect(office.unit == nil)
            _ = try await f.service.act(
                .return, reportID: submitted.id, expectedLock: submitted.lockVersion, reason: "请补充照片", by: f.actor("admin"), user: admin)
            let lead = f.user("lead")
            let reach = try await database.read { try await PlanReach.of(lead, on: $0) }
            let unit = try #require(try await WorkbenchPage.Model.load(services: services, user: lead, principal: lead.principal(reach: reach)))
            #expect(unit.unit?.returned.map(\.report.id) == [submitted.id])
            #expect(unit.unit?.returned.first?.report.returnReason == "请补充照片")
            #expect(unit.unit?.unread == 1)
            #expect(unit.office == nil)
            let html = WorkbenchPage.View(model: unit, page: PageContext(language: .zh, path: "/")).render()
            #expect(html.contains("请补充照片"))
            let inbox = try await InboxPage.Model.load(services: services, user: lead, by: f.actor("lead"))
            let page = InboxPage.View(model: inbox, page: PageContext(language: .en, path: "/inbox")).render()
            #expect(page.contains("Returned"))
            #expect(
                page.contains(SiteURL.report(planID: f.plan.id, period: ReportingFixture.september, itemID: f.item.id, unitID: f.leadUnit.id).path))
        }
    }

    /// A returned report reaches the unit's inbox and, when one is configured, the webhook, with the reason.
    @Test(arguments: TestEngine.available)
    func aReturnReachesTheWebhook(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let notifier = APITests.RecordingNotifier()
            let service = ReportingService(database: database, configuration: f.configuration, notifier: notifier)
            let submitted = try await f.saveLead(20, submit: true)
            _ = try await service.act(
                .return, reportID: submitted.id, expectedLock: submitted.lockVersion, reason: "请补充照片", by: f.actor("admin"), user: f.user("admin"))
            let delivered = await notifier.delivered
            #expect(delivered.map(\.event) == ["report.returned"])
            #expect(delivered.first?.message == "请补充照片")
            #expect(delivered.first?.overdueItems == [f.item.number])
            #expect(delivered.first?.unitId == f.leadUnit.id)
            let stored = try await database.read { try await ReminderStore().reminders(unitID: f.leadUnit.id, on: $0) }
            #expect(stored.first?.webhookStatus == "200")
        }
    }

    /// The accounts list is searched by username or unit and cut into pages of 50.
    @Test(arguments: TestEngine.available)
    func theAccountsAreSearchedAndPaged(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let services = Self.services(f)
            let all = try await UsersPage.Model.load(services: services, reach: .everything)
            #expect(all.total == all.users.count)
            #expect(all.pages == 1)
            let lead = try await UsersPage.Model.load(services: services, reach: .everything, search: "lead")
            #expect(lead.users.map(\.username).sorted() == ["lead", "leader"])
            let byUnit = try await UsersPage.Model.load(services: services, reach: .everything, search: "栾川")
            #expect(byUnit.users.map(\.username) == ["county"])
            #expect(try await UsersPage.Model.load(services: services, reach: .everything, page: 9).page == 1)
        }
    }
}
