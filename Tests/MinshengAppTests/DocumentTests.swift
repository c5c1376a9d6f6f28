import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing
import ZIPFoundation

@testable import MinshengApp

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Official documents drafted from the demo, in every format, and their issue.
@Suite struct DocumentTests {
    static func demo(_ database: AppDatabase) async throws -> Plan {
        _ = try await FirstStart(database: database, logger: TestDatabase.logger, clock: TestDatabase.clock).run(
            loadDemo: true, adminPassword: "demo password")
        return try #require(try await database.read { try await PlanStore().plans(on: $0) }.first)
    }

    static func draft(_ kind: OfficialDocument.Kind, _ period: Period, plan: Plan, database: AppDatabase) async throws -> OfficialDocument {
        let service = DocumentService(database: database, configuration: TestDatabase.configuration(now: ReportingFixture.afterDue))
        return try await database.read { try await service.draft(kind: kind, planID: plan.id, period: period, on: $0) }
    }

    /// The text of a part of an Office package.
    static func part(_ name: String, of data: Data) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        let entry = try #require(archive[name], "\(name) is missing")
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        #expect(XMLParser(data: bytes).parse(), "\(name) is not well-formed XML")
        return String(decoding: bytes, as: UTF8.self)
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    @Test(arguments: TestEngine.available)
    func theQuarterlyCircularNamesTheLaggingItemsAndTheSilentUnit(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await Self.demo(database)
            let document = try await Self.draft(.quarterly, .quarter(year: 2019, quarter: 3), plan: plan, database: database)
            #expect(document.title == "关于2019年1—9月份重点民生实事进展情况的通报")
            #expect(document.asOf == CalendarDate(year: 2019, month: 9, day: 30))
            let text = document.sections.flatMap { [$0.heading ?? ""] + $0.paragraphs }.joined(separator: "\n")
            for number in [19, 31, 35, 36, 40] { #expect(text.contains("第\(number)项"), "item \(number)") }
            #expect(text.contains("市人防办（7月、8月、9月未报送）"))
            #expect(text.contains("下一步工作要求"))
            for heading in ["一、总体情况", "二、已完成事项", "三、进度滞后事项", "四、报送情况"] { #expect(text.contains(heading), "\(heading)") }

            // Every number equals the assessment of the period.
            let assessment = try await AssessmentService(database: database).assess(planID: plan.id, period: .quarter(year: 2019, quarter: 3))
            #expect(document.rows.count == 51)
            for row in document.rows {
                let assessed = try #require(assessment.items.first { $0.number == row.number })
                #expect(row.status == assessed.status, "item \(row.number)")
                #expect(row.rate == assessed.progress.map { Int((NSDecimalNumber(decimal: $0).doubleValue * 100).rounded()) }, "item \(row.number)")
            }
            for status in ProgressStatus.allCases {
                #expect(document.summary.count(status) == assessment.counts[status] ?? 0, "\(status)")
            }
            #expect(text.contains("已完成\(assessment.counts[.completed] ?? 0)项"))
        }
    }

    @Test(arguments: TestEngine.available)
    func theWordFileFollowsTheStandardLayout(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await Self.demo(database)
            let document = try await Self.draft(.quarterly, .quarter(year: 2019, quarter: 3), plan: plan, database: database)
            let docx = try DocumentService.render(document, as: .docx)
            let types = try Self.part("[Content_Types].xml", of: docx)
            #expect(types.contains("wordprocessingml.document.main+xml"))
            _ = try Self.part("_rels/.rels", of: docx)
            _ = try Self.part("word/_rels/document.xml.rels", of: docx)
            let styles = try Self.part("word/styles.xml", of: docx)
            for font in ["方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312"] { #expect(styles.contains(font), "\(font)") }
            #expect(styles.contains("<w:sz w:val=\"44\"/>"))  // 2号 title
            #expect(styles.contains("<w:sz w:val=\"32\"/>"))  // 3号 body
            #expect(styles.contains("w:firstLineChars=\"200\""))
            let footer = try Self.part("word/footer1.xml", of: docx)
            #expect(footer.contains("宋体") && footer.contains("PAGE") && footer.contains("— "))
            #expect(footer.contains("<w:sz w:val=\"28\"/>"))  // 4号 page numbers
            _ = try Self.part("word/footer2.xml", of: docx)
            let body = try Self.part("word/document.xml", of: docx)
            // A4 with margins 37, 35, 28 and 26 mm, then the attachment in landscape.
            #expect(body.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"))
            #expect(body.contains("<w:pgMar w:top=\"2098\" w:right=\"1474\" w:bottom=\"1984\" w:left=\"1587\""))
            #expect(body.contains("w:orient=\"landscape\""))
            #expect(body.contains("w:linePitch=\"\(DocxWriter.linePitch)\""))
            #expect(DocxWriter.linePitch * 22 <= 16838 - 2098 - 1984)
            #expect(body.contains("关于2019年1—9月份</w:t><w:br/><w:t xml:space=\"preserve\">重点民生实事进展情况的通报"))
            #expect(Self.count("<w:tr>", in: body) == 52)
            #expect(Self.count("<c:chart ", in: body) == 2)
            _ = try Self.part("word/charts/chart1.xml", of: docx)
        }
    }

    @Test(arguments: TestEngine.available)
    func theSpreadsheetAndTheOtherFormats(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await Self.demo(database)
            let document = try await Self.draft(.annual, .year(2019), plan: plan, database: database)
            #expect(document.title == "关于2019年重点民生实事完成情况的综合报告")
            #expect(document.rows.allSatisfy { $0.verdict != nil })
            let verdicts = try #require(document.sections.first { $0.heading?.contains("年度完成评价") == true })
            #expect(verdicts.paragraphs.contains { $0.contains("各牵头单位完成情况") && $0.contains("市人防办：牵头1项") })
            let xlsx = try DocumentService.render(document, as: .xlsx)
            let sheet = try Self.part("xl/worksheets/sheet1.xml", of: xlsx)
            #expect(sheet.contains("state=\"frozen\""))
            #expect(sheet.contains("orientation=\"landscape\"") && sheet.contains("paperSize=\"9\""))
            let sheets = try Workbook.read(xlsx, fileName: "a.xlsx")
            #expect(sheets[0].rows.count == 53)
            #expect(sheets[0].rows[1].contains("完成评价"))
            let csv = String(decoding: try DocumentService.render(document, as: .csv), as: UTF8.self)
            #expect(csv.hasPrefix("\u{FEFF}序号,项目名称"))
            #expect(csv.split(separator: "\r\n").count == 52)
            let json = try JSONDecoder().decode(OfficialDocument.self, from: try DocumentService.render(document, as: .json))
            #expect(json == document)
            let html = String(decoding: try DocumentService.render(document, as: .html), as: UTF8.self)
            #expect(html.contains("@page { size: A4"))
            #expect(html.contains("<svg"))
            await #expect(throws: AppError.self) { try await Self.draft(.quarterly, .month(year: 2019, month: 9), plan: plan, database: database) }
        }
    }

    @Test(arguments: TestEngine.available)
    func draftingEditingAndIssuingOnTheWeb(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await Self.demo(database)
            let app = Application(router: buildRouter(database: database, configuration: TestDatabase.configuration(now: ReportingFixture.afterDue)))
            try await app.test(.router) { client in
                var office = WebSession(client: client)
                let token = try #require(try await office.login("admin", "demo password"))
                let created = try await office.post(
                    "/documents", form: [("_csrf", token), ("plan", String(plan.id)), ("kind", "quarterly"), ("period", "2019-Q3")])
                #expect(created.status == .seeOther)
                let location = try #require(created.headers[.location])
                let page = String(buffer: try await office.get(location).body)
                #expect(page.contains("name=\"section.0\""))
                let edited = try await office.post(
                    location,
                    form: [
                        ("_csrf", token), ("title", "关于2019年前三季度重点民生实事进展情况的通报"), ("addressee", "各县(市、区)人民政府："),
                        ("issuer", "洛阳市人民政府督查室"), ("date", "2019-10-08"), ("section.0", "现将有关情况通报如下："),
                    ])
                #expect(edited.status == .ok)
                let issued = try await office.post(location + "/issue", form: [("_csrf", token)])
                #expect(issued.status == .ok)
                #expect(String(buffer: issued.body).contains("洛政督〔2019〕1号"))
                // Frozen: no edit, no regeneration, no second issue.
                #expect(try await office.post(location, form: [("_csrf", token), ("title", "改")]).status == .conflict)
                #expect(try await office.post(location + "/refresh", form: [("_csrf", token)]).status == .conflict)
                #expect(try await office.post(location + "/issue", form: [("_csrf", token)]).status == .conflict)
                let docx = try await office.get(location + "/download/docx")
                #expect(docx.status == .ok)
                let body = try Self.part("word/document.xml", of: Data(buffer: docx.body))
                #expect(body.contains("洛政督〔2019〕1号"))
                #expect(body.contains("关于2019年前三季度</w:t><w:br/><w:t xml:space=\"preserve\">重点民生实事进展情况的通报"))
                #expect(body.contains("2019年10月8日"))
                let second = try await office.post(
                    "/documents", form: [("_csrf", token), ("plan", String(plan.id)), ("kind", "monthly"), ("period", "2019-09")])
                let secondLocation = try #require(second.headers[.location])
                _ = try await office.post(secondLocation + "/issue", form: [("_csrf", token)])
                let archive = String(buffer: try await office.get("/documents?plan=\(plan.id)").body)
                #expect(archive.contains("洛政督〔2019〕1号") && archive.contains("洛政督〔2019〕2号"))
                var reporter = WebSession(client: client)
                _ = try #require(try await reporter.login("jiaoyu", "demo password"))
                #expect(try await reporter.get(location).status == .forbidden)
            }
            // The archive keeps the data it was built from, whatever happens to the data later.
            let stored = try #require(try await database.read { try await DocumentStore().documents(planID: plan.id, on: $0) }.last)
            let before = stored.content
            try await database.write { db in
                try await db.update("reports").set("state", to: SQLBind("accepted")).where("state", .equal, "submitted").run()
            }
            let after = try #require(try await database.read { try await DocumentStore().document(id: stored.id, on: $0) })
            #expect(after.content == before)
        }
    }

    @Test(arguments: TestEngine.available)
    func theAPIDraftsAndIssuesDocuments(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await Self.demo(database)
            let admin = try #require(try await database.read { try await UserStore().user(username: "admin", on: $0) })
            let token = try await database.write { try await TokenStore().create(userID: admin.id, name: "t", now: Date(), on: $0) }.secret
            let app = Application(router: buildRouter(database: database, configuration: TestDatabase.configuration(now: ReportingFixture.afterDue)))
            try await app.test(.router) { client in
                let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
                let drafted = try await client.execute(
                    uri: "/api/v1/plans/\(plan.id)/documents", method: .post, headers: headers,
                    body: ByteBuffer(string: #"{"kind":"halfYear","period":"2019-H1"}"#))
                #expect(drafted.status == .created)
                let body = try #require(try JSONSerialization.jsonObject(with: Data(buffer: drafted.body)) as? [String: Any])
                #expect(SchemaCheck.problems(body, .ref("Document")).isEmpty)
                let id = try #require(body["id"] as? Int)
                #expect(((body["content"] as? [String: Any])?["title"] as? String) == "关于2019年上半年重点民生实事办理情况的总结")
                let issued = try await client.execute(uri: "/api/v1/documents/\(id)/issue", method: .post, headers: headers, body: nil)
                #expect(issued.status == .ok)
                let content = try #require(
                    (try JSONSerialization.jsonObject(with: Data(buffer: issued.body)) as? [String: Any])?["content"] as? [String: Any])
                #expect(content["number"] as? String == "洛政督〔2019〕1号")
                let list = try await client.execute(uri: "/api/v1/plans/\(plan.id)/documents", method: .get, headers: headers, body: nil)
                let summaries = try JSONSerialization.jsonObject(with: Data(buffer: list.body))
                #expect(SchemaCheck.problems(summaries, .array(.ref("DocumentSummary"))).isEmpty)
                let wrong = try await client.execute(
                    uri: "/api/v1/plans/\(plan.id)/documents", method: .post, headers: headers,
                    body: ByteBuffer(string: #"{"kind":"quarterly","period":"2019-09"}"#))
                #expect(wrong.status == .badRequest)
            }
        }
    }
}
