import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// Supervision through the API: notices, inspections, rectifications, cases, scores and settings, against the schema.
@Suite struct SupervisionAPIWebTests: SupervisionWebTesting {
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
