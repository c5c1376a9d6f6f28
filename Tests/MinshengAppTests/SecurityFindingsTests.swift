import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// Regression tests of the outside review's findings that are not about accounts or report visibility: import
/// drafts owned by their office, sign-in throttling that cannot be outrun, safe returns after sign-in, HTTP methods,
/// bounded values and the day a report counts as submitted.
@Suite struct SecurityFindingsTests {
    /// Finding 5: another office's import draft could be read and edited.
    @Test(arguments: TestEngine.available)
    func anImportDraftBelongsToTheOfficeThatUploadedIt(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            _ = try await JurisdictionTests.tree(on: database)
            try await AccountSecurityTests.app(database).test(.router) { client in
                var owner = WebSession(client: client)
                let ownerToken = try #require(try await owner.login("admin", "demo password"))
                let upload = try await owner.postMultipart(
                    "/admin/imports", fields: [("_csrf", ownerToken)], file: ("洛阳2019.txt", try ImportWebTests.seedFile()))
                #expect(upload.status == .seeOther)
                let location = try #require(upload.headers[.location])
                for name in ["kaifeng-admin", "luoyang-admin"] {
                    var other = WebSession(client: client)
                    let token = try #require(try await other.login(name, "correct horse"))
                    #expect(try await other.get(location).status == .notFound, "\(name) reads")
                    let edit = try await other.post("\(location)/plan", form: [("_csrf", token), ("title", "篡改")])
                    #expect(edit.status == .notFound, "\(name) edits")
                    let confirm = try await other.post("\(location)/confirm", form: [("_csrf", token)])
                    #expect(confirm.status == .notFound, "\(name) confirms")
                }
                let review = String(buffer: try await owner.get(location).body)
                #expect(review.contains("2019年洛阳市重点民生实事工作方案") && !review.contains("篡改"))
                // A scoped office's own draft is its own, and not the instance-wide office's.
                var kaifeng = WebSession(client: client)
                let kaifengToken = try #require(try await kaifeng.login("kaifeng-admin", "correct horse"))
                let own = try await kaifeng.postMultipart(
                    "/admin/imports", fields: [("_csrf", kaifengToken)], file: ("洛阳2019.txt", try ImportWebTests.seedFile()))
                let ownLocation = try #require(own.headers[.location])
                #expect(try await kaifeng.get(ownLocation).status == .ok)
                #expect(try await owner.get(ownLocation).status == .notFound)
            }
        }
    }

    /// Finding 6: ten simultaneous wrong passwords were all checked although the limit is five.
    @Test(arguments: TestEngine.available)
    func simultaneousWrongPasswordsCannotOutrunTheThrottle(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            try await TestUsers.create("target", role: .reporter, on: database)
            try await AccountSecurityTests.app(database).test(.router) { client in
                var form = WebSession(client: client)
                let page = String(buffer: try await form.get("/login").body)
                let csrf = try #require(WebSession.csrf(in: page))
                let cookies = form.cookieHeader
                let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                    for attempt in 0..<10 {
                        group.addTask {
                            let body = "_csrf=\(csrf)&username=target&password=wrong\(attempt)"
                            let response = try await client.execute(
                                uri: "/login", method: .post,
                                headers: [
                                    .contentType: "application/x-www-form-urlencoded", .cookie: cookies,
                                    .init("X-Forwarded-For")!: "10.0.0.\(attempt)",
                                ],
                                body: ByteBuffer(string: body)
                            )
                            return response.status
                        }
                    }
                    var all: [HTTPResponse.Status] = []
                    for try await status in group { all.append(status) }
                    return all
                }
                #expect(statuses.filter { $0 == .unauthorized }.count == 5, "\(statuses)")
                #expect(statuses.filter { $0 == .tooManyRequests }.count == 5, "\(statuses)")
                let failures = try await database.read { db in
                    try await db.select().column("username").from("login_failures").where("username", .equal, "target").all().count
                }
                #expect(failures == 5)
            }
        }
    }

    /// An office behind one address signs in together: thirty simultaneous right passwords all pass, because the
    /// address counts settled failures only.
    @Test(arguments: TestEngine.available)
    func anOfficeBehindOneAddressSignsInTogether(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            for index in 0..<30 { try await TestUsers.create("staff\(index)", role: .leader, on: database) }
            try await AccountSecurityTests.app(database).test(.router) { client in
                var form = WebSession(client: client)
                let csrf = try #require(WebSession.csrf(in: String(buffer: try await form.get("/login").body)))
                let cookies = form.cookieHeader
                let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                    for index in 0..<30 {
                        group.addTask {
                            try await client.execute(
                                uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded", .cookie: cookies],
                                body: ByteBuffer(string: "_csrf=\(csrf)&username=staff\(index)&password=correct+horse")
                            ).status
                        }
                    }
                    var all: [HTTPResponse.Status] = []
                    for try await status in group { all.append(status) }
                    return all
                }
                #expect(statuses.allSatisfy { $0 == .seeOther }, "\(statuses)")
            }
        }
    }

    /// Finding 10: only same-site paths are followed after sign-in.
    @Test func onlySameSitePathsAreFollowedAfterSignIn() {
        for hostile in [
            "/\t/evil.example/", "/\n/evil.example", "//evil.example", "/\\evil.example", "/ /evil", "https://evil.example",
            "evil.example", "/\u{0}x", "javascript:alert(1)", "/\u{3000}/evil",
        ] {
            #expect(LoginController.safeNext(hostile) == nil, "\(hostile.debugDescription)")
        }
        #expect(LoginController.safeNext("/%0a") == "/%0a", "percent-encoded text stays text in a path")
        for path in ["/", "/overview?plan=1&period=2019-09", "/plans/1/items/3#reports"] {
            #expect(LoginController.safeNext(path) == path)
        }
    }

    @Test(arguments: TestEngine.available)
    func aHostileReturnAfterSignInLeadsHome(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            try await TestUsers.create("office", role: .admin, on: database)
            try await AccountSecurityTests.app(database).test(.router) { client in
                var web = WebSession(client: client)
                let page = String(buffer: try await web.get("/login").body)
                let csrf = try #require(WebSession.csrf(in: page))
                let response = try await web.post(
                    "/login", form: [("_csrf", csrf), ("username", "office"), ("password", "correct horse"), ("next", "/\t/evil.example/")])
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/")
            }
        }
    }

    /// Finding 10: HEAD answers like GET without a body; a method a path does not take answers 405 with `Allow`.
    @Test(arguments: TestEngine.available)
    func methodsAnswerAsHTTPExpects(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await DocumentTests.demo(database)
            try await AccountSecurityTests.app(database).test(.router) { client in
                for path in ["/", "/public/plans/\(plan.id)", "/login", "/api/v1/plans"] {
                    let get = try await client.execute(uri: path, method: .get)
                    let head = try await client.execute(uri: path, method: .head)
                    #expect(head.status == get.status, "HEAD \(path)")
                    #expect(head.body.readableBytes == 0, "HEAD \(path) has a body")
                    #expect(head.headers[.contentType] == get.headers[.contentType], "HEAD \(path)")
                }
                let put = try await client.execute(uri: "/overview", method: .put)
                #expect(put.status == .methodNotAllowed)
                #expect(put.headers[.allow] == "GET, HEAD")
                let delete = try await client.execute(uri: "/api/v1/plans", method: .delete)
                #expect(delete.status == .methodNotAllowed)
                #expect(delete.headers[.allow] == "GET, HEAD")
                #expect(delete.headers[.contentType] == "application/problem+json")
                let patch = try await client.execute(uri: "/login", method: .patch)
                #expect(patch.status == .methodNotAllowed && patch.headers[.allow] == "GET, HEAD, POST")
                let item = try await client.execute(uri: "/plans/\(plan.id)/items/3", method: .delete)
                #expect(item.status == .methodNotAllowed && item.headers[.allow] == "GET, HEAD", "a path with parameters")
                #expect(try await client.execute(uri: "/no/such/page", method: .put).status == .notFound)
            }
        }
    }

    /// Finding 10: a 42-digit percentage was accepted. Values are bounded by the indicator's kind.
    @Test(arguments: TestEngine.available)
    func valuesAreBoundedByKind(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let token = try await AccountSecurityTests.token(for: "lead", on: database)
            try await f.app().test(.router) { client in
                let path = "/api/v1" + f.reportPath
                for value in ["123456789012345678901234567890123456789012", "1000000000000000.5", "0.1234567", "-1"] {
                    let body = #"{"values":[{"indicatorId":\#(f.topIndicator.id),"value":"\#(value)"}],"submit":false}"#
                    let response = try await client.execute(
                        uri: path, method: .put, headers: AccountSecurityTests.headers(token), body: ByteBuffer(string: body))
                    #expect(response.status == .badRequest, "\(value)")
                }
                var web = WebSession(client: client)
                let csrf = try #require(try await web.login("lead", ReportingFixture.password))
                let form = try await web.post(
                    f.reportPath, form: [("_csrf", csrf), ("value.\(f.topIndicator.id)", String(repeating: "9", count: 42)), ("action", "save")])
                #expect(form.status == .badRequest)
                #expect(String(buffer: form.body).contains("不能超过"))
            }
        }
        #expect(ValueBounds.refusal(101, kind: .rate, measure: "%") == nil)
        #expect(ValueBounds.refusal(1001, kind: .rate, measure: "%") == .tooLarge(limit: 1000))
        #expect(ValueBounds.refusal(5, kind: .milestone, measure: "") == .numberForMilestone)
        #expect(ValueBounds.refusal(Decimal(string: "98600.25")!, kind: .cumulative, measure: "人") == nil)
    }

    /// The time-zone finding: a report stored at 2019-09-25T17:00Z was submitted at 01:00 on the 26th in Beijing,
    /// after a due day of the 25th; at 15:00Z (23:00 on the 25th) it was on time.
    @Test(arguments: TestEngine.available)
    func aReportIsLateByTheDayInThePlansZone(engine: TestEngine) async throws {
        for (instant, late) in [("2019-09-25T17:00:00Z", true), ("2019-09-25T15:00:00Z", false)] {
            try await TestDatabase.with(engine) { database in
                let now = try #require(ISO8601DateFormatter().date(from: instant))
                let f = try await ReportingFixture.make(database, now: now)
                let report = try await f.saveLead(3, submit: true)
                #expect(report.submittedAt == instant, "the configured clock stamps the submission")
                let task = try await database.read { db in
                    try #require(
                        try await f.service.tasks(planID: f.plan.id, period: ReportingFixture.september, unitID: f.leadUnit.id, on: db)
                            .first { $0.obligation.itemID == f.item.id })
                }
                #expect(task.dueDate == CalendarDate(year: 2019, month: 9, day: 25))
                #expect(task.wasLate == late, "\(instant)")
            }
        }
        #expect(Timeliness.day(of: "2019-09-25T17:00:00Z", in: TimeZone(identifier: "Asia/Shanghai")!) == CalendarDate(year: 2019, month: 9, day: 26))
    }

    /// One clock: everything a request stamps (the audit log, tokens, reports, reminders) comes from the configured
    /// clock, never from a second one.
    @Test(arguments: TestEngine.available)
    func everythingARequestStampsComesFromTheConfiguredClock(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let instant = "2019-09-26T03:00:00Z"
            let f = try await ReportingFixture.make(database, now: try #require(ISO8601DateFormatter().date(from: instant)))
            let firstEntry = try await database.read { try await AuditLog.count(on: $0) }
            try await f.app().test(.router) { client in
                var lead = WebSession(client: client)
                let csrf = try #require(try await lead.login("lead", ReportingFixture.password))
                #expect(
                    try await lead.post(f.reportPath, form: [("_csrf", csrf), ("value.\(f.topIndicator.id)", "9"), ("action", "submit")]).status
                        == .seeOther)
                let tokens = try await lead.get("/account/tokens")
                let tokenCSRF = try #require(WebSession.csrf(in: String(buffer: tokens.body)))
                _ = try await lead.post("/account/tokens", form: [("_csrf", tokenCSRF), ("name", "clock")])
                var admin = WebSession(client: client)
                let adminCSRF = try #require(try await admin.login("admin", ReportingFixture.password))
                _ = try await admin.post("/overdue/remind?plan=\(f.plan.id)&period=2019-09", form: [("_csrf", adminCSRF), ("message", "请报送")])
            }
            let stamps = try await database.read { db -> [String] in
                var all = try await AuditLog.entries(limit: 1000, on: db).filter { $0.id > Int64(firstEntry) }.map(\.at)
                all += try await db.select().column("created_at").from("api_tokens").all().map { try $0.string("created_at") }
                all += try await db.select().column("submitted_at").from("reports").where("submitted_at", .isNot, SQLLiteral.null).all()
                    .map { try $0.string("submitted_at") }
                all += try await db.select().column("created_at").from("reminders").all().map { try $0.string("created_at") }
                return all
            }
            #expect(stamps.count >= 6, "\(stamps)")
            #expect(stamps.allSatisfy { $0 == instant }, "\(Set(stamps))")
        }
    }
}
