import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// Each headline figure of the demo has one definition, computed in the core: the same through the overview, the
/// rollup, the unit pages, the ranking, the scores, the API, the circular and the public snapshot.
@Suite struct FiguresAgreeTests {
    static let september = Period.month(year: 2019, month: 9)
    /// 2019-10-10: September's reports are all due.
    static let now = ISO8601DateFormatter().date(from: "2019-10-10T02:00:00Z")!

    @Test(arguments: TestEngine.available)
    func everySurfaceShowsTheSameFigures(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await DocumentTests.demo(database)
            let configuration = TestDatabase.configuration(now: Self.now)
            let assessment = try await database.read {
                try await AssessmentService(database: database).assess(planID: plan.id, period: Self.september, on: $0)
            }
            let truth = assessment.counts
            #expect(truth.values.reduce(0, +) == 51)

            // The rollup, the circular and the public snapshot count the items by status alike.
            let rollup = try await RollupService(database: database, configuration: configuration).rollup(
                rootID: nil, period: Self.september, reach: .everything)
            #expect(rollup.total.counts == truth)
            let circular = try await database.read {
                try await DocumentService(database: database, configuration: configuration).draft(
                    kind: .monthly, planID: plan.id, period: Self.september, on: $0)
            }
            #expect(circular.summary.counts.filter { $0.value > 0 } == Dictionary(uniqueKeysWithValues: truth.map { ($0.key.rawValue, $0.value) }))
            let snapshot = try await database.read { db in
                try await PublicService.snapshot(
                    planID: plan.id, period: Self.september, sequence: 99, previousHash: "",
                    publishedOn: CalendarDate(year: 2019, month: 10, day: 10)!,
                    objectionsUntil: nil, on: db)
            }
            #expect(snapshot.counts.filter { $0.value > 0 } == Dictionary(uniqueKeysWithValues: truth.map { ($0.key.rawValue, $0.value) }))
            // Each item's status and progress: the snapshot and the circular's table by the one percentage rule.
            for item in assessment.items {
                let published = try #require(snapshot.items.first { $0.number == item.number })
                #expect(published.status == item.status, "item \(item.number) in the snapshot")
                #expect(published.progress == item.progress.map(Percent.of), "item \(item.number) progress in the snapshot")
                let row = try #require(circular.rows.first { $0.number == item.number })
                #expect(row.status == item.status, "item \(item.number) in the circular")
            }
            #expect(snapshot.progress == rollup.total.meanProgress.map(Percent.of))

            // On-time reporting: the rollup's total is the sum of every unit's, which the unit pages, the ranking
            // and the scores show.
            let onTime = try await database.read {
                try await ReportingService(database: database, configuration: configuration)
                    .onTimeReporting(planID: plan.id, year: 2019, throughMonth: 9, on: $0)
            }
            #expect(rollup.total.reportsOwed == onTime.values.map(\.owed).reduce(0, +))
            #expect(rollup.total.reportsOnTime == onTime.values.map(\.onTime).reduce(0, +))
            let scores = try await database.read {
                try await SupervisionService(database: database, configuration: configuration).scores(planID: plan.id, period: Self.september, on: $0)
            }
            let units = try await database.read { try await PlanStore().units(jurisdictionID: plan.jurisdictionID, on: $0) }
            let renfang = try #require(units.first { $0.name == "市人防办" })
            let renfangShare = try #require(Percent.share(onTime[renfang.id]?.onTime ?? 0, of: onTime[renfang.id]?.owed ?? 0))
            #expect(renfangShare < 1, "市人防办 stopped reporting after May")
            #expect(Percent.of(rollup.total.onTimeRate ?? 1) < 100, "the rollup may not show 100% while a unit owes reports")

            let app = Application(router: buildRouter(database: database, configuration: configuration))
            try await app.test(.router) { client in
                var admin = WebSession(client: client)
                _ = try #require(try await admin.login("admin", "demo password"))
                let query = "plan=\(plan.id)&period=2019-09"
                // The overview's chart says the counts in words.
                let overview = String(buffer: try await admin.get("/overview?\(query)").body)
                let words = Language.zh.assessment
                #expect(overview.contains(words.countsDescription(ProgressStatus.allCases.map { ($0, truth[$0] ?? 0) })))
                // The API.
                let api =
                    try JSONSerialization.jsonObject(
                        with: Data(buffer: try await admin.get("/api/v1/plans/\(plan.id)/assessment?period=2019-09").body)) as? [String: Any]
                let items = try #require(api?["items"] as? [[String: Any]])
                for entry in items {
                    let number = try #require(entry["number"] as? Int)
                    #expect(
                        entry["status"] as? String == assessment.items.first { $0.number == number }?.status.rawValue, "item \(number) in the API")
                }
                // The ranking lists the units in the scores' order, each with its on-time share as on its own page.
                let ranking = String(buffer: try await admin.get("/units?\(query)").body)
                let positions = scores.map { score in ranking.range(of: ">\(score.name)</a>")?.lowerBound }
                #expect(positions.allSatisfy { $0 != nil }, "every scored unit is ranked")
                #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted(), "the ranking follows the scores")
                let unitPage = String(buffer: try await admin.get("/units/\(renfang.id)?\(query)").body)
                #expect(unitPage.contains(Percent.text(renfangShare)), "市人防办's page")
                let row = try #require(ranking.range(of: ">市人防办</a>").map { String(ranking[$0.upperBound...].prefix(600)) })
                #expect(row.contains(Percent.text(renfangShare)), "市人防办 in the ranking")
                let score = try #require(scores.first { $0.unitID == renfang.id })
                #expect(score.lines.contains { $0.explanation.contains(Percent.tenths(renfangShare)) }, "市人防办's score explains its reporting")
            }
        }
    }
}
