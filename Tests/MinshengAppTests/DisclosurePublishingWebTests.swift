import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// Publishing on the demo: nothing unpublished leaves the building, the office publishes from the page within the
/// rules, and the API publishes and moderates.
@Suite struct DisclosurePublishingWebTests: DisclosureWebTesting {
    @Test(arguments: TestEngine.available)
    func nothingUnpublishedLeavesTheBuilding(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await Self.demo(database)
            let items = Dictionary(
                uniqueKeysWithValues: try await database.read { try await PlanStore().items(planID: plan.id, on: $0) }.map { ($0.number, $0) })
            let item5 = try #require(items[5])
            let item1 = try #require(items[1])
            // September's report on item 5 awaits review: its narrative and figures are not accepted.
            try await database.write { db in
                try await db.update("reports").set("progress", to: SQLBind("九月进展尚未审核ZX")).set("problems", to: SQLBind("内部问题QP"))
                    .where("item_id", .equal, item5.id).where("period", .equal, "2019-09").run()
                try await db.raw(
                    """
                    UPDATE report_values SET value = '987654' WHERE report_id IN (SELECT id FROM reports WHERE item_id = \(bind: item5.id) AND \
                    period = '2019-09')
                    """
                ).run()
                try await AssessmentStore().setOverride(
                    StatusOverride(status: .behind, reason: "内部批示暂缓RZ"), itemID: item1.id, period: .month(year: 2019, month: 9), by: nil, now: Date(),
                    on: db)
            }
            let service = PublicService(database: database, configuration: TestDatabase.configuration(now: Self.duringObjections))
            let publication = try await service.publish(planID: plan.id, period: .month(year: 2019, month: 9), objectionDays: 7, by: .console)
            #expect(publication.sequence == 4)
            #expect(publication.snapshot.item(number: 1)?.status == .behind)
            let august = try #require(
                try await database.read { db in
                    try await ReportStore().latest(planID: plan.id, period: .month(year: 2019, month: 8), itemIDs: [item5.id], on: db).first {
                        $0.role == .lead
                    }
                })
            let published5 = try #require(publication.snapshot.item(number: 5))
            #expect(published5.narrative == august.progress)
            #expect(published5.narrativeMonth == 8)
            #expect(published5.targets.compactMap(\.value) == august.values.compactMap(\.value).map(DecimalText.format))

            let secrets = [
                "九月进展尚未审核ZX", "987654", "内部问题QP", "内部批示暂缓RZ",
                "养老床位数与民政统计口径不一致", "项目前期手续办理慢", "召开专题协调会", "6月培训人数统计时重复计算", "存在问题", "下步打算",
            ]
            try await Self.app(database).test(.router) { client in
                var visitor = WebSession(client: client)
                var pages: [String: String] = [:]
                let paths = [
                    "/public/plans/\(plan.id)", "/public/plans/\(plan.id)/items/5", "/public/plans/\(plan.id)/items/1",
                    "/public/plans/\(plan.id)/items/27",
                    "/public/plans/\(plan.id)/items/35", "/public/plans/\(plan.id)/publications", "/public/plans/\(plan.id)/chain.json",
                    "/public/plans/\(plan.id)/publications/4.json", "/public/plans/\(plan.id)/publications/4.csv",
                    "/public/plans/\(plan.id)/search?q=%E5%AD%A6%E6%A0%A1", "/public/plans/\(plan.id)/units/1",
                ]
                for path in paths {
                    let response = try await visitor.get(path)
                    #expect(response.status == .ok, "\(path)")
                    pages[path] = Self.text(response)
                }
                for (path, body) in pages {
                    for secret in secrets { #expect(!body.contains(secret), "\(path) shows \(secret)") }
                }
                // The published JSON holds exactly the public fields.
                let json =
                    try JSONSerialization.jsonObject(with: Data(try #require(pages["/public/plans/\(plan.id)/publications/4.json"]).utf8))
                    as? [String: Any]
                let snapshot = try #require(json?["snapshot"] as? [String: Any])
                let item = try #require((snapshot["items"] as? [[String: Any]])?.first)
                #expect(
                    Set(item.keys) == [
                        "number", "category", "title", "text", "leadUnits", "responsibleUnits", "status", "progress", "expected",
                        "targets", "narrative", "narrativeMonth", "photos", "digest",
                    ])
                let target = try #require((item["targets"] as? [[String: Any]])?.first)
                #expect(Set(target.keys) == ["name", "target", "unit", "breakdown", "provisional", "value", "reachedOn", "asOfMonth", "progress"])
                // Staff pages are not public.
                #expect(try await visitor.get("/overview").status == .seeOther)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func theOfficePublishesFromThePageWithinTheRules(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await Self.demo(database)
            try await Self.app(database).test(.router) { client in
                var admin = WebSession(client: client)
                let token = try #require(try await admin.login("admin", Self.password))
                let page = Self.text(try await admin.get("/admin/publications?plan=\(plan.id)&period=2019-09"))
                #expect(page.contains("发布预览"))
                #expect(page.contains("发布公示（2019-09）"))
                let future = try await admin.post(
                    "/admin/publications", form: [("_csrf", token), ("plan", String(plan.id)), ("period", "2019-11"), ("objectionDays", "7")])
                #expect(future.status == .badRequest)
                #expect(Self.text(future).contains("2019-11尚未到来：只能公示截至2019-10的月份。"))
                #expect(!Self.text(future).contains("lies in the future"))
                let backwards = try await admin.post(
                    "/admin/publications", form: [("_csrf", token), ("plan", String(plan.id)), ("period", "2019-06"), ("objectionDays", "")])
                #expect(backwards.status == .badRequest)
                let published = try await admin.post(
                    "/admin/publications", form: [("_csrf", token), ("plan", String(plan.id)), ("period", "2019-09"), ("objectionDays", "5")])
                #expect(published.status == .ok)
                let latest = try #require(try await database.read { try await PublicationStore().latest(planID: plan.id, on: $0) })
                #expect(latest.sequence == 4)
                #expect(latest.snapshot.objectionsUntil == CalendarDate(year: 2019, month: 10, day: 17))
                #expect(Self.text(published).contains(latest.hash))
                #expect(Self.text(try await client.execute(uri: "/public/plans/\(plan.id)/publications", method: .get)).contains(latest.hash))
                let audit = try await database.read { try await AuditLog.entries(limit: 20, on: $0) }
                #expect(audit.contains { $0.action == "publication.publish" && $0.actor == "admin" })

                var leader = WebSession(client: client)
                let leaderToken = try #require(try await leader.login("leader", Self.password))
                #expect(
                    try await leader.post("/admin/publications", form: [("_csrf", leaderToken), ("plan", String(plan.id)), ("period", "2019-09")])
                        .status == .forbidden)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func theAPIPublishesAndModerates(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await Self.demo(database)
            let admin = try #require(try await database.read { try await UserStore().user(username: "admin", on: $0) })
            let token = try await database.write { try await TokenStore().create(userID: admin.id, name: "disclosure", now: Date(), on: $0) }.secret
            let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            try await Self.app(database).test(.router) { client in
                let list = try await client.execute(uri: "/api/v1/plans/\(plan.id)/publications", method: .get)
                #expect(list.status == .ok, "publications are public")
                #expect(SchemaCheck.problems(try APITests.json(list), .array(.ref("Publication"))) == [])
                #expect((try APITests.json(list) as? [[String: Any]])?.count == 3)

                let published = try await client.execute(
                    uri: "/api/v1/plans/\(plan.id)/publications", method: .post, headers: headers,
                    body: ByteBuffer(string: #"{"period": "2019-09", "objectionDays": 7}"#))
                #expect(published.status == .created)
                let publication = try #require(try APITests.json(published) as? [String: Any])
                #expect(SchemaCheck.problems(publication, .ref("Publication")) == [])
                #expect(publication["sequence"] as? Int == 4)
                #expect(publication["objectionsUntil"] as? String == "2019-10-19")
                let bad = try await client.execute(
                    uri: "/api/v1/plans/\(plan.id)/publications", method: .post, headers: headers,
                    body: ByteBuffer(string: #"{"period": "September"}"#))
                #expect(bad.status == .badRequest)
                #expect(SchemaCheck.problems(try APITests.json(bad), .ref("Problem")) == [])

                let pending = try await client.execute(uri: "/api/v1/plans/\(plan.id)/public-messages?state=pending", method: .get, headers: headers)
                let messages = try #require(try APITests.json(pending) as? [[String: Any]])
                #expect(SchemaCheck.problems(messages, .array(.ref("PublicMessage"))) == [])
                let suggestion = try #require(messages.first { $0["itemNumber"] as? Int == 24 })
                let id = try #require(suggestion["id"] as? Int)
                let answered = try await client.execute(
                    uri: "/api/v1/public-messages/\(id)", method: .post, headers: headers,
                    body: ByteBuffer(string: #"{"answer": "已通知各留守儿童之家在社区公告栏张贴开放时间。"}"#))
                #expect(answered.status == .ok)
                #expect((try APITests.json(answered) as? [String: Any])?["state"] as? String == "answered")
                let twice = try await client.execute(
                    uri: "/api/v1/public-messages/\(id)", method: .post, headers: headers, body: ByteBuffer(string: "{}"))
                #expect(twice.status == .conflict)
                #expect(Self.text(try await client.execute(uri: "/public/plans/\(plan.id)/items/24", method: .get)).contains("已通知各留守儿童之家"))

                #expect(
                    try await client.execute(
                        uri: "/api/v1/photos/999999", method: .put, headers: headers, body: ByteBuffer(string: #"{"public": true}"#)
                    ).status == .notFound)
                #expect(try await client.execute(uri: "/api/v1/plans/\(plan.id)/public-messages", method: .get).status == .unauthorized)
            }
        }
    }
}
