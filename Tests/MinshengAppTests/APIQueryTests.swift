import Foundation
import MinshengCore
import Testing

@testable import MinshengApp

/// The services' reads that the API's handlers call, asked directly: each filters by the reader and refuses what the
/// handler refused.
@Suite struct APIQueryTests {
    /// The code of the error `body` throws, if it throws an ``AppError``.
    static func code(_ body: () async throws -> Void) async -> String? {
        do {
            try await body()
            return nil
        } catch let error as AppError {
            return error.code
        } catch {
            return "\(error)"
        }
    }

    @Test(arguments: TestEngine.available)
    func aReporterListsItsOwnDraftsAndNotAnotherUnits(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let lead = try await f.saveLead(5)
            let county = try await f.service.save(
                planID: f.plan.id, itemID: f.item.id, unitID: f.responsibleUnit.id, period: ReportingFixture.september,
                draft: f.draft(1), expectedLock: nil, submit: false, by: f.actor("county"), user: f.user("county"))

            let seenByLead = try await f.service.latestReports(planID: f.plan.id, period: ReportingFixture.september, user: f.user("lead"))
            #expect(seenByLead.map(\.id) == [lead.id])
            let seenByCounty = try await f.service.latestReports(planID: f.plan.id, period: ReportingFixture.september, user: f.user("county"))
            #expect(seenByCounty.map(\.id) == [county.id])
            let drafts = try await f.service.reports(planID: f.plan.id, state: .draft, user: f.user("admin"))
            #expect(Set(drafts.map(\.id)) == [lead.id, county.id])

            let detail = try await f.service.reportDetail(id: lead.id, user: f.user("lead"))
            #expect(detail.report.id == lead.id && detail.versions.map(\.id) == [lead.id])
            #expect(await Self.code { _ = try await f.service.reportDetail(id: lead.id, user: f.user("foreign")) } == "report.notFound")
            #expect(
                await Self.code { _ = try await f.service.latestReports(planID: 9999, period: ReportingFixture.september, user: f.user("admin")) }
                    == "plan.notFound")
        }
    }

    @Test(arguments: TestEngine.available)
    func theUnitDirectoryIsThePlansJurisdictionsWithGroupMembers(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let queries = PlanQueries(database: database, configuration: f.configuration)
            let stored = try await database.read { try await PlanStore().units(jurisdictionID: f.plan.jurisdictionID, on: $0) }
            let reach = try await database.read { try await PlanReach.of(f.user("admin"), on: $0) }

            let named = try await queries.units(planID: f.plan.id, reach: reach)
            #expect(named.map(\.unit.id) == stored.map(\.id))
            #expect(named.allSatisfy { $0.unit.jurisdictionID == f.plan.jurisdictionID })
            #expect(named.contains { $0.unit.kind == .group && !$0.memberIDs.isEmpty })
            #expect(named.allSatisfy { $0.unit.kind == .group || $0.memberIDs.isEmpty })
            #expect(try await queries.units(planID: nil, reach: reach).map(\.unit.id) == stored.map(\.id))
            #expect(try await queries.units(planID: nil, reach: .nothing).isEmpty)
            #expect(await Self.code { _ = try await queries.units(planID: 9999, reach: reach) } == "plan.notFound")
        }
    }

    @Test(arguments: TestEngine.available)
    func supervisionReadsCarryThePlansScopeAndRefuseAnotherYear(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let supervision = SupervisionService(database: database, configuration: f.configuration)
            let scope = try await supervision.scope(planID: f.plan.id)
            #expect(scope.plan.id == f.plan.id)
            #expect(scope.itemNumbers[f.item.id] == f.item.number)
            #expect(try await supervision.itemID(number: f.item.number, planID: f.plan.id) == f.item.id)
            let target = try await supervision.inspectionTarget(planID: f.plan.id, itemNumber: f.item.number, unitID: nil)
            #expect(target.itemID == f.item.id && target.unitID == f.leadUnit.id)
            let (_, notices) = try await supervision.notices(planID: f.plan.id, by: f.user("lead").principal(reach: .everything))
            #expect(notices.isEmpty)
            let otherYear = Period.month(year: f.plan.year - 1, month: 9)
            #expect(await Self.code { _ = try await supervision.scores(planID: f.plan.id, period: otherYear) } == "api.period.document")
            #expect(await Self.code { _ = try await supervision.scope(planID: 9999) } == "plan.notFound")
        }
    }
}
