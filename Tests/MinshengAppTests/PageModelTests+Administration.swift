import Foundation
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// The administration pages' models, loaded without HTTP: accounts, tokens, units, calendars, the audit log, the
/// office's disclosure pages and the import review.
@Suite struct PageModelAdministrationTests {
    private static func services(_ f: ReportingFixture) -> Services {
        Services(database: f.database, configuration: f.configuration, publicCache: PublicPageCache(clock: f.configuration.clock), notifier: nil)
    }

    @Test(arguments: TestEngine.available)
    func usersUnitsAndCalendar(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let services = Self.services(f)

            let users = try await UsersPage.Model.load(services: services, reach: .everything, message: "✓ new")
            #expect(Set(users.users.map(\.username)).isSuperset(of: ["admin", "leader", "inspector", "lead", "county", "foreign"]))
            #expect(users.units.contains { $0.id == f.leadUnit.id })
            #expect(users.jurisdictions[f.plan.jurisdictionID] != nil)
            #expect(users.choosesJurisdiction)
            #expect(users.message == "✓ new")
            let outside = try await UsersPage.Model.load(services: services, reach: .nothing)
            #expect(outside.units.isEmpty)
            #expect(!outside.choosesJurisdiction)

            let units = try await UnitsPage.Model.load(services: services, reach: .everything)
            #expect(units.plan?.id == f.plan.id)
            #expect(units.units.contains { $0.id == f.leadUnit.id && $0.name == "市应急管理局" })
            #expect(units.units.contains { $0.id == f.foreignUnit.id })
            let none = try await UnitsPage.Model.load(services: services, reach: .nothing)
            #expect(none.plan == nil && none.units.isEmpty && none.members.isEmpty)

            let items = try await database.read { try await PlanStore().items(planID: f.plan.id, on: $0) }
            _ = try await services.admin.setCalendar(
                planID: f.plan.id, .init(dueDay: 15, quarterlyItemIds: [f.item.id]), by: f.actor("admin"), language: .zh)
            let calendar = try await CalendarPage.Model.load(services: services, planID: f.plan.id, message: "✓")
            #expect(calendar.plan.title == f.plan.title)
            #expect(calendar.calendar.dueDay == 15)
            #expect(calendar.items.map(\.id) == items.map(\.id))
            #expect(calendar.cadences[f.item.id] == .quarterly)
            #expect(calendar.message == "✓")
            await #expect(throws: AppError.self) { try await CalendarPage.Model.load(services: services, planID: 999_999) }
        }
    }

    @Test(arguments: TestEngine.available)
    func tokensAndTheAuditLog(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let services = Self.services(f)
            #expect(try await TokensPage.Model.load(services: services, user: f.user("lead")).tokens.isEmpty)
            let created = try await services.admin.createToken(name: "报表工具", for: f.user("lead"), by: f.actor("lead"))

            let own = try await TokensPage.Model.load(services: services, user: f.user("lead"), newSecret: created.secret)
            #expect(own.tokens.map(\.name) == ["报表工具"])
            #expect(own.newSecret == created.secret)
            #expect(try await TokensPage.Model.load(services: services, user: f.user("county")).tokens.isEmpty)

            let audit = try await AuditPage.Model.load(services: services, offset: 0)
            #expect(audit.entries.first?.actor == "lead")
            #expect(audit.entries.count <= AuditPage.pageSize)
            #expect(audit.nextOffset == nil)
            #expect(try await AuditPage.Model.load(services: services, offset: audit.entries.count).entries.isEmpty)
        }
    }

    @Test(arguments: TestEngine.available)
    func theOfficesDisclosurePages(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let services = Self.services(f)
            let plan = try await DisclosurePlan.load(services: services, id: nil, reach: .everything, language: .zh)
            #expect(plan.id == f.plan.id)
            await #expect(throws: AppError.self) {
                try await DisclosurePlan.load(services: services, id: 999_999, reach: .everything, language: .zh)
            }
            let items = try await database.read { try await PlanStore().items(planID: f.plan.id, on: $0) }

            let before = try await PublicationsAdminPage.Model.load(services: services, plan: plan, periodText: nil, language: .zh)
            #expect(before.publications.isEmpty)
            #expect(before.pendingMessages == 0)
            #expect(before.preview.items.count == items.count)
            #expect(before.preview.sequence == 1)
            await #expect(throws: AppError.self) {
                try await PublicationsAdminPage.Model.load(services: services, plan: plan, periodText: "2018-09", language: .zh)
            }

            let publication = try await services.disclosure.publish(
                planID: plan.id, period: ReportingFixture.september, objectionDays: 7, by: f.actor("admin"))
            _ = try await services.disclosure.receive(
                planID: plan.id, itemNumber: 29, kind: .suggestion, text: "建议尽快完成尾矿库治理。", phone: "", address: "10.0.0.1")
            let after = try await PublicationsAdminPage.Model.load(
                services: services, plan: plan, periodText: "2019-09", language: .zh, message: nil, error: "refused")
            #expect(after.period == ReportingFixture.september)
            #expect(after.publications.map(\.hash) == [publication.hash])
            #expect(after.pendingMessages == 1)
            #expect(after.preview.sequence == 2)
            #expect(after.error == "refused")

            let messages = try await PublicMessagesAdminPage.Model.load(services: services, plan: plan)
            #expect(messages.messages.map(\.text) == ["建议尽快完成尾矿库治理。"])
            #expect(messages.messages.first?.state == .pending)
            #expect(messages.sequences[publication.id] == 1)
            #expect(messages.titles[29] == f.item.title)

            let photos = try await PhotosAdminPage.Model.load(services: services, plan: plan)
            #expect(photos.candidates.isEmpty)
            #expect(photos.titles[f.item.id] == "29. \(f.item.title)")
            #expect(photos.units[f.leadUnit.id] == "市应急管理局")
        }
    }

    @Test(arguments: TestEngine.available)
    func anImportIsReviewedBesideTheStoredPlan(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let services = Self.services(f)
            let data = Data(try DemoPlan.text().utf8)
            let draft = try PlanImporter(year: nil, jurisdiction: nil).read(data, fileName: "洛阳2019.txt")
            let id = try await services.importDrafts.keep(
                draft, fileName: "洛阳2019.txt", format: try PlanImporter.format(of: data, fileName: "洛阳2019.txt"), user: f.user("admin"),
                officeJurisdictionID: nil, by: f.actor("admin"))
            let importDraft = try #require(try await services.importDrafts.draft(id: id, for: f.user("admin").principal(reach: .everything)))

            let model = try await ImportReviewPage.Model.load(services: services, importDraft: importDraft, error: "check")
            #expect(model.items.count == 51)
            #expect(model.items.contains { $0.segments.contains { $0.mark == .target } })
            #expect(model.existing?.plan.id == f.plan.id)
            #expect(model.existing?.diff.changes.isEmpty == true)
            #expect(!model.existingHasReports)
            #expect(model.error == "check")
        }
    }
}
