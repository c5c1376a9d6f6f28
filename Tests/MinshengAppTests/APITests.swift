import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// Checks a decoded JSON value against the API's schemas.
enum SchemaCheck {
    static func problems(_ value: Any, _ schema: APISchema, path: String = "$") -> [String] {
        switch schema {
        case .any: return []
        case .string: return value is String ? [] : ["\(path): expected a string, got \(value)"]
        case .integer:
            guard let number = value as? NSNumber, number.doubleValue == number.doubleValue.rounded() else {
                return ["\(path): expected an integer, got \(value)"]
            }
            return []
        case .boolean: return (value as? NSNumber) != nil ? [] : ["\(path): expected a boolean"]
        case .number: return (value as? NSNumber) != nil ? [] : ["\(path): expected a number, got \(value)"]
        case .enumeration(let values):
            return (value as? String).map { values.contains($0) ? [] : ["\(path): \($0) not in \(values)"] } ?? ["\(path): expected a string"]
        case .nullable(let inner): return value is NSNull ? [] : problems(value, inner, path: path)
        case .ref(let name):
            guard let resolved = OpenAPIDocument.components[name] else { return ["\(path): unknown schema \(name)"] }
            return problems(value, resolved, path: path)
        case .array(let items):
            guard let array = value as? [Any] else { return ["\(path): expected an array"] }
            return array.enumerated().flatMap { problems($0.element, items, path: "\(path)[\($0.offset)]") }
        case .object(let properties, let required):
            guard let object = value as? [String: Any] else { return ["\(path): expected an object"] }
            var found = required.filter { object[$0] == nil }.map { "\(path).\($0): missing" }
            let known = Dictionary(uniqueKeysWithValues: properties)
            for (key, item) in object {
                guard let propertySchema = known[key] else {
                    found.append("\(path).\(key): not in the schema")
                    continue
                }
                found += problems(item, propertySchema, path: "\(path).\(key)")
            }
            return found
        }
    }
}

@Suite struct APITests {
    static func json(_ response: TestResponse) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(buffer: response.body), options: [.fragmentsAllowed])
    }

    @Test(arguments: TestEngine.available)
    func tokensGiveAPIAccessUntilRevoked(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            try await f.app().test(.router) { client in
                var web = WebSession(client: client)
                let csrf = try #require(try await web.login("lead", ReportingFixture.password))
                var headers: HTTPFields = [.contentType: "application/json", .cookie: web.cookieHeader]
                headers[.init("X-CSRF-Token")!] = csrf
                let created = try await client.execute(
                    uri: "/api/v1/tokens", method: .post, headers: headers, body: ByteBuffer(string: #"{"name":"统计系统"}"#))
                #expect(created.status == .created)
                let body = try #require(try Self.json(created) as? [String: Any])
                let secret = try #require(body["secret"] as? String)
                let id = try #require(body["id"] as? Int)
                let stored = try await database.read { db in try await db.select().column("token_hash").from("api_tokens").all() }
                #expect(try stored.map { try $0.decode(column: "token_hash", as: String.self) } == [Tokens.hash(secret)])

                let bearer: HTTPFields = [.authorization: "Bearer \(secret)", .contentType: "application/json"]
                let me = try await client.execute(uri: "/api/v1/me", method: .get, headers: bearer, body: nil)
                #expect(me.status == .ok)
                #expect((try Self.json(me) as? [String: Any])?["username"] as? String == "lead")

                // Save and submit through the API with a token; no CSRF header is needed.
                let save = try await client.execute(
                    uri: "/api/v1" + f.reportPath, method: .put, headers: bearer,
                    body: ByteBuffer(string: #"{"values":[{"indicatorId":\#(f.topIndicator.id),"value":"12.5"}],"progress":"API 报送","submit":true}"#)
                )
                #expect(save.status == .ok)
                let report = try #require(try Self.json(save) as? [String: Any])
                #expect(report["state"] as? String == "submitted")
                #expect((report["values"] as? [[String: Any]])?.first?["value"] as? String == "12.5")

                let revoke = try await client.execute(uri: "/api/v1/tokens/\(id)", method: .delete, headers: bearer, body: nil)
                #expect(revoke.status == .ok)
                let after = try await client.execute(uri: "/api/v1/me", method: .get, headers: bearer, body: nil)
                #expect(after.status == .unauthorized)
                #expect(after.headers[.contentType] == "application/problem+json")
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func theAPIRunsTheWholeCycleAndAnswersConflictsWithTheCurrentVersion(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let leadToken = try await database.write { try await TokenStore().create(userID: f.user("lead").id, name: "t", now: Date(), on: $0) }
                .secret
            let adminToken = try await database.write { try await TokenStore().create(userID: f.user("admin").id, name: "t", now: Date(), on: $0) }
                .secret
            try await f.app().test(.router) { client in
                func call(_ method: HTTPRequest.Method, _ uri: String, _ token: String, _ body: String? = nil, key: String? = nil) async throws
                    -> TestResponse
                {
                    var headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
                    if let key { headers[.init("Idempotency-Key")!] = key }
                    return try await client.execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
                }
                let tasks = try await call(.get, "/api/v1/plans/\(f.plan.id)/tasks?period=2019-09", leadToken)
                #expect(tasks.status == .ok)
                #expect(SchemaCheck.problems(try Self.json(tasks), .array(.ref("Task"))).isEmpty)
                let saved = try await call(.put, "/api/v1" + f.reportPath, leadToken, #"{"values":[],"progress":"a"}"#)
                let first = try #require(try Self.json(saved) as? [String: Any])
                let id = try #require(first["id"] as? Int)
                let lock = try #require(first["lockVersion"] as? Int)
                _ = try await call(.put, "/api/v1" + f.reportPath, leadToken, #"{"lockVersion":\#(lock),"progress":"b"}"#)
                let stale = try await call(.put, "/api/v1" + f.reportPath, leadToken, #"{"lockVersion":\#(lock),"progress":"c"}"#)
                #expect(stale.status == .conflict)
                let problem = try #require(try Self.json(stale) as? [String: Any])
                #expect((problem["current"] as? [String: Any])?["progress"] as? String == "b")

                let submit = try await call(.post, "/api/v1/reports/\(id)/submit", leadToken, #"{"lockVersion":\#(lock + 1)}"#, key: "s1")
                #expect(submit.status == .ok)
                let repeated = try await call(.post, "/api/v1/reports/\(id)/submit", leadToken, #"{"lockVersion":\#(lock + 1)}"#, key: "s1")
                #expect(repeated.status == .ok)
                #expect(String(buffer: repeated.body) == String(buffer: submit.body))
                let queue = try await call(.get, "/api/v1/plans/\(f.plan.id)/reports?state=submitted", adminToken)
                #expect((try Self.json(queue) as? [Any])?.count == 1)
                let accept = try await call(.post, "/api/v1/reports/\(id)/accept", adminToken, #"{"lockVersion":\#(lock + 2)}"#)
                #expect(accept.status == .ok)
                #expect((try Self.json(accept) as? [String: Any])?["state"] as? String == "accepted")
                let detail = try await call(.get, "/api/v1/reports/\(id)", adminToken)
                let detailProblems = SchemaCheck.problems(try Self.json(detail), .ref("ReportDetail"))
                #expect(detailProblems.isEmpty, "\(detailProblems.prefix(3))")
                let forbidden = try await call(.post, "/api/v1/reports/\(id)/accept", leadToken, #"{"lockVersion":1}"#)
                #expect(forbidden.status == .forbidden)
                let badBody = try await call(.put, "/api/v1" + f.reportPath, leadToken, #"{"values":[{"indicatorId":1,"value":12}]}"#)
                #expect(badBody.status == .badRequest)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func theOpenAPIDocumentDescribesEveryRouteAndTheAnswers(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let adminToken = try await database.write { try await TokenStore().create(userID: f.user("admin").id, name: "t", now: Date(), on: $0) }
                .secret
            try await f.app().test(.router) { client in
                let document = try await client.execute(uri: "/api/v1/openapi.json", method: .get)
                #expect(document.status == .ok)
                let json = try #require(try Self.json(document) as? [String: Any])
                #expect(json["openapi"] as? String == "3.0.3")
                let paths = try #require(json["paths"] as? [String: [String: Any]])
                let services = Services(
                    database: database, configuration: f.configuration, publicCache: PublicPageCache(clock: f.configuration.clock),
                    notifier: nil)
                let controller = APIController(services: services)
                for endpoint in controller.endpoints {
                    #expect(paths[endpoint.url.openAPIPath]?[endpoint.method.rawValue.lowercased()] != nil, "\(endpoint.operationID)")
                }
                #expect(paths.values.reduce(0) { $0 + $1.count } == controller.endpoints.count)
                // Every reference resolves.
                let text = String(buffer: document.body)
                let references = text.components(separatedBy: "#/components/schemas/").dropFirst().map { String($0.prefix { $0 != "\"" }) }
                #expect(references.allSatisfy { OpenAPIDocument.components[$0] != nil })

                // Real answers match their documented schemas.
                let headers: HTTPFields = [.authorization: "Bearer \(adminToken)"]
                let checks: [(String, APISchema)] = [
                    ("/api/v1/plans", .array(.ref("PlanSummary"))), ("/api/v1/plans/\(f.plan.id)", .ref("Plan")),
                    ("/api/v1/me", .ref("User")), ("/api/v1/users", .array(.ref("User"))), ("/api/v1/units", .array(.ref("Unit"))),
                    ("/api/v1/plans/\(f.plan.id)/overdue?period=2019-09", .array(.ref("Task"))), ("/api/v1/audit", .array(.ref("AuditEntry"))),
                    ("/api/v1/plans/\(f.plan.id)/calendar", .ref("Calendar")), ("/api/v1/tokens", .array(.ref("Token"))),
                    ("/api/v1/inbox", .array(.ref("Reminder"))), ("/api/v1/plans/\(f.plan.id)/reports?period=2019-09", .array(.ref("Report"))),
                    ("/api/v1/plans/\(f.plan.id)/assessment?period=2019-Q3", .ref("Assessment")),
                ]
                for (uri, schema) in checks {
                    let response = try await client.execute(uri: uri, method: .get, headers: headers, body: nil)
                    #expect(response.status == .ok, "\(uri)")
                    let problems = SchemaCheck.problems(try Self.json(response), schema)
                    #expect(problems.isEmpty, "\(uri): \(problems.prefix(3))")
                }
                let missing = try await client.execute(uri: "/api/v1/reports/999999", method: .get, headers: headers, body: nil)
                #expect(missing.status == .notFound)
                #expect(SchemaCheck.problems(try Self.json(missing), .ref("Problem")) == [])
            }
        }
    }

    /// A notifier that records what it was asked to deliver.
    actor RecordingNotifier: ReminderNotifier {
        var delivered: [ReminderPayload] = []
        nonisolated func deliver(_ payload: ReminderPayload) async -> String {
            await record(payload)
            return "200"
        }
        func record(_ payload: ReminderPayload) { delivered.append(payload) }
    }

    @Test(arguments: TestEngine.available)
    func remindersReachTheInboxAndTheWebhook(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database, now: ReportingFixture.afterDue)
            try await f.saveLead(3, submit: true)
            let notifier = RecordingNotifier()
            try await f.app(notifier: notifier).test(.router) { client in
                var office = WebSession(client: client)
                let token = try #require(try await office.login("admin", ReportingFixture.password))
                let overdue = String(buffer: try await office.get("/overdue?plan=\(f.plan.id)&period=2019-09").body)
                #expect(overdue.contains("栾川县政府"))
                #expect(!overdue.contains(">市应急管理局<"))
                let sent = try await office.post(
                    "/overdue/remind",
                    form: [
                        ("_csrf", token), ("plan", String(f.plan.id)), ("period", "2019-09"), ("unit", String(f.responsibleUnit.id)),
                        ("message", "请于10月15日前报送"), ("scope", "selected"),
                    ])
                #expect(sent.status == .ok)
                #expect(String(buffer: sent.body).contains("已向 1 个单位发出催报"))
                // A unit that is not overdue cannot be reminded by name.
                let wrong = try await office.post(
                    "/overdue/remind",
                    form: [
                        ("_csrf", token), ("plan", String(f.plan.id)), ("period", "2019-09"), ("unit", String(f.leadUnit.id)), ("scope", "selected"),
                    ])
                #expect(wrong.status == .badRequest)

                var county = WebSession(client: client)
                _ = try #require(try await county.login("county", ReportingFixture.password))
                #expect(String(buffer: try await county.get("/inbox").body).contains("请于10月15日前报送"))
            }
            let delivered = await notifier.delivered
            #expect(delivered.count == 1)
            #expect(delivered.first?.unitName == "栾川县政府")
            #expect(delivered.first?.overdueItems.contains(29) == true)
            let stored = try await database.read { try await ReminderStore().reminders(unitID: f.responsibleUnit.id, on: $0) }
            #expect(stored.first?.webhookStatus == "200")
            #expect(stored.first?.readAt != nil)
        }
    }

    @Test(arguments: TestEngine.available)
    func everyAdministrativeWriteIsAudited(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            try await f.app().test(.router) { client in
                var office = WebSession(client: client)
                let token = try #require(try await office.login("admin", ReportingFixture.password))
                let group = try #require(
                    try await database.read { try await PlanStore().units(jurisdictionID: f.plan.jurisdictionID, on: $0) }.first {
                        $0.name == "相关县(市)政府"
                    })
                let writes: [(String, [(String, String)], String)] = [
                    (
                        "/admin/users",
                        [("username", "new-reporter"), ("role", "reporter"), ("unit", String(f.foreignUnit.id)), ("password", "a long password")],
                        "user.create"
                    ),
                    ("/admin/users/\(f.user("leader").id)", [("role", "inspector"), ("unit", "")], "user.update"),
                    ("/admin/units/\(group.id)/members", [("member", String(f.responsibleUnit.id))], "unit.members"),
                    ("/admin/plans/\(f.plan.id)/calendar", [("dueDay", "20"), ("quarterly", String(f.item.id))], "plan.calendar"),
                    ("/account/tokens", [("name", "备份脚本")], "token.create"),
                    ("/logout", [], "logout"),
                ]
                for (path, fields, action) in writes {
                    let before = try await f.auditCount()
                    let response = try await office.post(path, form: [("_csrf", token)] + fields)
                    #expect(response.status == .ok || response.status == .seeOther, "\(path)")
                    let entries = try await database.read { try await AuditLog.entries(limit: 5, on: $0) }
                    #expect(try await f.auditCount() == before + 1, "\(path)")
                    #expect(entries.first?.action == action, "\(path)")
                    #expect(entries.first?.actor == "admin")
                }
            }
            let calendar = try await database.read {
                try await AdminService(database: database, clock: TestDatabase.clock).calendar(planID: f.plan.id, on: $0)
            }
            #expect(calendar == AdminService.Calendar(dueDay: 20, quarterlyItemIds: [f.item.id]))
            let leader = try #require(try await database.read { try await UserStore().user(id: f.user("leader").id, on: $0) })
            #expect(leader.role == .inspector)
            let audited = try await database.read { try await AuditLog.entries(on: $0) }
            #expect(!audited.contains { ($0.after ?? "").contains("password") || ($0.after ?? "").contains("$2b$") })
        }
    }

    @Test(arguments: TestEngine.available)
    func theDemoTellsItsStory(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let outcome = try await FirstStart(database: database, logger: TestDatabase.logger, clock: TestDatabase.clock).run(
                loadDemo: true, adminPassword: "demo password")
            #expect(outcome.loadedDemo)
            let plan = try #require(try await database.read { try await PlanStore().plans(on: $0) }.first)
            let configuration = AppConfiguration(dataDirectory: "/tmp/unused", clock: { ReportingFixture.afterDue })
            let service = ReportingService(database: database, configuration: configuration)
            let september = try await database.read { try await service.tasks(planID: plan.id, period: .month(year: 2019, month: 9), on: $0) }
            let units = Dictionary(
                uniqueKeysWithValues: try await database.read { try await PlanStore().units(jurisdictionID: plan.jurisdictionID, on: $0) }.map {
                    ($0.id, $0.name)
                })
            #expect(Set(september.filter(\.isOverdue).map { units[$0.obligation.unitID] ?? "" }) == ["市人防办"])
            let may = try await database.read { try await service.tasks(planID: plan.id, period: .month(year: 2019, month: 5), on: $0) }
            #expect(may.allSatisfy { !$0.isOverdue })
            #expect(september.contains { $0.report?.state == .returned })
            #expect(september.contains { $0.wasLate })
            let reports = try await database.read { try await ReportStore().reports(planID: plan.id, state: .accepted, on: $0) }
            #expect(reports.contains { $0.version == 2 && $0.correctionReason != nil })
            let months = Set(reports.map(\.period))
            #expect(months == Set((1...9).map { Period.month(year: 2019, month: $0) }))
            let reminders = try await database.read {
                try await ReminderStore().reminders(planID: plan.id, period: .month(year: 2019, month: 9), on: $0)
            }
            // One reminder to the silent unit, and the message that tells item 27's unit of its returned report.
            #expect(reminders.filter { $0.kind == .reminder }.count == 1)
            #expect(reminders.filter { $0.kind == .returned }.count == 1)
            // The demo accounts sign in with the admin's password.
            let reporter = try #require(try await database.read { try await UserStore().user(username: "jiaoyu", on: $0) })
            #expect(Passwords.verify("demo password", hash: reporter.passwordHash))
        }
    }
}
