import Foundation
import MinshengCore
import Testing

@testable import MinshengApp

/// The document pages' models, loaded as their controllers load them, on the demo with two drafts.
@Suite struct DocumentPageModelTests {
    /// The demo with a quarterly and a monthly draft, and the services after the September reports were due.
    static func drafts(_ database: AppDatabase) async throws -> (plan: Plan, services: Services, drafts: [StoredDocument]) {
        let plan = try await DocumentTests.demo(database)
        let configuration = TestDatabase.configuration(now: ReportingFixture.afterDue)
        let services = Services(
            database: database, configuration: configuration, publicCache: PublicPageCache(clock: configuration.clock), notifier: nil)
        let admin = try #require(try await database.read { try await UserStore().user(username: "admin", on: $0) })
        var drafts: [StoredDocument] = []
        for (kind, period) in [(OfficialDocument.Kind.quarterly, Period.quarter(year: 2019, quarter: 3)), (.monthly, .month(year: 2019, month: 9))] {
            drafts.append(
                try await services.documents.createDraft(
                    kind: kind, planID: plan.id, period: period, user: admin, by: AuditActor(user: admin, address: "127.0.0.1"), language: .zh))
        }
        return (plan, services, drafts)
    }

    @Test(arguments: TestEngine.available)
    func theArchiveListsThePlansDocuments(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let (plan, services, drafts) = try await Self.drafts(database)
            let asked = try await DocumentsPage.Model.load(services: services, reach: .everything, planID: plan.id, language: .zh)
            #expect(asked.plan.id == plan.id)
            #expect(Set(asked.documents.map(\.id)) == Set(drafts.map(\.id)))
            #expect(asked.documents.allSatisfy { $0.state == .draft })
            #expect(asked.documents.contains { $0.content.title == "关于2019年1—9月份重点民生实事进展情况的通报" })

            let first = try await DocumentsPage.Model.load(services: services, reach: .everything, planID: nil, language: .zh)
            #expect(first.plan.id == plan.id)
            #expect(first.documents.count == 2)

            let missing = await #expect(throws: AppError.self) {
                _ = try await DocumentsPage.Model.load(services: services, reach: .everything, planID: 9999, language: .zh)
            }
            #expect(missing?.kind == .notFound)
            #expect(missing?.message(in: .zh) == Language.zh.reporting.noPlan)
        }
    }

    @Test(arguments: TestEngine.available)
    func aDocumentIsLoadedWithItsContentAndPrintsIt(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let (_, services, drafts) = try await Self.drafts(database)
            let quarterly = try #require(drafts.first)
            let model = try await DocumentPage.Model.load(services: services, documentID: quarterly.id, language: .zh)
            #expect(model.stored.id == quarterly.id)
            #expect(model.stored.state == .draft)
            #expect(model.stored.content == quarterly.content)
            #expect(model.stored.content.rows.count == 51)
            #expect(model.message == nil)

            let missing = await #expect(throws: AppError.self) {
                _ = try await DocumentPage.Model.load(services: services, documentID: 9999, language: .zh)
            }
            #expect(missing?.kind == .notFound)
            #expect(missing?.message(in: .zh) == DocumentUseCaseWords(language: .zh).noDocument(9999))

            let printed = DocumentPrintPage.View(model: .init(document: model.stored.content)).render()
            #expect(printed.contains("<h1>关于2019年1—9月份重点民生实事进展情况的通报</h1>"))
            #expect(printed.contains("@page { size: A4;"))
            #expect(printed == String(decoding: try DocumentService.render(model.stored.content, as: .html), as: UTF8.self))
        }
    }

    @Test(arguments: TestEngine.available)
    func documentSettingsAreThePlansOrItsDefaults(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let (plan, services, _) = try await Self.drafts(database)
            let model = try await DocumentSettingsPage.Model.load(services: services, planID: plan.id, language: .zh, message: "saved")
            #expect(model.plan.id == plan.id)
            #expect(model.settings == (try await services.documents.settings(planID: plan.id, language: .zh)).settings)
            #expect(!model.settings.numberPrefix.isEmpty)
            #expect(model.message == "saved")

            var changed = model.settings
            changed.issuer = "洛阳市人民政府督查室"
            changed.requirements = ["压实责任。"]
            try await services.documents.saveSettings(changed, planID: plan.id, by: .console)
            let saved = try await DocumentSettingsPage.Model.load(services: services, planID: plan.id, language: .zh)
            #expect(saved.settings.issuer == "洛阳市人民政府督查室")
            #expect(saved.settings.requirements == ["压实责任。"])

            let missing = await #expect(throws: AppError.self) {
                _ = try await DocumentSettingsPage.Model.load(services: services, planID: 9999, language: .zh)
            }
            #expect(missing?.kind == .notFound)
        }
    }
}
