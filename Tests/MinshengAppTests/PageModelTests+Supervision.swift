import Foundation
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// The demo and the services on it, judged on 12 October 2019, for calling the supervision pages' loaders without HTTP.
struct SupervisionPageDemo {
    var database: AppDatabase
    var plan: Plan
    var services: Services

    init(_ database: AppDatabase) async throws {
        self.database = database
        plan = try await DisclosureWebTests.demo(database)
        let configuration = TestDatabase.configuration(now: SupervisionWebTests.october12)
        services = Services(
            database: database, configuration: configuration, publicCache: PublicPageCache(clock: configuration.clock), notifier: nil)
    }

    func user(_ username: String) async throws -> User {
        try #require(try await database.read { try await UserStore().user(username: username, on: $0) })
    }

    /// A demo user as the policies see them, with the reach the sign-in gives them.
    func principal(_ username: String) async throws -> Principal {
        let user = try await user(username)
        return user.principal(reach: try await database.read { try await PlanReach.of(user, on: $0) })
    }

    func number(_ itemID: Int64?, in directory: SupervisionDirectory) -> Int? {
        itemID.flatMap { directory.items[$0]?.number }
    }
}

/// The supervision pages' models, loaded as their controllers load them: what each principal is shown.
@Suite struct SupervisionPageModelTests {
    @Test(arguments: TestEngine.available)
    func noticesAreTheUnitsOwnForAReporterAndCarryProposalsForTheOffice(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let demo = try await SupervisionPageDemo(database)
            let office = try await NoticesPage.Model.load(
                services: demo.services, principal: try await demo.principal("admin"), planID: nil, language: .zh)
            #expect(office.directory.plan.id == demo.plan.id)
            #expect(Set(office.notices.compactMap { demo.number($0.itemID, in: office.directory) }) == [19, 31, 35, 36, 40])
            #expect(!office.proposals.isEmpty)

            let leader = try await NoticesPage.Model.load(
                services: demo.services, principal: try await demo.principal("leader"), planID: demo.plan.id, language: .zh)
            #expect(leader.notices.count == office.notices.count)
            #expect(leader.proposals.isEmpty, "only the office issues notices")

            let reporter = try await demo.user("renfang")
            let own = try await NoticesPage.Model.load(
                services: demo.services, principal: try await demo.principal("renfang"), planID: demo.plan.id, language: .zh)
            #expect(own.notices.allSatisfy { $0.unitID == reporter.unitID })
            #expect(own.notices.count < office.notices.count)
            #expect(own.proposals.isEmpty)

            await #expect(throws: AppError.self) {
                _ = try await NoticesPage.Model.load(
                    services: demo.services, principal: try await demo.principal("admin"), planID: 9999, language: .zh)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func aNoticeIsHiddenFromAnotherUnitAndAnsweredOnlyByItsOwn(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let demo = try await SupervisionPageDemo(database)
            let office = try await NoticesPage.Model.load(
                services: demo.services, principal: try await demo.principal("admin"), planID: nil, language: .zh)
            let red = try #require(office.notices.first { demo.number($0.itemID, in: office.directory) == 40 })
            let model = try await NoticePage.Model.load(
                services: demo.services, principal: try await demo.principal("admin"), noticeID: red.id, language: .zh, error: "typed wrong")
            #expect(model.notice.id == red.id)
            #expect(model.directory.unit(model.notice.unitID) == "市机关事务管理局")
            #expect(model.canClose)
            #expect(model.canAnswer, "the office may answer for a unit")
            #expect(model.error == "typed wrong")
            let leader = try await NoticePage.Model.load(
                services: demo.services, principal: try await demo.principal("leader"), noticeID: red.id, language: .zh)
            #expect(!leader.canAnswer && !leader.canClose)

            let stranger = try await demo.user("jiaoyu")
            #expect(stranger.unitID != red.unitID)
            let hidden = await #expect(throws: AppError.self) {
                _ = try await NoticePage.Model.load(
                    services: demo.services, principal: try await demo.principal("jiaoyu"), noticeID: red.id, language: .zh)
            }
            #expect(hidden?.kind == .notFound)
        }
    }

    @Test(arguments: TestEngine.available)
    func inspectionsListTheDemosAndAPlannedOneOffersItsFigures(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let demo = try await SupervisionPageDemo(database)
            let inspector = try await demo.principal("inspector")
            let list = try await InspectionsPage.Model.load(services: demo.services, principal: inspector, planID: demo.plan.id, language: .zh)
            #expect(list.inspections.filter { $0.state == .done }.count == 3)
            #expect(list.inspections.filter { $0.state == .planned }.map { demo.number($0.itemID, in: list.directory) } == [36])
            #expect(list.canRecord)
            let leader = try await InspectionsPage.Model.load(
                services: demo.services, principal: try await demo.principal("leader"), planID: demo.plan.id, language: .zh)
            #expect(!leader.canRecord)

            let planned = try #require(list.inspections.first { $0.state == .planned })
            let page = try await InspectionPage.Model.load(services: demo.services, principal: inspector, inspectionID: planned.id, language: .zh)
            #expect(page.inspection.id == planned.id)
            #expect(page.canEdit)
            #expect(!page.figures.isEmpty, "a planned inspection of an item offers its figures to verify")
            #expect(page.figures.allSatisfy { $0.indicator.itemID == planned.itemID })

            let flagged = try #require(list.inspections.first { demo.number($0.itemID, in: list.directory) == 35 && $0.state == .done })
            let done = try await InspectionPage.Model.load(services: demo.services, principal: inspector, inspectionID: flagged.id, language: .zh)
            #expect(done.figures.isEmpty)
            #expect(done.inspection.values.contains { done.directory.settings.discrepancy.isDiscrepancy($0) })
            #expect(done.inspection.values.allSatisfy { done.indicators[$0.indicatorID] != nil })

            let missing = await #expect(throws: AppError.self) {
                _ = try await InspectionPage.Model.load(services: demo.services, principal: inspector, inspectionID: 9999, language: .zh)
            }
            #expect(missing?.kind == .notFound)
        }
    }

    @Test(arguments: TestEngine.available)
    func theNewInspectionFormNamesItsItemOrUnitAndRefusesNeither(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let demo = try await SupervisionPageDemo(database)
            let inspector = try await demo.principal("inspector")
            let form = try await NewInspectionPage.Model.load(
                services: demo.services, principal: inspector, planID: demo.plan.id, itemNumber: 35, itemID: nil, unitID: nil, language: .zh)
            #expect(form.item?.number == 35)
            #expect(!form.indicators.isEmpty)
            #expect(
                form.indicators.allSatisfy {
                    $0.indicator.itemID == form.item?.id && ($0.indicator.kind == .cumulative || $0.indicator.kind == .rate)
                })

            let unit = try await SupervisionWebTests.unit("市人防办", plan: demo.plan, database)
            let ofUnit = try await NewInspectionPage.Model.load(
                services: demo.services, principal: inspector, planID: demo.plan.id, itemNumber: nil, itemID: nil, unitID: unit, language: .zh,
                error: "again")
            #expect(ofUnit.item == nil)
            #expect(ofUnit.indicators.isEmpty)
            #expect(ofUnit.directory.unit(ofUnit.unitID) == "市人防办")
            #expect(ofUnit.error == "again")

            let neither = await #expect(throws: AppError.self) {
                _ = try await NewInspectionPage.Model.load(
                    services: demo.services, principal: inspector, planID: demo.plan.id, itemNumber: nil, itemID: nil, unitID: nil, language: .zh)
            }
            #expect(neither?.kind == .notFound)
        }
    }

    @Test(arguments: TestEngine.available)
    func rectificationsAreTheUnitsOwnForAReporter(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let demo = try await SupervisionPageDemo(database)
            let office = try await RectificationsPage.Model.load(
                services: demo.services, principal: try await demo.principal("admin"), planID: nil, language: .zh)
            #expect(office.rectifications.map(\.state) == [.closed])
            let closed = try #require(office.rectifications.first)

            let page = try await RectificationPage.Model.load(
                services: demo.services, principal: try await demo.principal("inspector"), rectificationID: closed.id, language: .zh)
            #expect(page.rectification.id == closed.id)
            #expect(!page.events.isEmpty)
            #expect(page.canReview)
            #expect(!page.canReport)

            for name in ["renfang", "jiaoyu"] {
                let reporter = try await demo.user(name)
                let own = try await RectificationsPage.Model.load(
                    services: demo.services, principal: try await demo.principal(name), planID: nil, language: .zh)
                #expect(own.rectifications.allSatisfy { $0.unitID == reporter.unitID })
                if reporter.unitID != closed.unitID {
                    #expect(own.rectifications.isEmpty)
                    await #expect(throws: AppError.self) {
                        _ = try await RectificationPage.Model.load(
                            services: demo.services, principal: try await demo.principal(name), rectificationID: closed.id, language: .zh)
                    }
                }
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func accountabilityShowsTheCaseAndProposalsOnlyToTheOffice(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let demo = try await SupervisionPageDemo(database)
            let admin = try await demo.principal("admin")
            let office = try await AccountabilityPage.Model.load(services: demo.services, principal: admin, planID: demo.plan.id, language: .zh)
            #expect(office.cases.count == 1)
            let entry = try #require(office.cases.first)
            #expect(entry.decision == .interview)
            #expect(demo.number(entry.itemID, in: office.directory) == 40)
            #expect(office.proposals.contains { demo.number($0.itemID, in: office.directory) == 35 && $0.rule == .discrepancy })
            let leader = try await AccountabilityPage.Model.load(
                services: demo.services, principal: try await demo.principal("leader"), planID: demo.plan.id, language: .zh)
            #expect(leader.cases.count == 1)
            #expect(leader.proposals.isEmpty)

            let page = try await AccountabilityCasePage.Model.load(services: demo.services, principal: admin, caseID: entry.id, language: .zh)
            #expect(page.entry.rule == .redNoticeUnanswered)
            #expect(page.directory.unit(page.entry.unitID) == "市机关事务管理局")
            #expect(page.canDecide)
            let hidden = await #expect(throws: AppError.self) {
                _ = try await AccountabilityCasePage.Model.load(
                    services: demo.services, principal: try await demo.principal("jiaoyu"), caseID: entry.id, language: .zh)
            }
            #expect(hidden?.kind == .notFound)
        }
    }

    @Test(arguments: TestEngine.available)
    func scoresRankEveryUnitForTheMonthOrThePeriodAskedFor(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let demo = try await SupervisionPageDemo(database)
            let admin = try await demo.principal("admin")
            let judged = try await ScoresPage.Model.load(services: demo.services, principal: admin, planID: nil, period: nil, language: .zh)
            #expect(judged.period == (try await database.read { try await demo.services.supervision.month(plan: demo.plan, on: $0) }))
            #expect(!judged.scores.isEmpty)
            #expect(judged.scores.first?.rank == 1)
            #expect(zip(judged.scores, judged.scores.dropFirst()).allSatisfy { $0.rank <= $1.rank && $0.total >= $1.total })
            #expect(Set(judged.scores.map(\.unitID)).isSubset(of: Set(judged.directory.units.keys)))

            let year = try await ScoresPage.Model.load(services: demo.services, principal: admin, planID: nil, period: "2019", language: .zh)
            #expect(year.period == .year(2019))
            let refused = await #expect(throws: AppError.self) {
                _ = try await ScoresPage.Model.load(services: demo.services, principal: admin, planID: nil, period: "2018-09", language: .zh)
            }
            #expect(refused?.kind == .invalidInput)
            #expect(refused?.message(in: .zh) == PeriodWords(language: .zh).monthOrYear(2019))
        }
    }

    @Test(arguments: TestEngine.available)
    func supervisionSettingsShowTheStoredOnesOrWhatWasTyped(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let demo = try await SupervisionPageDemo(database)
            let admin = try await demo.principal("admin")
            let stored = try await database.read { try await SupervisionStore().settings(planID: demo.plan.id, on: $0) }
            let model = try await SupervisionSettingsPage.Model.load(services: demo.services, principal: admin, planID: demo.plan.id, language: .zh)
            #expect(model.plan.id == demo.plan.id)
            #expect(model.settings == stored)
            #expect(model.message == nil && model.error == nil)

            var typed = stored
            typed.notices.nearDays = stored.notices.nearDays + 4
            let again = try await SupervisionSettingsPage.Model.load(
                services: demo.services, principal: admin, planID: demo.plan.id, language: .zh, error: "out of range", submitted: typed)
            #expect(again.settings.notices.nearDays == stored.notices.nearDays + 4)
            #expect(again.error == "out of range")
        }
    }
}
