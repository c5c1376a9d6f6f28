import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// The per-plan revision that triggers advance, and the cached assessments keyed by it.
@Suite struct PlanRevisionTests {
    @Test(arguments: TestEngine.available)
    func everyChangeTheAssessmentReadsAdvancesTheRevision(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await DisclosureWebTests.demo(database)
            func revision() async throws -> Int64 { try await database.read { try await PlanRevisionCache.revision(planID: plan.id, on: $0) } }
            let item = try #require(try await database.read { try await PlanStore().items(planID: plan.id, on: $0) }.first { $0.number == 3 })
            let indicator = try #require(
                try await database.read { try await PlanStore().indicators(planID: plan.id, on: $0) }.first { $0.itemID == item.id })
            var last = try await revision()
            #expect(last > 0)
            let changes: [(String, @Sendable (any SQLDatabase) async throws -> Void)] = [
                ("a value", { try await $0.raw("UPDATE report_values SET value = '1' WHERE indicator_id = \(bind: indicator.id)").run() }),
                ("a report", { try await $0.raw("UPDATE reports SET progress = 'x' WHERE item_id = \(bind: item.id)").run() }),
                (
                    "an override",
                    {
                        try await AssessmentStore().setOverride(
                            StatusOverride(status: .behind, reason: "r"), itemID: item.id, period: .month(year: 2019, month: 9), by: nil, now: Date(),
                            on: $0)
                    }
                ),
                ("a weight", { try await AssessmentStore().setWeight(2, indicatorID: indicator.id, on: $0) }),
                ("a schedule", { try await AssessmentStore().setSchedule(.monthlyCurve([6: 10]), indicatorID: indicator.id, on: $0) }),
                (
                    "the settings",
                    {
                        try await AssessmentStore().setSettings(
                            AssessmentSettings(yellowThreshold: 4, redThreshold: 12, aheadThreshold: 5, completionMonth: 11), planID: plan.id, on: $0)
                    }
                ),
                ("an item", { try await $0.raw("UPDATE items SET title = 'y' WHERE id = \(bind: item.id)").run() }),
            ]
            for (name, change) in changes {
                try await database.write { try await change($0) }
                let now = try await revision()
                #expect(now > last, "\(name) did not advance the revision")
                last = now
            }
            // Changes elsewhere leave it alone.
            try await database.write { try await $0.raw("UPDATE users SET role = role").run() }
            #expect(try await revision() == last)
        }
    }

    @Test(arguments: TestEngine.available)
    func aCachedAssessmentIsNeverServedAfterTheDataChanged(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await DisclosureWebTests.demo(database)
            let service = AssessmentService(database: database)
            let september = Period.month(year: 2019, month: 9)
            let first = try await service.assess(planID: plan.id, period: september)
            let again = try await service.assess(planID: plan.id, period: september)
            #expect(first.items.map(\.status) == again.items.map(\.status))
            let item7 = try #require(first.items.first { $0.number == 7 })
            #expect(item7.status == .completed)
            // Another instance (here, plain SQL) takes item 7's figures back to nothing.
            try await database.write { db in
                try await db.raw(
                    "UPDATE report_values SET value = '0' WHERE report_id IN (SELECT id FROM reports WHERE item_id = \(bind: item7.itemID))"
                ).run()
            }
            let after = try await service.assess(planID: plan.id, period: september)
            #expect(after.items.first { $0.number == 7 }?.status != .completed)
            // Deleting a plan (its items, indicators and assignments cascade) is not stopped by the triggers.
            let other = try await database.write { db in
                try await PlanStore().insert(
                    try DemoLoader.draft(), jurisdiction: try await PlanStore().jurisdiction(named: "示范市", level: .city, on: db), now: Date(), on: db)
            }
            try await database.write { try await $0.delete(from: "plans").where("id", .equal, other.id).run() }
            #expect(try await database.read { try await PlanStore().plans(on: $0) }.map(\.id) == [plan.id])
        }
    }

    @Test(arguments: TestEngine.available)
    func keptPagesAndPlanJSONFollowAChange(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await DisclosureWebTests.demo(database)
            try await DisclosureWebTests.app(database).test(.router) { client in
                var leader = WebSession(client: client)
                _ = try #require(try await leader.login("leader", DisclosureWebTests.password))
                let overview = "/overview?plan=\(plan.id)&period=2019-09&status=completed"
                let battleMap = "/battle-map?plan=\(plan.id)&period=2019-09"
                let item7 = try #require(try await database.read { try await PlanStore().items(planID: plan.id, on: $0) }.first { $0.number == 7 })
                #expect(String(buffer: try await leader.get(overview).body).contains("/items/7"))
                _ = try await leader.get(battleMap)
                #expect(String(buffer: try await leader.get("/api/v1/plans/\(plan.id)").body).contains(item7.title))
                // Another instance (plain SQL) takes item 7's figures back to nothing and renames it.
                try await database.write { db in
                    try await db.raw(
                        "UPDATE report_values SET value = '0' WHERE report_id IN (SELECT id FROM reports WHERE item_id = \(bind: item7.id))"
                    ).run()
                    try await db.raw("UPDATE items SET title = '改过的标题' WHERE id = \(bind: item7.id)").run()
                }
                #expect(!String(buffer: try await leader.get(overview).body).contains("/items/7"), "the overview was served from before the change")
                #expect(String(buffer: try await leader.get(battleMap).body).contains("改过的标题"), "the battle map was served from before the change")
                #expect(
                    String(buffer: try await leader.get("/api/v1/plans/\(plan.id)").body).contains("改过的标题"),
                    "the plan JSON was served from before the change")
            }
        }
    }

    @Test func theCacheIsBounded() async throws {
        let cache = PlanRevisionCache(limit: 3)
        for key in 0..<10 {
            let value = try await cache.value(planID: Int64(key % 4), revision: 1, key: "k\(key)") { key }
            #expect(value == key)
        }
        let cached = try await cache.value(planID: 1, revision: 1, key: "k9") { -1 }
        #expect(cached == 9)
        let recomputed = try await cache.value(planID: 1, revision: 2, key: "k9") { -1 }
        #expect(recomputed == -1, "a new revision computes again")
        // An optional value is told apart from a missing one.
        _ = try await cache.value(planID: 5, revision: 1, key: "other") { 1 }
        let optional: String? = try await cache.value(planID: 5, revision: 1, key: "optional") { "computed" }
        #expect(optional == "computed")
    }
}

/// A crowd asking for one cold view computes it once.
@Suite struct SingleFlightTests {
    actor Counter {
        var count = 0
        func increment() { count += 1 }
    }

    @Test func concurrentCallersShareOneComputation() async throws {
        let flights = SingleFlight()
        let counter = Counter()
        let results = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<20 {
                group.addTask {
                    try await flights.run("rollup") {
                        await counter.increment()
                        try await Task.sleep(for: .milliseconds(200))
                        return 42
                    }
                }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: 42, count: 20))
        #expect(await counter.count == 1)
        // Once finished, the next caller computes afresh.
        _ = try await flights.run("rollup") {
            await counter.increment()
            return 0
        }
        #expect(await counter.count == 2)
    }
}
