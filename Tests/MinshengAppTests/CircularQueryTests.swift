import Foundation
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// Drafting a circular reads its inputs in a number of queries that does not grow with the number of items.
@Suite struct CircularQueryTests {
    @Test(arguments: TestEngine.available)
    func draftingACircularIssuesTheSameQueriesForThreeItemsAsForFiftyOne(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let imports = PlanImportService(database: database, clock: TestDatabase.clock)
            var small = try DemoLoader.draft().keepingFirst(3)
            small.title = "2019年甲县重点民生实事工作方案"
            small.jurisdiction = "甲县"
            var large = try DemoLoader.draft()
            large.title = "2019年乙县重点民生实事工作方案"
            large.jurisdiction = "乙县"
            let smallPlan = try await imports.store(small, by: .console).plan
            let largePlan = try await imports.store(large, by: .console).plan
            let documents = DocumentService(database: database, configuration: TestDatabase.configuration(now: ReportingFixture.afterDue))
            func queries(_ plan: Plan, _ kind: OfficialDocument.Kind, _ period: Period) async throws -> Int {
                let counter = CountingDatabase.Counter()
                _ = try await database.read { db in
                    try await documents.draft(kind: kind, planID: plan.id, period: period, on: CountingDatabase(base: db, counter: counter))
                }
                return counter.count
            }
            let items = try await database.read { try await PlanStore().items(planID: largePlan.id, on: $0).count }
            #expect(items == 51)
            for (kind, period) in [(OfficialDocument.Kind.quarterly, Period("2019-Q3")!), (.annual, Period("2019")!)] {
                let few = try await queries(smallPlan, kind, period)
                let many = try await queries(largePlan, kind, period)
                #expect(few == many, "\(kind): \(few) queries for 3 items, \(many) for 51")
            }
        }
    }
}
