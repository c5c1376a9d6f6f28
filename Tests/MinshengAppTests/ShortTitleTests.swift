import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// The circular can be issued as drafted: every item is named by its short title, which the office may edit and
/// which the migration gives to items stored before.
@Suite struct ShortTitleTests {
    @Test(arguments: TestEngine.available)
    func theMigrationGivesStoredItemsAShortTitleFromTheirText(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            try await database.write { db in
                for migration in Migrations.all.prefix(11) { try await migration.prepare(on: db) }
                try await db.raw("INSERT INTO jurisdictions (id, name, level) VALUES (7, '开封市', 'city')").run()
                try await db.raw(
                    """
                    INSERT INTO plans (id, year, title, jurisdiction_id, issuers, notice, preamble, state, created_at)
                    VALUES (3, 2019, '方案', 7, '[]', '', '', 'active', '2019-01-01T00:00:00Z')
                    """
                ).run()
                try await db.raw("INSERT INTO categories (id, plan_id, ordinal, name) VALUES (5, 3, 1, '社会保障')").run()
                try await db.raw(
                    """
                    INSERT INTO items (id, plan_id, category_id, number, text, title)
                    VALUES (9, 3, 5, 21, '实施贫困重度残疾人家庭无障碍改造工程,全年完成5600户,提高贫困重度残疾人托养中心入住率。', '实施贫困重度残疾人家庭无障碍改造工程,全年完成5600户,提高…')
                    """
                ).run()
                try await M0013ItemShortTitles().prepare(on: db)
            }
            let item = try await database.read { try #require(try await PlanStore().item(id: 9, on: $0)) }
            #expect(item.shortTitle == "贫困重度残疾人家庭无障碍改造工程")
        }
    }

    @Test(arguments: TestEngine.available)
    func theQuarterlyCircularNamesNoItemByACutTitle(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await DocumentTests.demo(database)
            let document = try await DocumentTests.draft(.quarterly, .quarter(year: 2019, quarter: 3), plan: plan, database: database)
            let items = try await database.read { try await PlanStore().items(planID: plan.id, on: $0) }
            #expect(document.rows.map(\.title) == items.map(\.shortTitle))
            let body = try DocumentTests.part("word/document.xml", of: try DocumentService.render(document, as: .docx))
            #expect(!body.contains("…"))
            #expect(body.contains("关于2019年1—9月份</w:t><w:br/><w:t xml:space=\"preserve\">重点民生实事进展情况的通报"))
            #expect(body.contains("2019年洛阳市重点民生实事工作方案</w:t><w:br/><w:t xml:space=\"preserve\">进展情况表（截至2019年9月30日）"))
            // 完成率 keeps its percent sign, targets keep their units.
            #expect(body.contains("100\u{2060}%"))
            #expect(body.contains("56\u{2060}所"))
            #expect(!body.contains("<w:docGrid w:type=\"lines\" w:linePitch=\"312\"/>"))
        }
    }

    @Test(arguments: TestEngine.available)
    func theOfficeRenamesAnItemForTheDocumentsAndEveryRenameIsAudited(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await DocumentTests.demo(database)
            let admin = try #require(try await database.read { try await UserStore().user(username: "admin", on: $0) })
            let service = AssessmentSettingsService(database: database, clock: TestDatabase.clock)
            let (item, _) = try await service.item(planID: plan.id, number: 20)
            let actor = AuditActor(userID: admin.id, name: admin.username, address: "test")
            func save(_ shortTitle: String) async throws {
                let settings = AssessmentSettingsService.ItemSettings(
                    itemID: item.id, override: nil, weights: [:], schedules: [:], shortTitle: shortTitle)
                try await service.saveItemSettings(settings, period: .quarter(year: 2019, quarter: 3), user: admin, by: actor)
            }
            for (title, code) in [
                ("  ", "item.shortTitle.empty"), ("提高80岁以上老人住院…", "item.shortTitle.ellipsis"),
                (String(repeating: "长", count: 51), "item.shortTitle.tooLong"),
            ] {
                let error = await #expect(throws: AppError.self) { try await save(title) }
                #expect(error?.code == code, "\(title)")
            }
            try await save(" 提高高龄老人住院报销比例 ")
            let renamed = try await service.item(planID: plan.id, number: 20).item
            #expect(renamed.shortTitle == "提高高龄老人住院报销比例")
            #expect(renamed.title == item.title)
            let document = try await DocumentTests.draft(.quarterly, .quarter(year: 2019, quarter: 3), plan: plan, database: database)
            #expect(document.rows.first { $0.number == 20 }?.title == "提高高龄老人住院报销比例")
            let entries = try await database.read { db in
                try await db.select().column("before").column("after").from("audit_log").where("action", .equal, "item.shortTitle").all()
            }
            #expect(entries.count == 1)
            #expect(try entries.first?.decode(column: "after", as: String.self).contains("提高高龄老人住院报销比例") == true)
        }
    }

    @Test(arguments: TestEngine.available)
    func theItemPageCarriesTheShortTitleAndSaysWhyOneIsRefused(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await DocumentTests.demo(database)
            let app = Application(router: buildRouter(database: database, configuration: TestDatabase.configuration()))
            try await app.test(.router) { client in
                var office = WebSession(client: client)
                let token = try #require(try await office.login("admin", "demo password"))
                let page = String(buffer: try await office.get("/plans/\(plan.id)/items/19?period=2019-09").body)
                #expect(page.contains("name=\"shortTitle\" value=\"加大对城镇登记失业人员等扶持力度\""))
                let path = "/plans/\(plan.id)/items/19/settings"
                let cut = try await office.post(path, form: [("_csrf", token), ("period", "2019-09"), ("shortTitle", "加大对城镇登记…")])
                #expect(cut.status == .badRequest)
                #expect(String(buffer: cut.body).contains("简称不能用省略号截断"))
                let saved = try await office.post(path, form: [("_csrf", token), ("period", "2019-09"), ("shortTitle", "加大创业扶持力度")])
                #expect(saved.status == .seeOther)
            }
            let item = try await AssessmentSettingsService(database: database, clock: TestDatabase.clock).item(planID: plan.id, number: 19).item
            #expect(item.shortTitle == "加大创业扶持力度")
        }
    }
}
