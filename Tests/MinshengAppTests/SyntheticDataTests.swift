import Foundation
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// The synthetic data sets: their sizes, determinism and mix of statuses.
@Suite struct SyntheticDataTests {
    @Test func theScalesHaveTheirSizes() {
        let province = SyntheticData(scale: .province, seed: 1).places()
        #expect(province.count == 103)
        #expect(province.filter { $0.level == .city }.count == 17)
        let items = province.reduce(0) { $0 + $1.items }
        #expect((4_500...5_200).contains(items), "\(items) items")
        let nation = SyntheticData(scale: .nation, seed: 1).places()
        #expect((2_500...3_500).contains(nation.count), "\(nation.count) plans")
        let nationItems = nation.reduce(0) { $0 + $1.items }
        #expect((90_000...110_000).contains(nationItems), "\(nationItems) items")
        #expect(SyntheticData(scale: .nation, seed: 1).places().map(\.items) == nation.map(\.items), "the same seed gives the same data")
        #expect(nation.allSatisfy { place in place.parent.map { $0 < nation.count && nation[$0].level != .county } ?? (place.level == .province) })
    }

    @Test(arguments: TestEngine.available)
    func aGeneratedCityIsDeterministicAndHasARealisticMix(engine: TestEngine) async throws {
        var fingerprints: [[String]] = []
        for _ in 0..<2 {
            let fingerprint = try await TestDatabase.with(engine) { database -> [String] in
                try await TestUsers.create("admin", role: .admin, on: database)
                let admin = try #require(try await database.read { try await UserStore().user(username: "admin", on: $0) })
                let summary = try await SyntheticData(scale: .city, seed: 7).generate(into: database, adminID: admin.id)
                #expect(summary.plans == 1)
                #expect(summary.items == 51)
                #expect(summary.reports > 550)
                await #expect(throws: AppError.self) {
                    _ = try await SyntheticData(scale: .city, seed: 7).generate(into: database, adminID: admin.id)
                }
                let plan = try #require(try await database.read { try await PlanStore().plans(on: $0) }.first)
                let assessment = try await AssessmentService(database: database).assess(planID: plan.id, period: .month(year: 2019, month: 9))
                let counts = assessment.counts
                #expect((counts[.onSchedule] ?? 0) + (counts[.ahead] ?? 0) >= 15, "\(counts)")
                #expect((counts[.behind] ?? 0) + (counts[.seriouslyBehind] ?? 0) >= 3, "\(counts)")
                return assessment.items.map { "\($0.number):\($0.status.rawValue)" }
            }
            fingerprints.append(fingerprint)
        }
        #expect(fingerprints[0] == fingerprints[1])
    }
}
