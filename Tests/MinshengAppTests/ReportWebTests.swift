import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// The reporting cycle in the browser's terms: pages, forms, tokens, uploads.
@Suite struct ReportWebTests {
    /// Who may do what, over HTTP: each role and a foreign unit against each action.
    @Test(arguments: TestEngine.available)
    func theAccessMatrix(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let submitted = try await f.saveLead(7, submit: true)
            try await f.app().test(.router) { client in
                /// GET pages: expected status by user.
                let pages: [(String, [String: HTTPResponse.Status])] = [
                    // A responsible unit reports its own part; the lead unit's report is not its to read.
                    (f.reportPath, ["admin": .ok, "leader": .ok, "inspector": .ok, "lead": .ok, "county": .notFound, "foreign": .notFound]),
                    // The review queue is the office's work list; leaders and inspectors follow progress elsewhere.
                    (
                        "/review",
                        [
                            "admin": .ok, "leader": .forbidden, "inspector": .forbidden, "lead": .forbidden, "county": .forbidden,
                            "foreign": .forbidden,
                        ]
                    ),
                    ("/overdue", ["admin": .ok, "leader": .ok, "inspector": .ok, "lead": .forbidden, "foreign": .forbidden]),
                    ("/admin/users", ["admin": .ok, "leader": .forbidden, "inspector": .forbidden, "lead": .forbidden]),
                    ("/admin/audit", ["admin": .ok, "leader": .forbidden, "inspector": .forbidden, "lead": .forbidden]),
                    ("/admin/units", ["admin": .ok, "leader": .forbidden, "lead": .forbidden]),
                    ("/tasks", ["admin": .ok, "leader": .ok, "inspector": .ok, "lead": .ok, "foreign": .ok]),
                ]
                var sessions: [String: (WebSession, String)] = [:]
                for name in ["admin", "leader", "inspector", "lead", "county", "foreign"] {
                    var web = WebSession(client: client)
                    let token = try #require(try await web.login(name, ReportingFixture.password))
                    sessions[name] = (web, token)
                }
                for (path, expected) in pages {
                    for (name, status) in expected {
                        var web = sessions[name]!.0
                        #expect(try await web.get(path).status == status, "\(name) GET \(path)")
                    }
                }
                // Review actions: only the office. The route's capability is checked before any record is looked at, so
                // every other role is refused alike, whether or not it may see the report.
                for name in ["leader", "inspector", "lead", "county", "foreign"] {
                    var (web, token) = sessions[name]!
                    let response = try await web.post(
                        f.reportPath + "/review",
                        form: [
                            ("_csrf", token), ("report", String(submitted.id)), ("lock", String(submitted.lockVersion)), ("action", "accept"),
                        ])
                    #expect(response.status == .forbidden, "\(name) accepts")
                }
                // Writing the lead unit's report: its reporters and the office, nobody else.
                for name in ["leader", "inspector", "county", "foreign"] {
                    var (web, token) = sessions[name]!
                    let response = try await web.post(
                        f.reportPath, form: [("_csrf", token), ("value.\(f.topIndicator.id)", "9"), ("action", "save")])
                    #expect(response.status == .forbidden, "\(name) writes")
                }
                var (admin, adminToken) = sessions["admin"]!
                let accept = try await admin.post(
                    f.reportPath + "/review",
                    form: [
                        ("_csrf", adminToken), ("report", String(submitted.id)), ("lock", String(submitted.lockVersion)), ("action", "accept"),
                    ])
                #expect(accept.status == .seeOther)
                // Reminders: the office only.
                var (lead, leadToken) = sessions["lead"]!
                let remind = try await lead.post(
                    "/overdue/remind", form: [("_csrf", leadToken), ("plan", String(f.plan.id)), ("period", "2019-09"), ("scope", "all")])
                #expect(remind.status == .forbidden)
                // API: a reporter sees only its own tasks.
                var (foreign, _) = sessions["foreign"]!
                #expect(try await foreign.get("/api/v1/plans/\(f.plan.id)/tasks?period=2019-09&unit=\(f.leadUnit.id)").status == .forbidden)
                #expect(try await foreign.get("/api/v1/reports/\(submitted.id)").status == .notFound)
                _ = adminToken
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func aReporterSubmitsAndTheOfficeReturnsAndAccepts(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            try await f.app().test(.router) { client in
                var lead = WebSession(client: client)
                let token = try #require(try await lead.login("lead", ReportingFixture.password))
                let tasks = String(buffer: try await lead.get("/tasks?period=2019-09").body)
                #expect(tasks.contains(f.reportPath))
                let save = try await lead.post(
                    f.reportPath,
                    form: [
                        ("_csrf", token), ("_idempotency", "k1"), ("lock", ""), ("value.\(f.topIndicator.id)", "４０"), ("progress", "已完成40座"),
                        ("problems", "无"), ("nextSteps", "继续"), ("action", "submit"),
                    ])
                #expect(save.status == .seeOther)
                // The same request again (a retry) changes nothing.
                let retry = try await lead.post(
                    f.reportPath,
                    form: [
                        ("_csrf", token), ("_idempotency", "k1"), ("lock", ""), ("value.\(f.topIndicator.id)", "40"), ("action", "submit"),
                    ])
                #expect(retry.status == .seeOther)
                let page = String(buffer: try await lead.get(f.reportPath).body)
                #expect(page.contains("已报送"))
                let reports = try await database.read {
                    try await ReportStore().versions(itemID: f.item.id, unitID: f.leadUnit.id, period: ReportingFixture.september, on: $0)
                }
                #expect(reports.count == 1)
                #expect(reports[0].value(for: f.topIndicator.id)?.value == 40)

                var office = WebSession(client: client)
                let officeToken = try #require(try await office.login("admin", ReportingFixture.password))
                let queue = String(buffer: try await office.get("/review?plan=\(f.plan.id)").body)
                #expect(queue.contains(f.reportPath))
                let returned = try await office.post(
                    f.reportPath + "/review",
                    form: [
                        ("_csrf", officeToken), ("report", String(reports[0].id)), ("lock", String(reports[0].lockVersion)), ("action", "return"),
                        ("reason", "请附照片"),
                    ])
                #expect(returned.status == .seeOther)
                let again = String(buffer: try await lead.get(f.reportPath).body)
                #expect(again.contains("请附照片"))
                let current = try #require(try await database.read { try await ReportStore().report(id: reports[0].id, on: $0) })
                _ = try await lead.post(
                    f.reportPath,
                    form: [
                        ("_csrf", token), ("lock", String(current.lockVersion)), ("value.\(f.topIndicator.id)", "41"), ("action", "submit"),
                    ])
                let resubmitted = try #require(try await database.read { try await ReportStore().report(id: reports[0].id, on: $0) })
                #expect(resubmitted.state == .submitted)
                _ = try await office.post(
                    f.reportPath + "/review",
                    form: [
                        ("_csrf", officeToken), ("report", String(resubmitted.id)), ("lock", String(resubmitted.lockVersion)), ("action", "accept"),
                    ])
                let accepted = try #require(try await database.read { try await ReportStore().report(id: reports[0].id, on: $0) })
                #expect(accepted.state == .accepted)
                #expect(accepted.value(for: f.topIndicator.id)?.value == 41)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func aStaleFormShowsTheConflictAndKeepsWhatWasTyped(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let opened = try await f.saveLead(10)
            try await f.saveLead(11, lock: opened.lockVersion)
            try await f.app().test(.router) { client in
                var lead = WebSession(client: client)
                let token = try #require(try await lead.login("lead", ReportingFixture.password))
                let stale = try await lead.post(
                    f.reportPath,
                    form: [
                        ("_csrf", token), ("lock", String(opened.lockVersion)), ("value.\(f.topIndicator.id)", "99"), ("progress", "我写的进展"),
                        ("action", "save"),
                    ])
                #expect(stale.status == .conflict)
                let html = String(buffer: stale.body)
                #expect(html.contains("保存冲突"))
                #expect(html.contains("value=\"99\""))
                #expect(html.contains("我写的进展"))
            }
            let stored = try #require(try await database.read { try await ReportStore().report(id: opened.id, on: $0) })
            #expect(stored.value(for: f.topIndicator.id)?.value == 11)
        }
    }

    @Test(arguments: TestEngine.available)
    func formsWithoutTheirTokenAreRejected(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            try await f.app().test(.router) { client in
                var lead = WebSession(client: client)
                _ = try #require(try await lead.login("lead", ReportingFixture.password))
                let forged = try await lead.post(f.reportPath, form: [("value.\(f.topIndicator.id)", "5"), ("action", "save")])
                #expect(forged.status == .forbidden)
                let wrong = try await lead.post(
                    f.reportPath, form: [("_csrf", "not-the-token"), ("value.\(f.topIndicator.id)", "5"), ("action", "save")])
                #expect(wrong.status == .forbidden)
                // Cookie-authenticated API changes need the token in a header.
                var headers: HTTPFields = [.contentType: "application/json", .cookie: lead.cookieHeader]
                let api = try await client.execute(uri: "/api/v1" + f.reportPath, method: .put, headers: headers, body: ByteBuffer(string: "{}"))
                #expect(api.status == .forbidden)
                headers[.init("X-CSRF-Token")!] = "wrong"
                #expect(
                    try await client.execute(uri: "/api/v1" + f.reportPath, method: .put, headers: headers, body: ByteBuffer(string: "{}")).status
                        == .forbidden)
            }
            let count = try await database.read {
                try await ReportStore().latest(planID: f.plan.id, period: ReportingFixture.september, on: $0).count
            }
            #expect(count == 0)
        }
    }

    @Test(arguments: TestEngine.available)
    func failedLoginsAreThrottledPerAccountAndPerAddress(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            try await f.app().test(.router) { client in
                var web = WebSession(client: client)
                for _ in 0..<5 { #expect(try await web.login("lead", "wrong password") == nil) }
                // The right password no longer gets in while the account is locked.
                let page = try await web.get("/login")
                let token = WebSession.csrf(in: String(buffer: page.body)) ?? ""
                let locked = try await web.post("/login", form: [("_csrf", token), ("username", "lead"), ("password", ReportingFixture.password)])
                #expect(locked.status == .tooManyRequests)
                // Another account is still open, until the address has failed too often.
                #expect(try await web.login("county", ReportingFixture.password) != nil)
                for index in 0..<20 { _ = try await web.login("nobody\(index)", "x") }
                let page2 = try await web.get("/login")
                let token2 = WebSession.csrf(in: String(buffer: page2.body)) ?? ""
                let blocked = try await web.post("/login", form: [("_csrf", token2), ("username", "admin"), ("password", ReportingFixture.password)])
                #expect(blocked.status == .tooManyRequests)
            }
            // Once the address is locked, further attempts are refused before they are even checked.
            let failures = try await database.read { try await AuditLog.entries(on: $0) }.filter { $0.action == "login.failed" }
            #expect(failures.count == 20)
        }
    }

    @Test(arguments: TestEngine.available)
    func theExcelFormRoundTripsAndNamesBadCells(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            try await f.app().test(.router) { client in
                var lead = WebSession(client: client)
                let token = try #require(try await lead.login("lead", ReportingFixture.password))
                let download = try await lead.get("/tasks/form.xlsx?plan=\(f.plan.id)&period=2019-09")
                #expect(download.status == .ok)
                let workbook = Data(buffer: download.body)
                let sheets = try Workbook.read(workbook, fileName: "form.xlsx")
                let values = try #require(sheets.first { $0.name == "填报" })
                #expect(values.rows[1] == ReportSpreadsheet.valuesHeader)
                let row = try #require(values.rows.firstIndex { $0.count > 2 && $0[2] == String(f.topIndicator.id) })

                // Fill it in: one good value, one bad number, one bad date.
                var rows = values.rows
                rows[row][6] = "33"
                let badNumber = try #require(rows.indices.first { $0 > 1 && $0 != row })
                rows[badNumber][6] = "三十x"
                rows[badNumber][7] = "2019/13/45"
                let narrative = try #require(sheets.first { $0.name == "进展" })
                var narrativeRows = narrative.rows
                narrativeRows[2][2] = "表格填写的进展"
                let about = try #require(sheets.first { $0.name == "说明" })
                func write(_ rows: [[String]], _ narrativeRows: [[String]]) throws -> Data {
                    try XlsxWriter(sheets: [
                        .init(name: "填报", rows: rows.map { $0.map { XlsxWriter.Cell.text($0) } }, headerRow: 1),
                        .init(name: "进展", rows: narrativeRows.map { $0.map { XlsxWriter.Cell.text($0) } }, headerRow: 1),
                        .init(name: "说明", rows: about.rows.map { $0.map { XlsxWriter.Cell.text($0) } }),
                    ]).data()
                }
                let bad = try await lead.postMultipart(
                    "/tasks/form.xlsx?plan=\(f.plan.id)&period=2019-09", fields: [("_csrf", token)],
                    file: ("form.xlsx", try write(rows, narrativeRows)))
                #expect(bad.status == .badRequest)
                let html = String(buffer: bad.body)
                #expect(html.contains("工作表“填报”单元格 G\(badNumber + 1)"))
                #expect(html.contains("工作表“填报”单元格 H\(badNumber + 1)"))
                #expect(
                    try await database.read { try await ReportStore().latest(planID: f.plan.id, period: ReportingFixture.september, on: $0) }.isEmpty)

                rows[badNumber][6] = ""
                rows[badNumber][7] = ""
                let good = try await lead.postMultipart(
                    "/tasks/form.xlsx?plan=\(f.plan.id)&period=2019-09", fields: [("_csrf", token)],
                    file: ("form.xlsx", try write(rows, narrativeRows)))
                #expect(good.status == .ok)
                let drafts = try await database.read {
                    try await ReportStore().latest(planID: f.plan.id, period: ReportingFixture.september, unitID: f.leadUnit.id, on: $0)
                }
                let report = try #require(drafts.first { $0.itemID == f.item.id })
                #expect(report.state == .draft)
                #expect(report.value(for: f.topIndicator.id)?.value == 33)
                #expect(drafts.contains { $0.progress == "表格填写的进展" })

                // Another unit's form cannot be uploaded here.
                var other = WebSession(client: client)
                let otherToken = try #require(try await other.login("foreign", ReportingFixture.password))
                let mismatch = try await other.postMultipart(
                    "/tasks/form.xlsx?plan=\(f.plan.id)&period=2019-09", fields: [("_csrf", otherToken)], file: ("form.xlsx", workbook))
                #expect(mismatch.status == .badRequest)
                #expect(String(buffer: mismatch.body).contains("属于其他单位"))
            }
        }
    }

    /// A zip bomb uploaded as the Excel form, by the reporter who may upload it, is refused naming the part, and
    /// saves nothing.
    @Test(arguments: TestEngine.available)
    func aZipBombFormIsRefusedNamingThePart(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let workbook = Data(#"<workbook><sheets><sheet name="填报" sheetId="1"/></sheets></workbook>"#.utf8)
            let honest = try ZipTampering.archive([("xl/workbook.xml", workbook)], bombPath: "xl/worksheets/sheet1.xml", bombSize: 300 << 20)
            var patched = honest
            try ZipTampering.declare(1_000, for: "xl/worksheets/sheet1.xml", in: &patched)
            let lying = patched
            #expect(lying.count < 2 << 20)
            try await f.app().test(.router) { client in
                var lead = WebSession(client: client)
                let token = try #require(try await lead.login("lead", ReportingFixture.password))
                let path = "/tasks/form.xlsx?plan=\(f.plan.id)&period=2019-09"
                let lie = try await lead.postMultipart(path, fields: [("_csrf", token)], file: ("form.xlsx", lying))
                #expect(lie.status == .badRequest)
                #expect(String(buffer: lie.body).contains("form.xlsx: 文件已损坏：xl/worksheets/sheet1.xml 解压后的大小与文件头声明的 1000 字节不符"))
                let large = try await lead.postMultipart(path, fields: [("_csrf", token)], file: ("form.xlsx", honest))
                #expect(large.status == .badRequest)
                #expect(
                    String(buffer: large.body).contains(
                        "form.xlsx: xl/worksheets/sheet1.xml 解压后超过 32 MB (xl/worksheets/sheet1.xml inflates beyond 32 MB)"))
            }
            #expect(try await database.read { try await ReportStore().latest(planID: f.plan.id, period: ReportingFixture.september, on: $0) }.isEmpty)
        }
    }

    @Test(arguments: TestEngine.available)
    func attachmentsAreCheckedAndServedSafely(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            try await f.saveLead(1)
            try await f.app().test(.router) { client in
                var lead = WebSession(client: client)
                let token = try #require(try await lead.login("lead", ReportingFixture.password))
                let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 64))
                let html = Data("<html><script>alert(1)</script></html>".utf8)
                let disguised = try await lead.postMultipart(f.reportPath + "/attachments", fields: [("_csrf", token)], file: ("photo.png", html))
                #expect(disguised.status == .badRequest)
                let svg = try await lead.postMultipart(
                    f.reportPath + "/attachments", fields: [("_csrf", token)], file: ("drawing.svg", Data("<svg/>".utf8)))
                #expect(svg.status == .badRequest)
                let ok = try await lead.postMultipart(f.reportPath + "/attachments", fields: [("_csrf", token)], file: ("../../现场照片.png", png))
                #expect(ok.status == .seeOther)
                let attachment = try #require(
                    try await database.read { db -> ReportAttachment? in
                        let report = try await ReportStore().versions(
                            itemID: f.item.id, unitID: f.leadUnit.id, period: ReportingFixture.september, on: db
                        ).last!
                        return try await ReportStore().attachments(reportIDs: [report.id], on: db).first
                    })
                #expect(attachment.fileName == "现场照片.png")
                let served = try await lead.get("/attachments/\(attachment.id)")
                #expect(served.status == .ok)
                #expect(served.headers[.contentType] == "image/png")
                #expect(served.headers[.contentSecurityPolicy]?.contains("sandbox") == true)
                #expect(Data(buffer: served.body) == png)
                var foreign = WebSession(client: client)
                _ = try #require(try await foreign.login("foreign", ReportingFixture.password))
                #expect(try await foreign.get("/attachments/\(attachment.id)").status == .notFound)
                let storedFiles = try FileManager.default.contentsOfDirectory(atPath: f.configuration.uploadsDirectory.path)
                #expect(storedFiles.count == 1)
                #expect(!storedFiles[0].contains("现场照片"))
            }
        }
    }
}
