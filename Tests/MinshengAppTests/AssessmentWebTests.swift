import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The assessment of the demo and its pages.
@Suite struct AssessmentWebTests {
    /// Every `<svg>…</svg>` of a page.
    static func svgs(in html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<svg"), let end = rest[start.lowerBound...].range(of: "</svg>") {
            found.append(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return found
    }

    static func parsesAsXML(_ text: String) -> Bool {
        XMLParser(data: Data(text.utf8)).parse()
    }

    @Test(arguments: TestEngine.available)
    func theDemoAssessmentTellsTheStory(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            _ = try await FirstStart(database: database, logger: TestDatabase.logger, clock: TestDatabase.clock).run(
                loadDemo: true, adminPassword: "demo password")
            let plan = try #require(try await database.read { try await PlanStore().plans(on: $0) }.first)
            let assessment = try await AssessmentService(database: database).assess(planID: plan.id, period: .month(year: 2019, month: 9))
            let status = Dictionary(uniqueKeysWithValues: assessment.items.map { ($0.number, $0.status) })
            for number in [19, 35, 36, 40] { #expect(status[number] == .seriouslyBehind, "item \(number)") }
            #expect(status[31] == .behind)
            #expect(status[48] == .notReported)
            for number in [7, 24] { #expect(status[number] == .completed, "item \(number)") }
            for number in [12, 16, 25, 42] { #expect(status[number] == .pending, "item \(number)") }
            let counts = assessment.counts
            #expect(counts[.onSchedule, default: 0] + counts[.ahead, default: 0] > 25)
            // In May the silent unit still reported, and the early items were not yet done.
            let may = try await AssessmentService(database: database).assess(planID: plan.id, period: .month(year: 2019, month: 5))
            #expect(may.item(try #require(assessment.items.first { $0.number == 48 }).itemID)?.status != .notReported)
            #expect(try #require(may.items.first { $0.number == 24 }).status != .completed)
            // Periods in every form.
            let quarter = try await AssessmentService(database: database).assess(planID: plan.id, period: .quarter(year: 2019, quarter: 3))
            #expect(quarter.counts == assessment.counts)
            let entries = assessment.items.map { AssessmentEntry($0, title: "") }
            let json = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(entries)) as! [[String: Any]]
            for key in ["number", "status", "progress", "expected", "forecast"] { #expect(json[0].keys.contains(key), "\(key)") }
            #expect(
                Set(json.compactMap { $0["status"] as? String }).isSubset(of: [
                    "completed", "ahead", "onSchedule", "behind", "seriouslyBehind", "notReported", "pending",
                ]))
        }
    }

    @Test(arguments: TestEngine.available)
    func thePagesShowTheStatusesAndEverySVGParses(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            _ = try await FirstStart(database: database, logger: TestDatabase.logger, clock: TestDatabase.clock).run(
                loadDemo: true, adminPassword: "demo password")
            let plan = try #require(try await database.read { try await PlanStore().plans(on: $0) }.first)
            let app = Application(router: buildRouter(database: database, configuration: TestDatabase.configuration()))
            try await app.test(.router) { client in
                var leader = WebSession(client: client)
                _ = try #require(try await leader.login("leader", "demo password"))
                let pages = [
                    "/overview?period=2019-09", "/overview?period=2019-Q2&status=seriouslyBehind", "/battle-map?period=2019-09",
                    "/plans/\(plan.id)/items/35?period=2019-09", "/plans/\(plan.id)/items/15?period=2019-09", "/units?period=2019-09",
                    "/units/1?period=2019-09",
                ]
                for path in pages {
                    let response = try await leader.get(path)
                    #expect(response.status == .ok, "\(path)")
                    let html = String(buffer: response.body)
                    for svg in Self.svgs(in: html) {
                        #expect(Self.parsesAsXML(svg), "\(path): an SVG does not parse")
                        #expect(svg.contains("<title") || svg.contains("aria-label"), "\(path): an SVG has no text alternative")
                    }
                }
                let overview = String(buffer: try await leader.get("/overview?period=2019-09").body)
                #expect(overview.contains("严重滞后"))
                #expect(overview.contains("落后序时进度超过 5 个百分点"))
                #expect(Self.svgs(in: overview).count >= 2)
                let filtered = String(buffer: try await leader.get("/overview?period=2019-09&status=seriouslyBehind").body)
                #expect(filtered.contains("35. "))
                #expect(!filtered.contains(">1. 实现54000名贫困人口脱贫<"))
                let item = String(buffer: try await leader.get("/plans/\(plan.id)/items/35?period=2019-09").body)
                #expect(item.contains("计划与实际"))
                #expect(item.contains("项目前期手续办理慢"))
                let map = String(buffer: try await leader.get("/battle-map?period=2019-09").body)
                // Item 35 is seriously behind: its bar carries the cross-hatched pattern of that status.
                #expect(map.contains("url(#sheet2-seriously-behind)"))
                #expect(map.contains("35. "))
                #expect(try await leader.get("/overview?period=2020-01").status == .badRequest)
                var reporter = WebSession(client: client)
                _ = try #require(try await reporter.login("jiaoyu", "demo password"))
                #expect(try await reporter.get("/overview").status == .forbidden)
                #expect(try await reporter.get("/plans/\(plan.id)/items/3").status == .ok)
                #expect(try await reporter.get("/plans/\(plan.id)/items/35").status == .notFound)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func theOfficeOverridesWithAReasonAndSetsSchedules(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            _ = try await FirstStart(database: database, logger: TestDatabase.logger, clock: TestDatabase.clock).run(
                loadDemo: true, adminPassword: "demo password")
            let plan = try #require(try await database.read { try await PlanStore().plans(on: $0) }.first)
            let detail = try #require(try await database.read { try await PlanStore().detail(planID: plan.id, on: $0) })
            let item35 = try #require(detail.items.first { $0.number == 35 })
            let indicator = try #require(detail.indicators.first { $0.itemID == item35.id && $0.parentID == nil })
            let app = Application(router: buildRouter(database: database, configuration: TestDatabase.configuration()))
            try await app.test(.router) { client in
                var office = WebSession(client: client)
                let token = try #require(try await office.login("admin", "demo password"))
                let path = "/plans/\(plan.id)/items/35/settings"
                let noReason = try await office.post(path, form: [("_csrf", token), ("period", "2019-09"), ("override", "onSchedule")])
                #expect(noReason.status == .badRequest)
                let badSchedule = try await office.post(
                    path, form: [("_csrf", token), ("period", "2019-09"), ("schedule.\(indicator.id)", "2019-13-01 开工")])
                #expect(badSchedule.status == .badRequest)
                #expect(String(buffer: badSchedule.body).contains("第1行"))
                let saved = try await office.post(
                    path,
                    form: [
                        ("_csrf", token), ("period", "2019-09"), ("override", "behind"), ("reason", "征迁已完成，主体施工加快"),
                        ("weight.\(indicator.id)", "2"), ("schedule.\(indicator.id)", "2019-06-30 开工 10%\n2019-12-31 建成 100%"),
                    ])
                #expect(saved.status == .seeOther)
                let page = String(buffer: try await office.get("/plans/\(plan.id)/items/35?period=2019-09").body)
                #expect(page.contains("征迁已完成，主体施工加快"))
                #expect(page.contains("2019-06-30 开工"))
            }
            let september = try await AssessmentService(database: database).assess(planID: plan.id, period: .month(year: 2019, month: 9))
            let assessed = try #require(september.item(item35.id))
            #expect(assessed.status == .behind)
            #expect(assessed.override?.reason == "征迁已完成，主体施工加快")
            // The override is for September only.
            let august = try await AssessmentService(database: database).assess(planID: plan.id, period: .month(year: 2019, month: 8))
            #expect(august.item(item35.id)?.override == nil)
            let schedules = try await database.read { try await AssessmentStore().schedules(planID: plan.id, on: $0) }
            #expect(
                schedules[indicator.id]
                    == .nodes([
                        ScheduleNode(name: "开工", due: CalendarDate(year: 2019, month: 6, day: 30)!, share: Decimal(string: "0.1")!),
                        ScheduleNode(name: "建成", due: CalendarDate(year: 2019, month: 12, day: 31)!, share: 1),
                    ]))
            let audit = try await database.read { try await AuditLog.entries(limit: 5, on: $0) }
            #expect(audit.first?.action == "item.assessment")
        }
    }
}
