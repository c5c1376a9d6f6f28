import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// The admin's import: upload, review with highlights, correct, confirm; nothing stored before confirmation.
@Suite struct ImportWebTests {
    static func seedFile() throws -> Data {
        Data(try DemoPlan.text().utf8)
    }

    static func planCount(_ database: AppDatabase) async throws -> Int {
        try await database.read { try await PlanStore().planCount(on: $0) }
    }

    @Test(arguments: TestEngine.available)
    func uploadReviewCorrectAndConfirm(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            try await TestUsers.create("office", role: .admin, on: database)
            let app = Application(router: buildRouter(database: database, configuration: TestDatabase.configuration()))
            try await app.test(.router) { client in
                var web = WebSession(client: client)
                let csrf = try #require(try await web.login("office", "correct horse"))

                let upload = try await web.postMultipart("/admin/imports", fields: [("_csrf", csrf)], file: ("洛阳2019.txt", try Self.seedFile()))
                #expect(upload.status == .seeOther)
                let location = try #require(upload.headers[.location])
                #expect(try await Self.planCount(database) == 0)

                let review = String(buffer: try await web.get(location).body)
                #expect(review.contains("以下内容尚未保存"))
                #expect(review.contains("<mark class=\"target\">9.86万人</mark>"))
                #expect(review.contains("<mark class=\"ignored\">1100个</mark>"))
                #expect(review.components(separatedBy: "class=\"review-item\"").count - 1 == 51)

                // Correct item 3: a new target value, one unit removed, an indicator added.
                let edit = try await web.post(
                    "\(location)/items/3",
                    form: [
                        ("_csrf", csrf), ("title", "新建改扩建寄宿制学校"), ("leadUnits", "市教育局"), ("responsibleUnits", "各县(市、区)政府"),
                        ("name.i0", "新建改扩建寄宿制学校"), ("target.i0", "57"), ("unit.i0", "所"), ("comparator.i0", "atLeast"),
                        ("kind.i0", "cumulative"), ("name.new", "开工率"), ("target.new", "100"), ("unit.new", "%"),
                        ("comparator.new", "atLeast"), ("kind.new", "rate"),
                    ])
                #expect(edit.status == .seeOther)
                #expect(try await Self.planCount(database) == 0)

                let bad = try await web.post("\(location)/items/3", form: [("_csrf", csrf), ("name.i0", "学校"), ("target.i0", "五十")])
                #expect(bad.status == .badRequest)
                #expect(String(buffer: bad.body).contains("不是数字"))

                let confirm = try await web.post("\(location)/confirm", form: [("_csrf", csrf)])
                #expect(confirm.status == .seeOther)
                #expect(try await Self.planCount(database) == 1)
                let plan = try #require(try await database.read { try await PlanStore().plans(on: $0) }.first)
                let detail = try #require(try await database.read { try await PlanStore().detail(planID: plan.id, on: $0) })
                let item3 = try #require(detail.items.first { $0.number == 3 })
                #expect(item3.title == "新建改扩建寄宿制学校")
                let indicators = detail.indicators.filter { $0.itemID == item3.id }
                #expect(indicators.map(\.target) == [57, 100])
                #expect(indicators.map(\.kind) == [.cumulative, .rate])
                let responsible = detail.assignments.filter { $0.itemID == item3.id && $0.role == .responsible }
                #expect(responsible.count == 1)
                #expect(detail.items.count == 51)

                // A confirmed import cannot be confirmed twice.
                let again = try await web.post("\(location)/confirm", form: [("_csrf", csrf)])
                #expect(again.status == .conflict)
                #expect(try await Self.planCount(database) == 1)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func reimportingShowsTheDiffAndReplacesAPlanWithoutReports(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            _ = try await database.write { try await DemoLoader(clock: TestDatabase.clock).load(on: $0) }
            try await TestUsers.create("office", role: .admin, on: database)
            let app = Application(router: buildRouter(database: database, configuration: TestDatabase.configuration()))
            try await app.test(.router) { client in
                var web = WebSession(client: client)
                let csrf = try #require(try await web.login("office", "correct horse"))
                var corrected = try DemoPlan.text()
                corrected = corrected.replacingOccurrences(of: "新建改扩建寄宿制学校56所", with: "新建改扩建寄宿制学校58所")
                let upload = try await web.postMultipart("/admin/imports", fields: [("_csrf", csrf)], file: ("corrected.md", Data(corrected.utf8)))
                let location = try #require(upload.headers[.location])
                let review = String(buffer: try await web.get(location).body)
                #expect(review.contains("尚无报送数据，确认后将整体替换"))
                #expect(review.contains("修改 1 项"))
                let confirm = try await web.post("\(location)/confirm", form: [("_csrf", csrf)])
                #expect(confirm.status == .seeOther)
                let plans = try await database.read { try await PlanStore().plans(on: $0) }
                #expect(plans.count == 1)
                let detail = try #require(try await database.read { try await PlanStore().detail(planID: plans[0].id, on: $0) })
                let item3 = try #require(detail.items.first { $0.number == 3 })
                #expect(detail.indicators.first { $0.itemID == item3.id }?.target == 58)
                #expect(confirm.headers[.location] == "/plans/\(plans[0].id)")
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func badUploadsGetOneClearErrorAndStoreNothing(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            try await TestUsers.create("office", role: .admin, on: database)
            let app = Application(router: buildRouter(database: database, configuration: TestDatabase.configuration()))
            try await app.test(.router) { client in
                var web = WebSession(client: client)
                let csrf = try #require(try await web.login("office", "correct horse"))
                let encrypted = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 64))
                let response = try await web.postMultipart("/admin/imports", fields: [("_csrf", csrf)], file: ("secret.docx", encrypted))
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("secret.docx: 文件已加密"))
                let empty = try await web.postMultipart("/admin/imports", fields: [("_csrf", csrf)], file: ("empty.txt", Data()))
                #expect(String(buffer: empty.body).contains("文件是空的"))
                let count = try await database.read { db in
                    try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("import_drafts").first()?.decode(
                        column: "n", as: Int.self)
                }
                #expect(count == 0)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func onlyAdminsImportAndFormsNeedTheirToken(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            try await TestUsers.create("leader", role: .leader, on: database)
            try await TestUsers.create("office", role: .admin, on: database)
            let app = Application(router: buildRouter(database: database, configuration: TestDatabase.configuration()))
            try await app.test(.router) { client in
                var anonymous = WebSession(client: client)
                let redirect = try await anonymous.get("/admin/imports/new")
                #expect(redirect.status == .seeOther)
                #expect(redirect.headers[.location]?.hasPrefix("/login?next=") == true)

                var leader = WebSession(client: client)
                let leaderToken = try #require(try await leader.login("leader", "correct horse"))
                #expect(try await leader.get("/admin/imports/new").status == .forbidden)
                let attempt = try await leader.postMultipart("/admin/imports", fields: [("_csrf", leaderToken)], file: ("a.txt", try Self.seedFile()))
                #expect(attempt.status == .forbidden)

                var office = WebSession(client: client)
                _ = try #require(try await office.login("office", "correct horse"))
                let forged = try await office.postMultipart("/admin/imports", fields: [("_csrf", "forged")], file: ("a.txt", try Self.seedFile()))
                #expect(forged.status == .forbidden)
                #expect(try await Self.planCount(database) == 0)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func wrongPasswordsAreRefused(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            try await TestUsers.create("office", role: .admin, on: database)
            let app = Application(router: buildRouter(database: database, configuration: TestDatabase.configuration()))
            try await app.test(.router) { client in
                var web = WebSession(client: client)
                #expect(try await web.login("office", "wrong") == nil)
                let page = try await web.get("/login")
                let token = WebSession.csrf(in: String(buffer: page.body)) ?? ""
                let missingCookie = try await client.execute(
                    uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "_csrf=\(token)&username=office&password=correct+horse")
                )
                #expect(missingCookie.status == .forbidden)
                let login = try await web.post("/login", form: [("_csrf", token), ("username", "office"), ("password", "correct horse")])
                #expect(login.status == .seeOther)
                let cookie = try #require(login.headers.first { $0.name == .setCookie && $0.value.hasPrefix("minsheng_session=") }?.value)
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("SameSite=Lax"))
                #expect(!cookie.contains("Secure"))
            }
        }
    }
}

/// Re-importing a corrected document into a plan that already has reports.
@Suite struct ReimportWithReportsTests {
    @Test(arguments: TestEngine.available)
    func onlyAcceptedChangesAreAppliedAndReportsKeepTheirLinks(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            // Reports on item 3 (by the office on the unit's behalf) and item 29.
            let detail = try #require(try await database.read { try await PlanStore().detail(planID: f.plan.id, on: $0) })
            let item3 = try #require(detail.items.first { $0.number == 3 })
            let schools = try #require(detail.indicators.first { $0.itemID == item3.id })
            let education = try #require(detail.assignments.first { $0.itemID == item3.id && $0.role == .lead })
            let report3 = try await f.service.save(
                planID: f.plan.id, itemID: item3.id, unitID: education.unitID, period: ReportingFixture.september,
                draft: .init(values: [ReportValue(indicatorID: schools.id, value: 40)], progress: "", problems: "", nextSteps: ""),
                expectedLock: nil, submit: true, by: f.actor("admin"), user: f.user("admin")
            )
            try await f.saveLead(30, submit: true)

            var corrected = try DemoPlan.text()
            corrected = corrected.replacingOccurrences(of: "新建改扩建寄宿制学校56所", with: "新建改扩建寄宿制学校58所")
            corrected = corrected.replacingOccurrences(of: "10.建设市少儿图书馆、方志馆。", with: "10.建设市少儿图书馆、方志馆，年底前开馆。")
            corrected = corrected.replacingOccurrences(of: "(栾川31座、嵩县18座、汝阳3座)", with: "(栾川31座、嵩县21座)")
            corrected = corrected.replacingOccurrences(of: "社会主义核心价值观 公益广告", with: "52.新增公共自行车5000辆。\n\n**牵头单位:**市城市管理局\n\n社会主义核心价值观 公益广告")
            let document = Data(corrected.utf8)

            try await f.app().test(.router) { client in
                var office = WebSession(client: client)
                let token = try #require(try await office.login("admin", ReportingFixture.password))
                let upload = try await office.postMultipart("/admin/imports", fields: [("_csrf", token)], file: ("corrected.md", document))
                let location = try #require(upload.headers[.location])
                let review = String(buffer: try await office.get(location).body)
                #expect(review.contains("逐项接受修改"))
                #expect(review.contains("name=\"accept\" value=\"3\""))
                #expect(review.contains("name=\"accept\" value=\"10\""))
                #expect(review.contains("name=\"accept\" value=\"52\""))
                let confirm = try await office.post(
                    "\(location)/confirm", form: [("_csrf", token), ("accept", "3"), ("accept", "29"), ("accept", "52")])
                #expect(confirm.status == .ok)
                #expect(String(buffer: confirm.body).contains("未能修改"))
            }
            let after = try #require(try await database.read { try await PlanStore().detail(planID: f.plan.id, on: $0) })
            let updated = try #require(after.indicators.first { $0.id == schools.id })
            #expect(updated.target == 58)
            let stillLinked = try #require(try await database.read { try await ReportStore().report(id: report3.id, on: $0) })
            #expect(stillLinked.value(for: schools.id)?.value == 40)
            #expect(after.items.contains { $0.number == 52 })
            #expect(after.items.first { $0.number == 10 }?.text == "建设市少儿图书馆、方志馆。")
            let tailings = after.indicators.filter { $0.itemID == f.item.id }
            #expect(tailings.count == f.indicators.count)
            #expect(tailings.contains { $0.allocatedTo == "汝阳" })
            let audit = try await database.read { try await AuditLog.entries(on: $0) }
            #expect(audit.contains { $0.action == "plan.merge" })
        }
    }
}
