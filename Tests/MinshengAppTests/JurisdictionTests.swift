import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// One instance hosting a province's tree of plans: each office sees its own jurisdiction and those below it, runs
/// only its own, and a province role rolls the plans below it up.
@Suite struct JurisdictionTests {
    /// The demo city (洛阳市) under a province (河南省), with a county below the city (新安县) and a second city (开封市).
    struct Tree {
        var province: Jurisdiction
        var luoyang: Jurisdiction
        var kaifeng: Jurisdiction
        var xinan: Jurisdiction
        var luoyangPlan: Plan
        var kaifengPlan: Plan
        var xinanPlan: Plan
    }

    static func tree(on database: AppDatabase) async throws -> Tree {
        _ = try await FirstStart(database: database, logger: TestDatabase.logger, clock: TestDatabase.clock).run(
            loadDemo: true, adminPassword: "demo password")
        let template = try DemoLoader.draft().keepingFirst(5)
        return try await database.write { db in
            let store = PlanStore()
            let luoyangPlan = try #require(try await store.plans(on: db).first)
            let province = try await store.jurisdiction(named: "河南省", level: .province, on: db)
            try await db.update("jurisdictions").set("parent_id", to: province.id).where("id", .equal, luoyangPlan.jurisdictionID).run()
            let luoyang = try #require(try await store.jurisdiction(id: luoyangPlan.jurisdictionID, on: db))
            let kaifeng = try await store.jurisdiction(named: "开封市", level: .city, parentID: province.id, on: db)
            let xinan = try await store.jurisdiction(named: "新安县", level: .county, parentID: luoyang.id, on: db)
            var kaifengDraft = template
            kaifengDraft.title = "2019年开封市重点民生实事工作方案"
            kaifengDraft.jurisdiction = "开封市"
            var xinanDraft = template
            xinanDraft.title = "2019年新安县重点民生实事工作方案"
            xinanDraft.jurisdiction = "新安县"
            let kaifengPlan = try await store.insert(kaifengDraft, jurisdiction: kaifeng, now: Date(), on: db)
            let xinanPlan = try await store.insert(xinanDraft, jurisdiction: xinan, now: Date(), on: db)
            let users = UserStore()
            let hash = FixturePasswords.hash("correct horse")
            _ = try await users.insert(
                username: "luoyang-admin", passwordHash: hash, role: .admin, unitID: nil, jurisdictionID: luoyang.id, now: Date(), on: db)
            _ = try await users.insert(
                username: "kaifeng-admin", passwordHash: hash, role: .admin, unitID: nil, jurisdictionID: kaifeng.id, now: Date(), on: db)
            _ = try await users.insert(
                username: "henan-leader", passwordHash: hash, role: .leader, unitID: nil, jurisdictionID: province.id, now: Date(), on: db)
            return Tree(
                province: province, luoyang: luoyang, kaifeng: kaifeng, xinan: xinan, luoyangPlan: luoyangPlan, kaifengPlan: kaifengPlan,
                xinanPlan: xinanPlan)
        }
    }

    @Test(arguments: TestEngine.available)
    func aCityOfficeSeesItsCityAndBelowAndRunsOnlyItsOwn(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let tree = try await Self.tree(on: database)
            let reach = try await database.read { db in
                try await PlanReach.of(try #require(try await UserStore().user(username: "luoyang-admin", on: db)), on: db)
            }
            #expect(reach.readablePlans == [tree.luoyangPlan.id, tree.xinanPlan.id])
            #expect(reach.managedPlans == [tree.luoyangPlan.id])
            let app = Application(router: buildRouter(database: database, configuration: TestDatabase.configuration()))
            try await app.test(.router) { client in
                var office = WebSession(client: client)
                let token = try #require(try await office.login("luoyang-admin", "correct horse"))
                let kaifeng = tree.kaifengPlan.id
                // Another city's plan, its pages, its API and its records answer as if they did not exist.
                for path in [
                    "/plans/\(kaifeng)", "/overview?plan=\(kaifeng)", "/battle-map?plan=\(kaifeng)", "/plans/\(kaifeng)/items/1",
                    "/supervision?plan=\(kaifeng)", "/documents?plan=\(kaifeng)", "/admin/publications?plan=\(kaifeng)",
                    "/api/v1/plans/\(kaifeng)", "/api/v1/plans/\(kaifeng)/assessment", "/rollup?jurisdiction=\(tree.kaifeng.id)",
                    "/admin/audit", "/api/v1/audit",
                ] {
                    #expect(try await office.get(path).status == .notFound, "\(path)")
                }
                // Lists name only what is in reach.
                let plansJSON = String(buffer: try await office.get("/api/v1/plans").body)
                #expect(plansJSON.contains("洛阳市") && plansJSON.contains("新安县") && !plansJSON.contains("开封市"))
                let home = String(buffer: try await office.get("/").body)
                #expect(!home.contains("开封市"))
                let users = String(buffer: try await office.get("/admin/users").body)
                #expect(users.contains("luoyang-admin") && !users.contains("kaifeng-admin") && !users.contains("henan-leader"))
                // The county below the city is readable, but its office work is the county's.
                #expect(try await office.get("/overview?plan=\(tree.xinanPlan.id)&period=2019-09").status == .ok)
                #expect(try await office.get("/plans/\(tree.xinanPlan.id)/items/1?period=2019-09").status == .ok)
                let refused = try await office.post(
                    "/admin/plans/\(tree.xinanPlan.id)/assessment",
                    form: [("_csrf", token), ("yellow", "6"), ("red", "16"), ("ahead", "5"), ("completionMonth", "12")])
                #expect(refused.status == .notFound)
                // Its own plan it runs.
                let own = try await office.post(
                    "/admin/plans/\(tree.luoyangPlan.id)/assessment",
                    form: [("_csrf", token), ("yellow", "6"), ("red", "16"), ("ahead", "5"), ("completionMonth", "12")])
                #expect(own.status == .ok || own.status == .seeOther)
                #expect(try await office.get("/overview").status == .ok)
                // Another city's documents, by id.
                let document = try await database.write { db in
                    let content = try await DocumentService(database: database, configuration: TestDatabase.configuration())
                        .draft(kind: .quarterly, planID: kaifeng, period: .quarter(year: 2019, quarter: 3), on: db)
                    return try await DocumentStore().insert(planID: kaifeng, content: content, by: nil, now: Date(), on: db)
                }
                #expect(try await office.get("/documents/\(document.id)").status == .notFound)
                #expect(try await office.get("/api/v1/documents/\(document.id)").status == .notFound)
                let other = try await database.read { db in
                    try await db.select().column("id").from("users").where("username", .equal, "kaifeng-admin").first()?.int64("id")
                }
                #expect(
                    try await office.post("/admin/users/\(try #require(other))", form: [("_csrf", token), ("role", "admin")]).status == .notFound)
                // A new account of a city office serves that city.
                let created = try await office.post(
                    "/admin/users", form: [("_csrf", token), ("username", "luoyang-leader"), ("role", "leader"), ("password", "a long password")])
                #expect(created.status == .ok)
                let stored = try await database.read { try await UserStore().user(username: "luoyang-leader", on: $0) }
                #expect(stored?.jurisdictionID == tree.luoyang.id)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func aProvinceRoleRollsUpThePlansBelowAndDrillsDown(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let tree = try await Self.tree(on: database)
            let rollup = try await RollupService(database: database, configuration: TestDatabase.configuration())
                .rollup(rootID: tree.province.id, period: .month(year: 2019, month: 9), reach: .everything)
            #expect(rollup.below.map(\.jurisdiction.name) == ["洛阳市", "开封市"])
            let luoyang = try #require(rollup.below.first)
            #expect(luoyang.tally.plans == 2)
            #expect(luoyang.tally.items == 51 + 5)
            // The city's own numbers are the demo's assessment; the county's five items have no reports.
            let demo = try await AssessmentService(database: database).assess(planID: tree.luoyangPlan.id, period: .month(year: 2019, month: 9))
            #expect(luoyang.tally.count(.seriouslyBehind) == demo.counts[.seriouslyBehind, default: 0])
            #expect(luoyang.tally.count(.notReported) == demo.counts[.notReported, default: 0] + 5)
            #expect(rollup.total.items == 61)
            #expect(try #require(luoyang.tally.onTimeRate) > 0)
            let app = Application(router: buildRouter(database: database, configuration: TestDatabase.configuration()))
            try await app.test(.router) { client in
                var leader = WebSession(client: client)
                _ = try #require(try await leader.login("henan-leader", "correct horse"))
                let page = String(buffer: try await leader.get("/rollup?period=2019-09").body)
                #expect(page.contains("河南省") && page.contains("洛阳市") && page.contains("开封市"))
                #expect(page.contains("/rollup?jurisdiction=\(tree.luoyang.id)"))
                let drilled = String(buffer: try await leader.get("/rollup?jurisdiction=\(tree.luoyang.id)&period=2019-09").body)
                #expect(drilled.contains("新安县") && drilled.contains("/overview?plan=\(tree.luoyangPlan.id)"))
                #expect(drilled.contains("status=seriouslyBehind"))
                // Drilling down reaches any item below.
                #expect(try await leader.get("/overview?plan=\(tree.kaifengPlan.id)&period=2019-09").status == .ok)
                #expect(try await leader.get("/plans/\(tree.xinanPlan.id)/items/3?period=2019-09").status == .ok)
                #expect(try await leader.get("/plans/\(tree.luoyangPlan.id)/items/35?period=2019-09").status == .ok)
                // A city office cannot look up at the province.
                var kaifeng = WebSession(client: client)
                _ = try #require(try await kaifeng.login("kaifeng-admin", "correct horse"))
                #expect(try await kaifeng.get("/rollup?jurisdiction=\(tree.province.id)").status == .notFound)
                let own = String(buffer: try await kaifeng.get("/rollup?period=2019-09").body)
                #expect(own.contains("开封市") && !own.contains("洛阳市"))
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func anImportPlacesANewJurisdictionUnderItsParent(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let tree = try await Self.tree(on: database)
            var draft = try DemoLoader.draft().keepingFirst(3)
            draft.title = "2019年宜阳县重点民生实事工作方案"
            draft.jurisdiction = "宜阳县"
            let service = PlanImportService(database: database, clock: TestDatabase.clock)
            let outcome = try await service.store(draft, parentName: "洛阳市", by: .console)
            let yiyang = try await database.read { try await PlanStore().jurisdiction(id: outcome.plan.jurisdictionID, on: $0) }
            #expect(yiyang?.parentID == tree.luoyang.id)
            // The city's office now reads the county's plan.
            let reach = try await database.read { db in
                try await PlanReach.of(try #require(try await UserStore().user(username: "luoyang-admin", on: db)), on: db)
            }
            #expect(reach.canRead(planID: outcome.plan.id) && !reach.canManage(planID: outcome.plan.id))
            // A placed jurisdiction does not move, and the tree cannot loop.
            var again = draft
            again.title = "2019年宜阳县重点民生实事工作方案（修订）"
            await #expect(throws: AppError.self) { try await service.store(again, parentName: "开封市", by: .console) }
            var province = try DemoLoader.draft().keepingFirst(2)
            province.title = "2019年河南省重点民生实事工作方案"
            province.jurisdiction = "河南省"
            await #expect(throws: AppError.self) { try await service.store(province, parentName: "宜阳县", by: .console) }
            let unchanged = try await database.read { try await PlanStore().jurisdiction(id: tree.province.id, on: $0) }
            #expect(unchanged?.parentID == nil)
        }
    }

    @Test(arguments: TestEngine.available)
    func theInstanceOfficeGivesNewAccountsAJurisdiction(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let tree = try await Self.tree(on: database)
            let app = Application(router: buildRouter(database: database, configuration: TestDatabase.configuration()))
            try await app.test(.router) { client in
                var office = WebSession(client: client)
                let token = try #require(try await office.login("admin", "demo password"))
                let page = String(buffer: try await office.get("/admin/users").body)
                #expect(page.contains("name=\"jurisdiction\"") && page.contains("开封市"))
                let created = try await office.post(
                    "/admin/users",
                    form: [
                        ("_csrf", token), ("username", "kaifeng-leader"), ("role", "leader"), ("password", "a long password"),
                        ("jurisdiction", String(tree.kaifeng.id)),
                    ])
                #expect(created.status == .ok)
                #expect(try await database.read { try await UserStore().user(username: "kaifeng-leader", on: $0) }?.jurisdictionID == tree.kaifeng.id)
                // A city office neither chooses a jurisdiction nor sees the others.
                var city = WebSession(client: client)
                _ = try #require(try await city.login("luoyang-admin", "correct horse"))
                let cityPage = String(buffer: try await city.get("/admin/users").body)
                #expect(!cityPage.contains("name=\"jurisdiction\"") && !cityPage.contains("开封市"))
            }
        }
    }
}
