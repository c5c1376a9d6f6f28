import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import Testing

@testable import MinshengApp

/// The office's day through the API: the plan's current period, and the review queue filtered and paged as on its
/// page.
@Suite struct OfficeDayAPITests {
    @Test(arguments: TestEngine.available)
    func thePlanCarriesItsCurrentPeriodAndTheQueueFilters(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let submitted = try await f.saveLead(20, submit: true)
            let admin = try await database.write { try await TokenStore().create(userID: f.user("admin").id, name: "t", now: Date(), on: $0) }
                .secret
            let lead = try await database.write { try await TokenStore().create(userID: f.user("lead").id, name: "t", now: Date(), on: $0) }
                .secret
            try await f.app().test(.router) { client in
                func get(_ uri: String, _ token: String) async throws -> TestResponse {
                    try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(token)"], body: nil)
                }
                let plan = try await get("/api/v1/plans/\(f.plan.id)", admin)
                let body = try #require(try JSONSerialization.jsonObject(with: Data(buffer: plan.body)) as? [String: Any])
                // On 20 September 2019 months up to August have closed themselves.
                #expect(body["currentPeriod"] as? String == "2019-08")

                let queue = try await get("/api/v1/plans/\(f.plan.id)/reports?unit=\(f.leadUnit.id)&period=2019-09&page=1", admin)
                #expect(queue.status == .ok)
                #expect(queue.headers[.init("X-Total-Count")!] == "1")
                #expect(queue.headers[.init("X-Pages")!] == "1")
                let rows = try #require(try JSONSerialization.jsonObject(with: Data(buffer: queue.body)) as? [[String: Any]])
                #expect(rows.map { $0["id"] as? Int } == [Int(submitted.id)])
                let other = try await get("/api/v1/plans/\(f.plan.id)/reports?unit=\(f.responsibleUnit.id)", admin)
                #expect(other.headers[.init("X-Total-Count")!] == "0")
                #expect(try await get("/api/v1/plans/\(f.plan.id)/reports?unit=x", admin).status == .badRequest)
                #expect(try await get("/api/v1/plans/\(f.plan.id)/reports?unit=\(f.leadUnit.id)", lead).status == .forbidden)
            }
        }
    }
}
