import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import Testing

@testable import MinshengApp

@Suite struct AppTests {
    /// Runs `body` with a test client for a router over a database holding the demo.
    static func withDemoApp(_ engine: TestEngine, _ body: @escaping @Sendable (any TestClientProtocol, AppDatabase) async throws -> Void) async throws
    {
        try await TestDatabase.with(engine) { database in
            _ = try await database.write { try await DemoLoader(clock: TestDatabase.clock).load(on: $0) }
            let app = Application(router: buildRouter(database: database, configuration: TestDatabase.configuration()))
            try await app.test(.router) { client in try await body(client, database) }
        }
    }

    struct PlanList: Decodable {
        struct Summary: Decodable {
            var id: Int64
            var year: Int
            var title: String
        }
    }

    struct PlanBody: Decodable {
        struct Category: Decodable {
            var ordinal: Int
            var name: String
            var items: [Item]
        }
        struct Item: Decodable {
            var number: Int
            var text: String
            var leadUnitIds: [Int64]
            var responsibleUnitIds: [Int64]
        }
        struct Unit: Decodable {
            var id: Int64
            var name: String
            var kind: String
        }
        var id: Int64
        var year: Int
        var title: String
        var issuers: [String]
        var issuedOn: String?
        var categories: [Category]
        var units: [Unit]
    }

    @Test(arguments: TestEngine.available)
    func theAPIReturnsTheDemoPlan(engine: TestEngine) async throws {
        try await Self.withDemoApp(engine) { client, _ in
            let list = try await client.execute(uri: "/api/v1/plans", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                return try JSONDecoder().decode([PlanList.Summary].self, from: Data(buffer: response.body))
            }
            #expect(list.count == 1)
            #expect(list.first?.year == 2019)
            let id = try #require(list.first?.id)

            let plan = try await client.execute(uri: "/api/v1/plans/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                return try JSONDecoder().decode(PlanBody.self, from: Data(buffer: response.body))
            }
            #expect(plan.title == "2019年洛阳市重点民生实事工作方案")
            #expect(plan.categories.count == 11)
            #expect(plan.categories.flatMap(\.items).count == 51)
            #expect(plan.categories.flatMap(\.items).map(\.number) == Array(1...51))
            #expect(plan.categories.first?.name == "脱贫攻坚")
            #expect(plan.issuedOn == "2019-02-18")
            let unitNames = Dictionary(uniqueKeysWithValues: plan.units.map { ($0.id, $0.name) })
            let item29 = try #require(plan.categories.flatMap(\.items).first { $0.number == 29 })
            #expect(item29.responsibleUnitIds.compactMap { unitNames[$0] } == ["栾川县政府", "嵩县政府", "汝阳县政府"])
            #expect(plan.units.first { $0.name == "各县(市、区)政府" }?.kind == "group")
        }
    }

    @Test(arguments: TestEngine.available)
    func anUnknownPlanIsAProblem(engine: TestEngine) async throws {
        try await Self.withDemoApp(engine) { client, _ in
            try await client.execute(uri: "/api/v1/plans/999", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(response.headers[.contentType] == "application/problem+json")
                let body = try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any]
                #expect(body?["status"] as? Int == 404)
            }
            try await client.execute(uri: "/api/v1/plans/abc", method: .get) { response in
                #expect(response.status == .badRequest)
            }
            try await client.execute(uri: "/plans/999", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("没有编号为 999 的工作方案"))
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func theHomePageListsItemsByCategoryWithUnits(engine: TestEngine) async throws {
        try await Self.withDemoApp(engine) { client, _ in
            try await client.execute(uri: "/", method: .get) { response in
                #expect(response.status == .ok)
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"zh-CN\">"))
                #expect(html.contains("2019年洛阳市重点民生实事工作方案"))
                #expect(html.contains("一、脱贫攻坚"))
                #expect(html.contains("十一、便民"))
                #expect(html.components(separatedBy: "class=\"item\"").count - 1 == 51)
                #expect(html.contains("市人力资源和社会保障局"))
                #expect(html.contains("牵头单位"))
            }
            try await client.execute(uri: "/?lang=en", method: .get) { response in
                let html = String(buffer: response.body)
                #expect(html.contains("<html lang=\"en\">"))
                #expect(html.contains("Lead units"))
                #expect(response.headers[.setCookie]?.contains("lang=en") == true)
            }
            try await client.execute(uri: "/static/minsheng.css", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("text/css") == true)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func healthzAnswers200AndThen503WhenTheDatabaseIsGone(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let app = Application(router: buildRouter(database: database, configuration: TestDatabase.configuration()))
            try await app.test(.router) { client in
                try await client.execute(uri: "/healthz", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).contains("\"status\":\"ok\""))
                }
                await database.shutdown()
                try await client.execute(uri: "/healthz", method: .get) { response in
                    #expect(response.status == .serviceUnavailable)
                }
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func anEmptyInstanceSaysSo(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let app = Application(router: buildRouter(database: database, configuration: TestDatabase.configuration()))
            try await app.test(.router) { client in
                try await client.execute(uri: "/", method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).contains("还没有工作方案"))
                }
            }
        }
    }
}
