import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// Supervision on the demo: its story, notices with escalation, inspections and rectifications, accountability,
/// scores, settings, the documents and the API.
@Suite struct SupervisionWebTests {
    static let password = DisclosureWebTests.password
    static func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }
    /// During the plan's year, so that "today" decides deadlines and escalations.
    static let october12 = date("2019-10-12T02:00:00Z")

    static func app(_ database: AppDatabase, now: Date = october12) -> some ApplicationProtocol {
        Application(router: buildRouter(database: database, configuration: TestDatabase.configuration(now: now)))
    }

    static func service(_ database: AppDatabase, now: Date = october12) -> SupervisionService {
        SupervisionService(database: database, configuration: TestDatabase.configuration(now: now))
    }

    static func item(_ number: Int, plan: Plan, _ database: AppDatabase) async throws -> Item {
        try #require(try await database.read { try await PlanStore().items(planID: plan.id, on: $0) }.first { $0.number == number })
    }

    static func unit(_ name: String, plan: Plan, _ database: AppDatabase) async throws -> Int64 {
        try #require(try await database.read { try await PlanStore().units(jurisdictionID: plan.jurisdictionID, on: $0) }.first { $0.name == name })
            .id
    }

    static func text(_ response: TestResponse) -> String { String(buffer: response.body) }

    @Test(arguments: TestEngine.available)
    func theDemoCarriesTheSupervisionStory(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await DisclosureWebTests.demo(database)
            let store = SupervisionStore()
            let service = Self.service(database, now: Date())
            let (notices, inspections, rectifications, cases, proposals, settings) = try await database.read { db in
                (
                    try await store.notices(planID: plan.id, on: db), try await store.inspections(planID: plan.id, on: db),
                    try await store.rectifications(planID: plan.id, on: db), try await store.cases(planID: plan.id, on: db),
                    try await service.caseProposals(planID: plan.id, on: db), try await store.settings(planID: plan.id, on: db)
                )
            }
            let numbers = Dictionary(
                uniqueKeysWithValues: try await database.read { try await PlanStore().items(planID: plan.id, on: $0) }.map { ($0.id, $0.number) })
            #expect(Set(notices.map { numbers[$0.itemID] ?? 0 }) == [19, 31, 35, 36, 40])
            // The demo is judged as of the end of September 2019: the unanswered red notice is overdue.
            let day = try #require(CalendarDate(year: 2019, month: 9, day: 30))
            let lapsed = notices.filter { $0.standing(today: day, rules: settings.notices).redOverdue }
            #expect(lapsed.map { numbers[$0.itemID] ?? 0 } == [40])
            #expect(inspections.filter { $0.state == .done }.count == 3)
            #expect(inspections.filter { $0.state == .planned }.map { numbers[$0.itemID ?? 0] ?? 0 } == [36])
            let flagged = inspections.filter { $0.values.contains { settings.discrepancy.isDiscrepancy($0) } }
            #expect(flagged.map { numbers[$0.itemID ?? 0] ?? 0 } == [35])
            #expect(rectifications.map(\.state) == [.closed])
            #expect(cases.count == 1)
            #expect(cases.first?.decision == .interview)
            #expect(cases.first?.rule == .redNoticeUnanswered)
            // The rules still propose what the office has not acted on, and not what it has.
            let proposed = Set(proposals.map { "\(numbers[$0.itemID ?? 0] ?? 0)-\($0.rule.rawValue)" })
            #expect(
                proposed.isSuperset(of: ["19-seriouslyBehind", "35-seriouslyBehind", "36-seriouslyBehind", "40-seriouslyBehind", "35-discrepancy"]))
            #expect(!proposed.contains("40-redNoticeUnanswered"))
        }
    }

    @Test(arguments: TestEngine.available)
    func aNoticeIsIssuedAnsweredAndEscalatesWhenIgnored(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await DisclosureWebTests.demo(database)
            let item48 = try await Self.item(48, plan: plan, database)
            let item7 = try await Self.item(7, plan: plan, database)
            try await Self.app(database).test(.router) { client in
                var admin = WebSession(client: client)
                let token = try #require(try await admin.login("admin", Self.password))
                let page = Self.text(try await admin.get("/supervision"))
                #expect(page.contains("建议督办"))
                #expect(page.contains("48. 按照“六通六有一保障”标准"))
                let issued = try await admin.post(
                    "/supervision",
                    form: [
                        ("_csrf", token), ("plan", String(plan.id)), ("item", String(item48.id)), ("grade", "yellow"),
                        ("reason", "未按时报送进展情况。"), ("requirement", ""),
                    ])
                #expect(issued.status == .seeOther)
                let location = try #require(issued.headers[.location])
                let notice = Self.text(try await admin.get(location))
                #expect(notice.contains("督〔2019〕6号"))
                #expect(notice.contains("黄色督办"))
                #expect(notice.contains("2019-10-19"), "a yellow notice gives seven days")

                // The silent unit sees it and answers; another unit cannot.
                var other = WebSession(client: client)
                _ = try #require(try await other.login("jiaoyu", Self.password))
                #expect(try await other.get(location).status == .notFound)
                #expect(!Self.text(try await other.get("/supervision")).contains("督〔2019〕6号"))
                var leader = WebSession(client: client)
                let leaderToken = try #require(try await leader.login("leader", Self.password))
                #expect(
                    try await leader.post(
                        "/supervision",
                        form: [("_csrf", leaderToken), ("plan", String(plan.id)), ("item", String(item7.id)), ("grade", "blue"), ("reason", "x")]
                    ).status == .forbidden)
                var unit = WebSession(client: client)
                let unitToken = try #require(try await unit.login("renfang", Self.password))
                #expect(Self.text(try await unit.get("/supervision")).contains("督〔2019〕6号"))
                let missing = try await unit.post(location + "/answer", form: [("_csrf", unitToken), ("measures", "补报7—9月进展。"), ("promisedOn", "")])
                #expect(missing.status == .badRequest)
                #expect(Self.text(missing).contains("承诺完成时间"))
                #expect(
                    try await unit.post(
                        location + "/answer", form: [("_csrf", unitToken), ("measures", "补报7—9月进展，明确专人负责。"), ("promisedOn", "2019-10-20")]
                    ).status == .seeOther)
                #expect(
                    try await unit.post(location + "/answer", form: [("_csrf", unitToken), ("measures", "再答一次。"), ("promisedOn", "2019-10-20")])
                        .status == .conflict)
                #expect(Self.text(try await admin.get(location)).contains("补报7—9月进展，明确专人负责。"))
            }
            // A blue notice left unanswered: yellow the day after its due day, then red, then overdue.
            let notices = try await Self.service(database).issue(
                planID: plan.id, itemID: item7.id, grade: .blue, reason: "验收节点临近。", requirement: "", by: .console)
            let notice = try #require(notices.first)
            #expect(notice.issuedOn == CalendarDate(year: 2019, month: 10, day: 12))
            try await Self.app(database, now: Self.date("2019-11-05T02:00:00Z")).test(.router) { client in
                var admin = WebSession(client: client)
                _ = try #require(try await admin.login("admin", Self.password))
                let page = Self.text(try await admin.get("/supervision/notices/\(notice.id)"))
                #expect(page.contains("红色督办（2019-10-23升为黄色督办；2019-10-30升为红色督办）"))
                #expect(page.contains("2019-11-01"), "three days from the yellow due day, 10-29")
                #expect(page.contains("逾期"))
            }
            let proposals = try await database.read {
                try await Self.service(database, now: Self.date("2019-11-05T02:00:00Z")).caseProposals(planID: plan.id, on: $0)
            }
            #expect(proposals.contains { $0.rule == .redNoticeUnanswered && $0.itemID == item7.id })
        }
    }

    @Test(arguments: TestEngine.available)
    func anInspectionFindsADiscrepancyAndARectificationGoesRoundTheLoop(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await DisclosureWebTests.demo(database)
            let item3 = try await Self.item(3, plan: plan, database)
            let education = try await Self.unit("市教育局", plan: plan, database)
            let indicator = try #require(
                try await database.read { try await PlanStore().indicators(planID: plan.id, on: $0) }.first {
                    $0.itemID == item3.id && $0.parentID == nil
                })
            try await Self.app(database).test(.router) { client in
                var inspector = WebSession(client: client)
                let token = try #require(try await inspector.login("inspector", Self.password))
                let form = Self.text(try await inspector.get("/inspections/new?plan=\(plan.id)&item=3"))
                let reportedText = try #require(form.components(separatedBy: "<td>").dropFirst(2).first?.prefix { $0.isNumber })
                let reported = try #require(Decimal(string: String(reportedText)))
                let bad = try await inspector.post(
                    "/inspections",
                    form: [
                        ("_csrf", token), ("plan", String(plan.id)), ("item", String(item3.id)), ("inspectedOn", "2019-10-11"),
                        ("place", "孟津县"), ("mode", "unannounced"), ("checked", "寄宿制学校建设"), ("verified.\(indicator.id)", "abc"),
                    ])
                #expect(bad.status == .badRequest)
                #expect(Self.text(bad).contains("不是数字"))
                let recorded = try await inspector.post(
                    "/inspections",
                    form: [
                        ("_csrf", token), ("plan", String(plan.id)), ("item", String(item3.id)), ("inspectedOn", "2019-10-11"), ("place", "孟津县"),
                        ("mode", "unannounced"), ("checked", "寄宿制学校建设"), ("findings", "部分学校尚未完工即计入完成数。"),
                        ("verified.\(indicator.id)", DecimalText.format(reported - 10)),
                    ])
                #expect(recorded.status == .seeOther)
                let inspectionPath = try #require(recorded.headers[.location])
                let inspectionPage = Self.text(try await inspector.get(inspectionPath))
                #expect(inspectionPage.contains("核查不符"))
                #expect(inspectionPage.contains("\(DecimalText.format(reported))所"))

                // The discrepancy shows wherever the reported value appears to the office.
                var admin = WebSession(client: client)
                let adminToken = try #require(try await admin.login("admin", Self.password))
                #expect(
                    Self.text(try await admin.get("/plans/\(plan.id)/items/3?period=2019-10")).contains(
                        "核查不符：核查值 \(DecimalText.format(reported - 10))所"))
                #expect(Self.text(try await admin.get("/overview?period=2019-10")).contains("badge discrepancy"))
                let proposals = try await database.read { try await Self.service(database).caseProposals(planID: plan.id, on: $0) }
                #expect(proposals.contains { $0.rule == .discrepancy && $0.unitID == education && $0.itemID == item3.id })

                // The rectification: required, reported with evidence, reopened, reported again, closed.
                let inspectionID = try #require(Int64(inspectionPath.split(separator: "/").last ?? ""))
                #expect(
                    try await inspector.post(
                        "\(inspectionPath)/rectifications",
                        form: [
                            ("_csrf", token), ("unit", String(education)),
                            ("requirement", "按实际完工数更正报送数据。"), ("due", "2019-10-01"),
                        ]
                    ).status == .badRequest)
                #expect(
                    try await inspector.post(
                        "\(inspectionPath)/rectifications",
                        form: [
                            ("_csrf", token), ("unit", String(education)),
                            ("requirement", "按实际完工数更正报送数据。"), ("due", "2019-10-20"),
                        ]
                    ).status == .seeOther)
                let rectification = try #require(
                    try await database.read { try await SupervisionStore().rectifications(planID: plan.id, inspectionID: inspectionID, on: $0) }.first
                )
                let path = "/rectifications/\(rectification.id)"
                var stranger = WebSession(client: client)
                _ = try #require(try await stranger.login("renfang", Self.password))
                #expect(try await stranger.get(path).status == .notFound)
                var unit = WebSession(client: client)
                let unitToken = try #require(try await unit.login("jiaoyu", Self.password))
                let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: UInt8(1), count: 32))
                let reported1 = try await unit.postMultipart(
                    "\(path)/report", fields: [("_csrf", unitToken), ("text", "已更正9月报送数据。")], file: ("验收单.png", png))
                #expect(reported1.status == .seeOther)
                #expect(try await unit.post("\(path)/review", form: [("_csrf", unitToken), ("action", "close")]).status == .forbidden)
                #expect(
                    try await inspector.post("\(path)/review", form: [("_csrf", token), ("action", "reopen"), ("text", "")]).status == .badRequest)
                #expect(
                    try await inspector.post("\(path)/review", form: [("_csrf", token), ("action", "reopen"), ("text", "缺少验收单以外的佐证。")]).status
                        == .seeOther)
                #expect(
                    try await unit.postMultipart(
                        "\(path)/report", fields: [("_csrf", unitToken), ("text", "补充提交竣工验收报告。")], file: ("竣工验收报告.png", png)
                    ).status == .seeOther)
                #expect(
                    try await inspector.post("\(path)/review", form: [("_csrf", token), ("action", "close"), ("text", "同意销号。")]).status == .seeOther)
                #expect(try await inspector.post("\(path)/review", form: [("_csrf", token), ("action", "close"), ("text", "")]).status == .conflict)
                let page = Self.text(try await unit.get(path))
                for step in ["待整改", "已报整改", "重新整改", "已销号", "缺少验收单以外的佐证。", "竣工验收报告.png"] { #expect(page.contains(step), "\(step)") }
                let files = try await database.read {
                    try await SupervisionStore().files(owner: .rectification, ownerIDs: [rectification.id], on: $0)
                }
                #expect(files.count == 2)
                #expect(try await unit.get("/supervision/files/\(files[0].id)").status == .ok)
                #expect(try await stranger.get("/supervision/files/\(files[0].id)").status == .notFound)
                _ = adminToken
                // The discrepancy costs the unit points.
                let scores = try await database.read {
                    try await Self.service(database).scores(planID: plan.id, period: .month(year: 2019, month: 10), on: $0)
                }
                let score = try #require(scores.first { $0.unitID == education })
                #expect(score.lines.first { $0.criterion == "督查扣分" }?.points == -3)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func inspectorsPlanVisitsAndRecordTheResultsLater(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await DisclosureWebTests.demo(database)
            let planned = try #require(
                try await database.read { try await SupervisionStore().inspections(planID: plan.id, on: $0) }.first { $0.state == .planned })
            let civilDefence = try await Self.unit("市人防办", plan: plan, database)
            try await Self.app(database).test(.router) { client in
                var inspector = WebSession(client: client)
                let token = try #require(try await inspector.login("inspector", Self.password))
                let list = Self.text(try await inspector.get("/inspections"))
                #expect(list.contains("检查计划（1）"))
                #expect(list.contains("浅井西路、龙翔路施工现场"))
                var unit = WebSession(client: client)
                _ = try #require(try await unit.login("renfang", Self.password))
                #expect(try await unit.get("/inspections").status == .forbidden, "units never see the inspectors' schedule")
                #expect(try await unit.get("/inspections/\(planned.id)").status == .forbidden)

                // The planned visit is done: its results are recorded beside the figures reported.
                let page = Self.text(try await inspector.get("/inspections/\(planned.id)"))
                #expect(page.contains("录入检查结果"))
                let indicator = try #require(
                    try await database.read { try await PlanStore().indicators(planID: plan.id, on: $0) }
                        .first { $0.itemID == planned.itemID && $0.parentID == nil && $0.target != nil })
                let done = try await inspector.post(
                    "/inspections/\(planned.id)/results",
                    form: [
                        ("_csrf", token), ("inspectedOn", "2019-10-11"),
                        ("findings", "两条道路已打通，其余正在征迁。"), ("verified.\(indicator.id)", "1"),
                    ])
                #expect(done.status == .seeOther)
                let recorded = try #require(try await database.read { try await SupervisionStore().inspection(id: planned.id, on: $0) })
                #expect(recorded.state == .done)
                #expect(recorded.inspectedOn == CalendarDate(year: 2019, month: 10, day: 11))
                #expect(recorded.values.first?.reported != nil)
                #expect(
                    try await inspector.post(
                        "/inspections/\(planned.id)/results", form: [("_csrf", token), ("inspectedOn", "2019-10-11"), ("findings", "")]
                    ).status == .conflict)

                // A unit can be inspected too; a visit in the future can only be planned.
                #expect(Self.text(try await inspector.get("/inspections/new?plan=\(plan.id)&unit=\(civilDefence)")).contains("市人防办"))
                let future = [
                    ("_csrf", token), ("plan", String(plan.id)), ("unit", String(civilDefence)), ("inspectedOn", "2019-11-05"), ("place", "市人防办"),
                    ("mode", "open"), ("checked", "报送台账和工作进展"),
                ]
                let refused = try await inspector.post("/inspections", form: future + [("submit", "done")])
                #expect(refused.status == .badRequest)
                #expect(Self.text(refused).contains("plan it instead"))
                #expect(try await inspector.post("/inspections", form: future + [("submit", "plan")]).status == .seeOther)
                let plannedNow = try await database.read { try await SupervisionStore().inspections(planID: plan.id, on: $0) }.filter {
                    $0.state == .planned
                }
                #expect(plannedNow.map(\.unitID) == [civilDefence])
                #expect(plannedNow.first?.itemID == nil)
            }
        }
    }

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

    @Test(arguments: TestEngine.available)
    func theOfficeSetsTheRulesAndTheScheme(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await DisclosureWebTests.demo(database)
            try await Self.app(database).test(.router) { client in
                var admin = WebSession(client: client)
                let token = try #require(try await admin.login("admin", Self.password))
                let page = Self.text(try await admin.get("/admin/supervision"))
                #expect(page.contains("value=\"10\""), "the discrepancy tolerance, 10%")
                var fields: [(String, String)] = [
                    ("_csrf", token), ("plan", String(plan.id)), ("nearDays", "15"), ("blueResponseDays", "10"), ("yellowResponseDays", "7"),
                    ("redResponseDays", "3"), ("tolerance", "25"), ("consecutiveMonths", "3"), ("completion", "40"), ("progress", "25"),
                    ("reporting", "20"), ("satisfaction", "20"), ("perDiscrepancy", "3"), ("perOverdueRectification", "2"),
                    ("perRedNotice", "1"), ("findingsCap", "10"), ("rule", "seriouslyBehind"), ("rule", "discrepancy"),
                ]
                fields += AccountabilityDecision.allCases.map { ("decision.\($0.rawValue)", "1") }
                let wrong = try await admin.post("/admin/supervision", form: fields)
                #expect(wrong.status == .badRequest)
                #expect(Self.text(wrong).contains("四项分值之和应为100，现为105"))
                fields = fields.map { $0.0 == "satisfaction" ? ("satisfaction", "15") : $0 }
                let saved = try await admin.post("/admin/supervision", form: fields)
                #expect(saved.status == .ok)
                #expect(Self.text(saved).contains("已保存"))
                let settings = try await database.read { try await SupervisionStore().settings(planID: plan.id, on: $0) }
                #expect(settings.discrepancy.tolerance == Decimal(string: "0.25"))
                #expect(settings.accountability.rules == [.seriouslyBehind, .discrepancy])
                #expect(settings.accountability.consecutiveMonths == 3)
                // With a 25% tolerance the bridges' 22% shortfall is no longer a discrepancy.
                #expect(!Self.text(try await admin.get("/inspections")).contains("核查不符"))
                var leader = WebSession(client: client)
                _ = try #require(try await leader.login("leader", Self.password))
                #expect(try await leader.get("/admin/supervision").status == .forbidden)
                #expect(Self.text(try await leader.get("/scores")).contains("计算过程"))
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func theAPICoversSupervision(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await DisclosureWebTests.demo(database)
            func token(_ username: String) async throws -> String {
                let user = try #require(try await database.read { try await UserStore().user(username: username, on: $0) })
                return try await database.write { try await TokenStore().create(userID: user.id, name: "api", now: Date(), on: $0) }.secret
            }
            let admin = try await token("admin")
            let inspector = try await token("inspector")
            let silent = try await token("renfang")
            let item13 = try await Self.item(13, plan: plan, database)
            let indicators = try await database.read { try await PlanStore().indicators(planID: plan.id, on: $0) }
            let indicator = try #require(indicators.first { $0.itemID == item13.id && $0.parentID == nil && $0.target != nil })
            let assignments = try await database.read { try await PlanStore().assignments(planID: plan.id, on: $0) }
            let unitID = try #require(assignments.first { $0.itemID == item13.id && $0.role == .lead }?.unitID)
            try await Self.app(database).test(.router) { client in
                func call(_ method: HTTPRequest.Method, _ uri: String, _ token: String, _ body: String? = nil) async throws -> TestResponse {
                    try await client.execute(
                        uri: uri, method: method, headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                        body: body.map { ByteBuffer(string: $0) })
                }
                func check(_ response: TestResponse, _ schema: APISchema, _ status: HTTPResponse.Status = .ok) throws {
                    #expect(response.status == status, "\(String(buffer: response.body).prefix(300))")
                    #expect(SchemaCheck.problems(try APITests.json(response), schema) == [])
                }
                let base = "/api/v1/plans/\(plan.id)"
                try check(try await call(.get, "\(base)/notices", admin), .array(.ref("Notice")))
                try check(try await call(.get, "\(base)/notice-proposals", admin), .array(.ref("NoticeProposal")))
                let issued = try await call(.post, "\(base)/notices", admin, #"{"itemNumber": 48, "grade": "yellow", "reason": "未按时报送。"}"#)
                try check(issued, .array(.ref("Notice")), .created)
                let noticeID = try #require(((try APITests.json(issued) as? [[String: Any]])?.first?["id"] as? Int))
                let answered = try await call(
                    .post, "/api/v1/notices/\(noticeID)/answer", silent, #"{"measures": "补报进展。", "promisedOn": "2019-10-25"}"#)
                try check(answered, .ref("Notice"))
                #expect(
                    (try APITests.json(try await call(.get, "\(base)/notices", silent)) as? [[String: Any]])?.count == 1,
                    "a reporter sees only its unit's notices")

                let recorded = try await call(
                    .post, "\(base)/inspections", inspector,
                    #"{"itemNumber": 13, "inspectedOn": "2019-10-10", "place": "嵩县", "mode": "open", "checked": "村卫生室", "#
                        + #""values": [{"indicatorId": \#(indicator.id), "verified": "1"}]}"#
                )
                try check(recorded, .ref("Inspection"), .created)
                let inspection = try #require(try APITests.json(recorded) as? [String: Any])
                #expect(((inspection["values"] as? [[String: Any]])?.first?["discrepancy"] as? Bool) == true)
                try check(try await call(.get, "\(base)/inspections", admin), .array(.ref("Inspection")))
                #expect(try await call(.get, "\(base)/inspections", silent).status == .forbidden)
                let required = try await call(
                    .post, "/api/v1/inspections/\(inspection["id"] as? Int ?? 0)/rectifications", inspector,
                    #"{"unitId": \#(unitID), "requirement": "更正数据。", "due": "2019-10-30"}"#)
                try check(required, .ref("Rectification"), .created)
                let rectificationID = try #require((try APITests.json(required) as? [String: Any])?["id"] as? Int)
                #expect(try await call(.post, "/api/v1/rectifications/\(rectificationID)/close", inspector, "{}").status == .conflict)
                #expect(try await call(.post, "/api/v1/rectifications/\(rectificationID)/report", silent, #"{"text": "不是我们的"}"#).status == .forbidden)
                try check(try await call(.get, "\(base)/rectifications", admin), .array(.ref("Rectification")))

                let proposals = try await call(.get, "\(base)/case-proposals", admin)
                try check(proposals, .array(.ref("CaseProposal")))
                let first = try #require((try APITests.json(proposals) as? [[String: Any]])?.first)
                let body = String(
                    data: try JSONSerialization.data(withJSONObject: [
                        "unitId": first["unitId"]!, "itemNumber": first["itemNumber"]!, "rule": first["rule"]!,
                    ]), encoding: .utf8)!
                let opened = try await call(.post, "\(base)/cases", admin, body)
                try check(opened, .ref("Case"), .created)
                let caseID = try #require((try APITests.json(opened) as? [String: Any])?["id"] as? Int)
                try check(
                    try await call(.post, "/api/v1/cases/\(caseID)/decision", admin, #"{"decision": "admonition", "note": "诫勉谈话。"}"#), .ref("Case"))
                try check(try await call(.get, "\(base)/cases", admin), .array(.ref("Case")))
                try check(try await call(.get, "\(base)/scores?period=2019-09", admin), .array(.ref("Score")))
                let settings = try await call(.get, "\(base)/supervision-settings", admin)
                try check(settings, .ref("SupervisionSettings"))
                var changed = try #require(try APITests.json(settings) as? [String: Any])
                var scoring = try #require(changed["scoring"] as? [String: Any])
                scoring["completion"] = 50
                changed["scoring"] = scoring
                let bad = try await call(
                    .put, "\(base)/supervision-settings", admin, String(data: try JSONSerialization.data(withJSONObject: changed), encoding: .utf8)!)
                #expect(bad.status == .badRequest)
                scoring["progress"] = 15
                changed["scoring"] = scoring
                try check(
                    try await call(
                        .put, "\(base)/supervision-settings", admin,
                        String(data: try JSONSerialization.data(withJSONObject: changed), encoding: .utf8)!),
                    .ref("SupervisionSettings"))
                #expect(try await database.read { try await SupervisionStore().settings(planID: plan.id, on: $0) }.scoring.completion == 50)
            }
        }
    }
}
