import Foundation
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// The assessment, plan and report pages' models, loaded without HTTP.
@Suite struct PageModelAssessmentTests {
    static let september = Period.month(year: 2019, month: 9)

    /// Runs `body` against the demo (FirstStart's demo data and accounts) with its services and plan.
    static func withDemo(_ engine: TestEngine, _ body: (Services, Plan) async throws -> Void) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            _ = try await FirstStart(database: database, logger: TestDatabase.logger, clock: TestDatabase.clock).run(
                loadDemo: true, adminPassword: "demo password")
            let services = Services(
                database: database, configuration: TestDatabase.configuration(), publicCache: PublicPageCache(clock: TestDatabase.clock),
                notifier: nil)
            let plan = try #require(try await database.read { try await PlanStore().plans(on: $0) }.first)
            try await body(services, plan)
        }
    }

    static func user(_ name: String, _ services: Services) async throws -> User {
        try #require(try await services.database.read { try await UserStore().user(username: name, on: $0) })
    }

    static func reach(_ user: User, _ services: Services) async throws -> PlanReach {
        try await services.database.read { try await PlanReach.of(user, on: $0) }
    }

    static func isNotFound(_ error: any Error) -> Bool {
        (error as? AppError)?.kind == .notFound
    }

    @Test(arguments: TestEngine.available)
    func theScopeAndTheOverviewFilterTheItems(engine: TestEngine) async throws {
        try await Self.withDemo(engine) { services, plan in
            let scope = try await AssessmentScope.resolve(
                planID: nil, period: "2019-09", reach: .everything, language: .zh, services: services)
            #expect(scope.plan.id == plan.id)
            #expect(scope.period == Self.september)
            await #expect {
                _ = try await AssessmentScope.resolve(planID: nil, period: "2020-01", reach: .everything, language: .zh, services: services)
            } throws: { ($0 as? AppError)?.kind == .invalidInput }
            let (all, behind, detail) = try await services.database.read { db in
                (
                    try await OverviewPage.Model.load(services: services, plan: plan, period: Self.september, filters: (nil, nil, nil), on: db),
                    try await OverviewPage.Model.load(
                        services: services, plan: plan, period: Self.september, filters: (nil, .seriouslyBehind, nil), on: db),
                    try #require(try await PlanStore().detail(planID: plan.id, on: db))
                )
            }
            #expect(all.rows.count == detail.items.count)
            #expect(all.categories.count == detail.categories.count)
            #expect(Set(behind.rows.map(\.item.number)).isSuperset(of: [19, 35, 36, 40]))
            #expect(behind.rows.allSatisfy { $0.assessment.status == .seriouslyBehind })
            #expect(!behind.rows.contains { $0.item.number == 1 })
            #expect(behind.filters.status == .seriouslyBehind)
        }
    }

    @Test(arguments: TestEngine.available)
    func theBattleMapHasEveryItemMonthByMonth(engine: TestEngine) async throws {
        try await Self.withDemo(engine) { services, plan in
            let model = try await services.database.read { db in
                try await BattleMapPage.Model.load(services: services, plan: plan, period: Self.september, on: db)
            }
            let items = try await services.database.read { try await PlanStore().items(planID: plan.id, on: $0) }
            #expect(model.rows.map(\.item.number).sorted() == items.map(\.number).sorted())
            #expect(model.categories.first?.category.name == "脱贫攻坚")
            #expect(model.months == Array(1...9))
            let item35 = try #require(model.rows.first { $0.item.number == 35 })
            #expect(model.cells[item35.item.id]?[9]?.status == .seriouslyBehind)
            #expect(!item35.leadUnits.isEmpty)
            #expect(model.counts.values.reduce(0, +) == items.count)
            // A3 landscape: sheets of at most 30 items, a category cut at a sheet's end named again on the next.
            let view = BattleMapPage.View(model: model, page: PageContext(language: .zh, path: "/battle-map"))
            let sheets = view.pages
            #expect(sheets.count == (items.count + 29) / 30)
            #expect(sheets.allSatisfy { $0.reduce(0) { $0 + $1.rows.count } <= 30 })
            #expect(sheets.flatMap { $0.flatMap(\.rows) }.map(\.item.number) == model.rows.map(\.item.number))
            let html = view.renderMain().string
            #expect(html.contains("数据截至2019年9月30日"))
            #expect(!html.contains("…"))
            for status in ProgressStatus.allCases { #expect(html.contains(BattleMapWords(language: .zh).explanation(status))) }
            // The big screen shows one category at a time and moves on to the next by itself.
            let screen = BattleMapPage.ScreenView(model: model, page: PageContext(language: .en, path: "/battle-map"), category: 2)
                .render()
            #expect(screen.contains("Category 2 of \(model.categories.count)"))
            #expect(screen.contains("screen=1&amp;category=3"))
        }
    }

    @Test(arguments: TestEngine.available)
    func theItemPageShowsWhatTheReaderMaySee(engine: TestEngine) async throws {
        try await Self.withDemo(engine) { services, plan in
            let leader = try await Self.user("leader", services)
            let item = try await ItemPage.Model.load(
                services: services, user: leader, plan: plan, number: 35, period: Self.september, language: .zh)
            #expect(item.item.number == 35)
            #expect(item.assessment.status == .seriouslyBehind)
            #expect(item.reports.contains { $0.report.problems.contains("项目前期手续办理慢") })
            #expect(!item.lines.isEmpty)
            #expect(!item.isOffice)
            #expect(item.error == nil)
            let reporter = try await Self.user("jiaoyu", services)
            let own = try await ItemPage.Model.load(services: services, user: reporter, plan: plan, number: 3, period: Self.september, language: .zh)
            #expect(own.item.number == 3)
            // A reporter reads its own unit's reports, and of a led item only its units' submitted parts.
            #expect(own.reports.allSatisfy { $0.report.unitID == reporter.unitID || ($0.report.role == .responsible && $0.report.state != .draft) })
            #expect(!own.isOffice)
            await #expect {
                _ = try await ItemPage.Model.load(services: services, user: reporter, plan: plan, number: 35, period: Self.september, language: .zh)
            } throws: { Self.isNotFound($0) }
            let admin = try await Self.user("admin", services)
            let refused = try await ItemPage.Model.load(
                services: services, user: admin, plan: plan, number: 35, period: Self.september, language: .zh, error: "refused")
            #expect(refused.isOffice)
            #expect(refused.error == "refused")
        }
    }

    @Test(arguments: TestEngine.available)
    func theUnitPageAndTheRankingListTheUnitsItems(engine: TestEngine) async throws {
        try await Self.withDemo(engine) { services, plan in
            let leader = try await Self.user("leader", services)
            let unit = try await UnitPage.Model.load(
                services: services, user: leader, reach: try await Self.reach(leader, services), language: .zh, unitID: 1, planID: nil,
                period: "2019-09")
            #expect(unit.unit.id == 1)
            #expect(unit.period == Self.september)
            #expect(!unit.rows.isEmpty)
            #expect(unit.rows.map(\.item.number) == unit.rows.map(\.item.number).sorted())
            let reporter = try await Self.user("jiaoyu", services)
            let reporterUnit = try #require(reporter.unitID)
            let other: Int64 = reporterUnit == 1 ? 2 : 1
            await #expect {
                _ = try await UnitPage.Model.load(
                    services: services, user: reporter, reach: try await Self.reach(reporter, services), language: .zh, unitID: other,
                    planID: nil, period: "2019-09")
            } throws: { Self.isNotFound($0) }
            let ranking = try await UnitRankingPage.Model.load(services: services, plan: plan, period: Self.september)
            let leads = try await services.database.read { db in
                Set(try await PlanStore().assignments(planID: plan.id, on: db).filter { $0.role == .lead }.map(\.unitID))
            }
            #expect(ranking.rows.count == leads.count)
            #expect(ranking.rows.allSatisfy { $0.items > 0 && $0.onTrack <= $0.items })
            let scores = try await services.database.read { try await services.supervision.scores(planID: plan.id, period: Self.september, on: $0) }
            let order = scores.map(\.unitID).filter(leads.contains)
            #expect(Array(ranking.rows.map(\.unit.id).prefix(order.count)) == order)
        }
    }

    @Test(arguments: TestEngine.available)
    func theRollupAndTheSettingsLoad(engine: TestEngine) async throws {
        try await Self.withDemo(engine) { services, plan in
            let rollup = try await RollupPage.Model.load(services: services, reach: .everything, rootID: nil, period: Self.september)
            #expect(rollup.rollup.period == Self.september)
            #expect(rollup.rollup.total.plans == 1)
            #expect(rollup.rollup.total.items > 0)
            let settings = try await AssessmentSettingsPage.Model.load(services: services, planID: plan.id, message: "✓")
            #expect(settings.plan.id == plan.id)
            #expect((1...12).contains(settings.settings.completionMonth))
            #expect(settings.message == "✓")
            await #expect { _ = try await AssessmentSettingsPage.Model.load(services: services, planID: 9999) } throws: { Self.isNotFound($0) }
        }
    }

    @Test(arguments: TestEngine.available)
    func thePlanPageHasEveryItemByCategory(engine: TestEngine) async throws {
        try await Self.withDemo(engine) { services, plan in
            let newest = try #require(try await PlanPage.Model.loadNewest(reach: .everything, database: services.database))
            let detail = try #require(try await services.database.read { try await PlanStore().detail(planID: plan.id, on: $0) })
            #expect(newest.plan.id == plan.id)
            #expect(newest.itemCount == detail.items.count)
            #expect(newest.sections.count == detail.categories.count)
            let byID = try await PlanPage.Model.load(planID: plan.id, reach: .everything, language: .zh, database: services.database)
            #expect(byID.allPlans.map(\.id) == [plan.id])
            #expect(try await PlanPage.Model.loadNewest(reach: .nothing, database: services.database) == nil)
            await #expect {
                _ = try await PlanPage.Model.load(planID: 9999, reach: .everything, language: .zh, database: services.database)
            } throws: { Self.isNotFound($0) }
        }
    }

    @Test(arguments: TestEngine.available)
    func theReportPageShowsTheUnitsReportToThoseWhoMayOpenIt(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            try await f.saveLead(42)
            let services = Services(
                database: database, configuration: f.configuration, publicCache: PublicPageCache(clock: f.configuration.clock), notifier: nil)
            let report = try await ReportPage.Model.load(
                services: services, user: f.user("lead"), planID: f.plan.id, period: ReportingFixture.september, itemID: f.item.id,
                unitID: f.leadUnit.id)
            #expect(report.role == .lead)
            #expect(report.versions.count == 1)
            #expect(report.current?.value(for: f.topIndicator.id)?.value == 42)
            #expect(report.editable)
            #expect(!report.isOffice)
            #expect(report.indicators.count == f.indicators.count)
            await #expect {
                _ = try await ReportPage.Model.load(
                    services: services, user: f.user("foreign"), planID: f.plan.id, period: ReportingFixture.september, itemID: f.item.id,
                    unitID: f.leadUnit.id)
            } throws: { Self.isNotFound($0) }
            let refused = try await ReportPage.Model.load(
                services: services, user: f.user("admin"), planID: f.plan.id, period: ReportingFixture.september, itemID: f.item.id,
                unitID: f.leadUnit.id, error: "refused")
            #expect(refused.isOffice)
            #expect(refused.error == "refused")
        }
    }
}
