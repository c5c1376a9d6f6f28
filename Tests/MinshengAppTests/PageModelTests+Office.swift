import Foundation
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// The office work pages' models, loaded without HTTP: tasks, the review queue, overdue units and the inbox.
@Suite struct PageModelOfficeTests {
    private static func services(_ f: ReportingFixture) -> Services {
        Services(database: f.database, configuration: f.configuration, publicCache: PublicPageCache(clock: f.configuration.clock), notifier: nil)
    }

    private static func principal(_ f: ReportingFixture, _ name: String) async throws -> Principal {
        let user = f.user(name)
        return user.principal(reach: try await f.database.read { try await PlanReach.of(user, on: $0) })
    }

    @Test(arguments: TestEngine.available)
    func aReportersTasksAreItsOwnUnitsOnly(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let services = Self.services(f)
            let scope = PlanScope(plan: f.plan, period: ReportingFixture.september)

            let lead = try await Self.principal(f, "lead")
            let own = try await TasksPage.Model.load(
                services: services, user: f.user("lead"), principal: lead, scope: scope, unitID: ReportPolicy.taskUnit(asked: nil, by: lead))
            #expect(own.unit?.name == "市应急管理局")
            #expect(!own.tasks.isEmpty)
            #expect(own.tasks.allSatisfy { $0.obligation.unitID == f.leadUnit.id })
            #expect(own.tasks.contains { $0.item.id == f.item.id && $0.obligation.role == .lead })
            #expect(!own.canChooseUnit)
            #expect(own.message == nil && own.errors.isEmpty)

            let foreign = try await Self.principal(f, "foreign")
            let other = try await TasksPage.Model.load(
                services: services, user: f.user("foreign"), principal: foreign, scope: scope,
                unitID: ReportPolicy.taskUnit(asked: f.leadUnit.id, by: foreign))
            #expect(other.unit?.id == f.foreignUnit.id)
            #expect(!other.tasks.contains { $0.item.id == f.item.id })
            #expect(other.tasks.allSatisfy { $0.obligation.unitID == f.foreignUnit.id })

            let office = try await TasksPage.Model.load(
                services: services, user: f.user("admin"), principal: try await Self.principal(f, "admin"), scope: scope, unitID: nil,
                message: "saved", errors: ["one"])
            #expect(office.unit == nil)
            #expect(office.canChooseUnit)
            #expect(office.tasks.count > own.tasks.count)
            #expect(Set(office.tasks.map(\.obligation.unitID)).isSuperset(of: [f.leadUnit.id, f.responsibleUnit.id, f.foreignUnit.id]))
            #expect(office.units.contains { $0.id == f.leadUnit.id })
            #expect(office.unitNames[f.responsibleUnit.id] == "栾川县政府")
            #expect(office.message == "saved" && office.errors == ["one"])
        }
    }

    @Test(arguments: TestEngine.available)
    func theReviewQueueHoldsSubmittedReportsOnly(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let services = Self.services(f)
            let draft = try await f.saveLead(20)
            #expect(try await ReviewQueuePage.Model.load(services: services, plan: f.plan, filter: ReviewFilter()).rows.isEmpty)
            let drafts = try await ReviewQueuePage.Model.load(services: services, plan: f.plan, filter: ReviewFilter(state: .draft))
            #expect(drafts.rows.map(\.reportID) == [draft.id])

            let submitted = try await f.saveLead(21, submit: true, lock: draft.lockVersion)
            let model = try await ReviewQueuePage.Model.load(services: services, plan: f.plan, filter: ReviewFilter())
            #expect(model.rows.map(\.reportID) == [submitted.id])
            #expect(model.total == 1)
            #expect(model.countsByState == [.submitted: 1])
            #expect(model.countsByPeriod == [ReportingFixture.september: 1])
            #expect(model.locks[submitted.id] == submitted.lockVersion)
            #expect(model.items[f.item.id]?.number == 29)
            #expect(model.unitNames[f.leadUnit.id] == "市应急管理局")
            let elsewhere = ReviewFilter(unitID: f.leadUnit.id + 1000)
            #expect(try await ReviewQueuePage.Model.load(services: services, plan: f.plan, filter: elsewhere).total == 0)
        }
    }

    @Test(arguments: TestEngine.available)
    func overdueUnitsRemindersAndTheInbox(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database, now: ReportingFixture.afterDue)
            let services = Self.services(f)
            let scope = PlanScope(plan: f.plan, period: ReportingFixture.september)

            let before = try await OverduePage.Model.load(services: services, scope: scope)
            let lead = try #require(before.overdue.first { $0.unit.id == f.leadUnit.id })
            #expect(lead.tasks.contains { $0.item.id == f.item.id })
            #expect(lead.tasks.allSatisfy { $0.isOverdue })
            #expect(before.overdue.map(\.unit.id) == before.overdue.map(\.unit.id).sorted())
            #expect(before.reminders.isEmpty)
            #expect(before.message == nil)

            _ = try await services.reporting.remind(
                planID: f.plan.id, period: ReportingFixture.september, unitIDs: [f.leadUnit.id], message: "请尽快报送", by: f.actor("admin"),
                user: f.user("admin"), notifier: nil)
            let after = try await OverduePage.Model.load(services: services, planID: f.plan.id, period: ReportingFixture.september, message: "sent")
            #expect(after.reminders.map(\.unitID) == [f.leadUnit.id])
            #expect(after.message == "sent")
            await #expect(throws: AppError.self) {
                try await OverduePage.Model.load(services: services, planID: 999_999, period: ReportingFixture.september, message: nil)
            }

            let inbox = try await InboxPage.Model.load(services: services, user: f.user("lead"), by: f.actor("lead"))
            #expect(inbox.reminders.map(\.message) == ["请尽快报送"])
            #expect(inbox.reminders.allSatisfy { $0.readAt == nil })
            let reread = try await InboxPage.Model.load(services: services, user: f.user("lead"), by: f.actor("lead"))
            #expect(reread.reminders.allSatisfy { $0.readAt != nil })
            #expect(try await InboxPage.Model.load(services: services, user: f.user("county"), by: f.actor("county")).reminders.isEmpty)
            #expect(try await InboxPage.Model.load(services: services, user: f.user("admin"), by: f.actor("admin")).reminders.isEmpty)
        }
    }
}
