import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import Testing

@testable import MinshengApp

/// A refusal of the core reaches the API with its stable code and in the reader's language, never English in the
/// Chinese answer.
@Suite struct ErrorCodeTests {
    @Test(arguments: TestEngine.available)
    func aRefusalCarriesItsCodeAndSpeaksTheReadersLanguage(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let leadToken = try await database.write { try await TokenStore().create(userID: f.user("lead").id, name: "t", now: Date(), on: $0) }
                .secret
            let adminToken = try await database.write { try await TokenStore().create(userID: f.user("admin").id, name: "t", now: Date(), on: $0) }
                .secret
            try await f.app().test(.router) { client in
                func call(_ method: HTTPRequest.Method, _ uri: String, _ token: String, _ body: String) async throws -> [String: Any] {
                    let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
                    let response = try await client.execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: body))
                    return try #require(try APITests.json(response) as? [String: Any])
                }
                let saved = try await call(.put, "/api/v1" + f.reportPath, leadToken, #"{"values":[],"progress":"a","submit":true}"#)
                let id = try #require(saved["id"] as? Int)
                let lock = try #require(saved["lockVersion"] as? Int)
                let chinese = try await call(.post, "/api/v1/reports/\(id)/return", adminToken, #"{"lockVersion":\#(lock)}"#)
                #expect(chinese["status"] as? Int == 400)
                #expect(chinese["code"] as? String == "report.return.reasonRequired")
                let chineseDetail = try #require(chinese["detail"] as? String)
                #expect(chineseDetail == ReportWorkflow.Refusal.reasonRequired(.return).phrase.zh)
                #expect(!chineseDetail.contains { $0.isASCII && $0.isLetter }, "\(chineseDetail)")
                let english = try await call(.post, "/api/v1/reports/\(id)/return?lang=en", adminToken, #"{"lockVersion":\#(lock)}"#)
                #expect(english["code"] as? String == "report.return.reasonRequired")
                #expect(english["detail"] as? String == "A reason is required to return a report.")
                // A record that does not exist is named by its own code, in the reader's language.
                let missing = try await call(.post, "/api/v1/reports/999999/accept", adminToken, #"{"lockVersion":1}"#)
                #expect(missing["code"] as? String == "report.notFound")
                #expect(missing["detail"] as? String == "没有编号为999999的报告。")
            }
        }
    }
}
