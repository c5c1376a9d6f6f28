import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import Testing

@testable import MinshengApp

/// A body over its limit (an upload, a form, a JSON body) answers 413 with the limit in the reader's language: an
/// error page on pages, a problem body in the API.
@Suite struct UploadLimitTests {
    @Test(arguments: TestEngine.available)
    func bodiesOverTheLimitAnswer413InTheReadersLanguage(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database in
            let f = try await ReportingFixture.make(database)
            let secret = try await database.write { try await TokenStore().create(userID: f.user("admin").id, name: "limits", now: Date(), on: $0) }
                .secret
            let big = Data(repeating: 0x41, count: (20 << 20) + 1)
            try await f.app().test(.router) { client in
                // A plan document over 20 MB, in Chinese by default, then in English.
                var office = WebSession(client: client)
                let token = try #require(try await office.login("admin", ReportingFixture.password))
                let chinese = try await office.postMultipart(SiteURL.imports.path, fields: [("_csrf", token)], file: ("plan.docx", big))
                #expect(chinese.status == .contentTooLarge)
                #expect(chinese.headers[.contentType] == "text/html; charset=utf-8")
                #expect(String(buffer: chinese.body).contains("文件超过 20 MB 的上限。"))
                let english = try await office.postMultipart(SiteURL.imports.path + "?lang=en", fields: [("_csrf", token)], file: ("plan.docx", big))
                #expect(english.status == .contentTooLarge)
                #expect(String(buffer: english.body).contains("The upload is larger than the 20 MB limit."))

                // A form names its own limit.
                var visitor = WebSession(client: client)
                let login = try await visitor.post(
                    SiteURL.login.path, form: [("username", "admin"), ("password", String(repeating: "x", count: 100_000))])
                #expect(login.status == .contentTooLarge)
                #expect(String(buffer: login.body).contains("文件超过 64 KB 的上限。"))

                // A JSON body, with the language from the query or the cookie.
                var headers: HTTPFields = [.authorization: "Bearer \(secret)", .contentType: "application/json"]
                for (query, cookie, detail) in [
                    ("", nil, "文件超过 20 MB 的上限。"), ("?lang=en", nil, "The upload is larger than the 20 MB limit."),
                    ("", "lang=en", "The upload is larger than the 20 MB limit."),
                ] as [(String, String?, String)] {
                    headers[.cookie] = cookie
                    let response = try await client.execute(
                        uri: SiteURL.api(.users).path + query, method: .post, headers: headers, body: ByteBuffer(bytes: big))
                    #expect(response.status == .contentTooLarge)
                    #expect(response.headers[.contentType] == "application/problem+json")
                    let problem = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                    #expect(problem["status"] as? Int == 413)
                    #expect(problem["detail"] as? String == detail)
                }
            }
        }
    }
}
