import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// Accountability on the demo: a case opened and decided, reaching the unit's page, the scores and the documents.
@Suite struct SupervisionAccountabilityWebTests: SupervisionWebTesting {
    @Test(arguments: TestEngine.available)
    func aCaseIsOpenedAndDecidedAndReachesTheUnitTheScoresAndTheDocuments(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await DisclosureWebTests.demo(database)
            let item19 = try await Self.item(19, plan: plan, database)
            let labour = try await Self.unit("市人力资源和社会保障局", plan: plan, database)
            try await Self.app(database).test(.router) { client in
                var admin = WebSession(client: client)
                let token = try #require(try await admin.login("admin", Self.password))
                #expect(Self.text(try await admin.get("/accountability")).contains("建议启动问责"))
                let opened = try await admin.post(
                    "/accountability",
                    form: [
                        ("_csrf", token), ("plan", String(plan.id)), ("unit", String(labour)),
                        ("item", String(item19.id)), ("rule", "seriouslyBehind"),
                    ])
                #expect(opened.status == .seeOther)
                let casePath = try #require(opened.headers[.location])
                #expect(
                    try await admin.post(
                        "/accountability",
                        form: [
                            ("_csrf", token), ("plan", String(plan.id)), ("unit", String(labour)),
                            ("item", String(item19.id)), ("rule", "seriouslyBehind"),
                        ]
                    ).status == .conflict)
                let casePage = Self.text(try await admin.get(casePath))
                #expect(casePage.contains("9月严重滞后"))
                #expect(casePage.contains("?period=2019-09"), "the grounds link to the assessment of each month")
                #expect(
                    try await admin.post(casePath + "/decision", form: [("_csrf", token), ("decision", "publicCriticism"), ("note", "")]).status
                        == .badRequest)
                #expect(
                    try await admin.post(casePath + "/decision", form: [("_csrf", token), ("decision", "publicCriticism"), ("note", "全市通报批评。")])
                        .status == .seeOther)
                #expect(
                    try await admin.post(casePath + "/decision", form: [("_csrf", token), ("decision", "interview"), ("note", "再次决定")]).status
                        == .conflict)
                let unitPage = Self.text(try await admin.get("/units/\(labour)?plan=\(plan.id)&period=2019-10"))
                #expect(unitPage.contains("连续严重滞后：通报批评"))
                #expect(unitPage.contains("考核评分"))
                let scores = Self.text(try await admin.get("/scores?period=2019-10"))
                #expect(scores.contains("通报批评3分"))
                var reporter = WebSession(client: client)
                _ = try #require(try await reporter.login("jiaoyu", Self.password))
                #expect(try await reporter.get("/accountability").status == .forbidden)
                #expect(try await reporter.get(casePath).status == .notFound)
            }
            // The quarterly circular and the year-end report carry supervision; the year end ranks the units.
            let quarterly = try await DocumentTests.draft(.quarterly, .quarter(year: 2019, quarter: 3), plan: plan, database: database)
            let section = try #require(quarterly.sections.first { $0.heading == "五、督查检查和问责情况" })
            let text = section.paragraphs.joined()
            #expect(text.contains("共发出督办单5件（蓝色督办0件、黄色督办1件、红色督办4件）"))
            #expect(text.contains("逾期未反馈的红色督办：市机关事务管理局"))
            #expect(text.contains("开展抽查暗访3次（其中暗访2次）"))
            #expect(text.contains("报送9座，核查7座"))
            #expect(text.contains("下发整改要求1项，已整改销号1项。"))
            #expect(text.contains("市机关事务管理局第40项“建设市级统建青年人才公寓900套”红色督办逾期未反馈，约谈"))
            #expect(!text.contains("通报批评"), "a case opened in October is not in the third quarter")
            let annual = try await DocumentTests.draft(.annual, .year(2019), plan: plan, database: database)
            let ranking = try #require(annual.sections.first { $0.heading?.hasSuffix("牵头单位考核评分") == true })
            #expect(ranking.paragraphs[0].contains("1. "))
            #expect(annual.sections.first { $0.heading?.hasSuffix("督查检查和问责情况") == true }?.paragraphs.joined().contains("通报批评") == true)
        }
    }
}
