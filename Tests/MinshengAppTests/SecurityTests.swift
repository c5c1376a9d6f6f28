import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// Hostile input and the browser's defences: security headers on every page, injection through searches and
/// filters, path traversal in downloads, and uploads that pretend to be something else.
@Suite struct SecurityTests {
    static let password = DisclosureWebTests.password

    static func checkHeaders(_ response: TestResponse, _ path: String) {
        let policy = response.headers[.contentSecurityPolicy] ?? ""
        #expect(!policy.isEmpty, "\(path): no content security policy")
        let script = policy.split(separator: ";").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("script-src") }.map(String.init) ?? ""
        #expect(!script.contains("unsafe-inline") && !script.contains("unsafe-eval"), "\(path): \(policy)")
        #expect(policy.contains("frame-ancestors 'none'"), "\(path): \(policy)")
        #expect(response.headers[.init("X-Content-Type-Options")!] == "nosniff", "\(path)")
        #expect(response.headers[.init("Referrer-Policy")!] == "same-origin", "\(path)")
        #expect(response.headers[.init("X-Frame-Options")!] == "DENY", "\(path)")
    }

    /// Every `<script>` of a page has a source; no element carries an event handler attribute.
    static func inlineScripts(in html: String) -> [String] {
        var found: [String] = []
        var rest = html[...]
        while let start = rest.range(of: "<script") {
            let tag = rest[start.lowerBound...].prefix { $0 != ">" }
            if !tag.contains("src=") { found.append(String(tag)) }
            rest = rest[start.upperBound...]
        }
        let handlers = html.range(of: #"\son[a-z]+=""#, options: .regularExpression).map { [String(html[$0])] } ?? []
        return found + handlers
    }

    @Test(arguments: TestEngine.available)
    func everyResponseCarriesTheSecurityHeaders(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await DisclosureWebTests.demo(database)
            try await DisclosureWebTests.app(database).test(.router) { client in
                var admin = WebSession(client: client)
                _ = try #require(try await admin.login("admin", Self.password))
                let pages = [
                    "/", "/login", "/overview", "/battle-map", "/rollup", "/plans/\(plan.id)/items/35", "/supervision", "/inspections", "/scores",
                    "/documents",
                    "/admin/publications", "/admin/users", "/public/plans/\(plan.id)", "/public/plans/\(plan.id)/items/3",
                    "/public/plans/\(plan.id)/search",
                    "/api/v1/plans", "/no/such/page", "/api/v1/no/such",
                ]
                for path in pages {
                    let response = try await admin.get(path)
                    Self.checkHeaders(response, path)
                    if response.headers[.contentType]?.hasPrefix("text/html") == true {
                        #expect(Self.inlineScripts(in: String(buffer: response.body)).isEmpty, "\(path) has inline script")
                    }
                }
                let anonymous = try await client.execute(uri: "/overview", method: .get)
                Self.checkHeaders(anonymous, "/overview (signed out)")
                let unauthorised = try await client.execute(uri: "/api/v1/users", method: .get)
                #expect(unauthorised.status == .unauthorized)
                Self.checkHeaders(unauthorised, "/api/v1/users (no token)")
                let https = try await client.execute(uri: "/login", method: .get, headers: [.init("X-Forwarded-Proto")!: "https"])
                #expect(https.headers[.init("Strict-Transport-Security")!] == "max-age=31536000")
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func injectionThroughSearchesAndFiltersChangesNothing(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await DisclosureWebTests.demo(database)
            let before = try await database.read { db in
                try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("users").first()?.int("n")
            }
            try await DisclosureWebTests.app(database).test(.router) { client in
                var admin = WebSession(client: client)
                let token = try #require(try await admin.login("admin", Self.password))
                let attacks = [
                    "' OR '1'='1", "1; DROP TABLE users; --", "%' UNION SELECT password_hash FROM users --", "\\\"); DELETE FROM reports; --",
                ]
                for attack in attacks {
                    let encoded = WebSession.encode(attack)
                    let search = try await client.execute(uri: "/public/plans/\(plan.id)/search?q=\(encoded)", method: .get)
                    #expect(search.status == .ok, "\(attack)")
                    #expect(String(buffer: search.body).contains("没有找到匹配的事项"), "\(attack) matched something")
                    for path in [
                        "/overview?category=\(encoded)", "/overview?status=\(encoded)&unit=\(encoded)", "/admin/audit?limit=\(encoded)",
                        "/scores?period=\(encoded)", "/supervision?plan=\(encoded)", "/rollup?jurisdiction=\(encoded)",
                        "/rollup?period=\(encoded)",
                    ] {
                        let response = try await admin.get(path)
                        #expect(response.status.code < 500, "\(path): \(response.status)")
                        if path.hasPrefix("/supervision?plan=") { #expect(response.status == .badRequest, "\(path) was not refused") }
                        #expect(!String(buffer: response.body).contains("$2"), "\(path) shows a password hash")
                    }
                    // Integer query parameters of the API that are not integers are refused, as the document says.
                    for path in [
                        "/api/v1/units?plan=\(encoded)", "/api/v1/audit?offset=\(encoded)", "/api/v1/plans/\(plan.id)/tasks?unit=\(encoded)",
                    ] {
                        #expect(try await admin.get(path).status == .badRequest, "\(path)")
                    }
                    let api = try await client.execute(
                        uri: "/api/v1/plans/\(plan.id)/reports?state=\(encoded)", method: .get,
                        headers: [.authorization: "Bearer nonsense"])
                    #expect(api.status == .unauthorized)
                }
                // Text is stored as text.
                let hostile = "'); DROP TABLE ratings; -- 村里的健身器材坏了"
                var visitor = WebSession(client: client)
                _ = try await visitor.get("/public/plans/\(plan.id)/items/7")
                #expect(
                    try await visitor.post("/public/plans/\(plan.id)/items/7/messages", form: [("kind", "question"), ("text", hostile)]).status == .ok
                )
                let queue = String(buffer: try await admin.get("/admin/public-messages?plan=\(plan.id)").body)
                #expect(queue.contains("&apos;); DROP TABLE ratings; -- 村里的健身器材坏了") || queue.contains("'); DROP TABLE ratings; -- 村里的健身器材坏了"))
                _ = token
            }
            let after = try await database.read { db in
                try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("users").first()?.int("n")
            }
            #expect(after == before)
            let ratings = try await database.read { db in
                try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("ratings").first()?.int("n")
            }
            #expect((ratings ?? 0) > 0)
        }
    }

    @Test(arguments: TestEngine.available)
    func downloadsCannotBeTurnedIntoPathsAndUploadsCannotPretend(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await DisclosureWebTests.demo(database)
            let configuration = TestDatabase.configuration(now: DisclosureWebTests.duringObjections)
            // A secret next to the uploads folder that a traversal would reach.
            try FileManager.default.createDirectory(at: configuration.uploadsDirectory, withIntermediateDirectories: true)
            try Data("TOP-SECRET-CONTENT-7731".utf8).write(
                to: configuration.uploadsDirectory.deletingLastPathComponent().appendingPathComponent("secret.txt"))
            #expect(throws: AppError.self) { try AttachmentStorage(folder: configuration.uploadsDirectory).read(key: "../secret.txt") }
            try await Application(router: buildRouter(database: database, configuration: configuration)).test(.router) { client in
                var admin = WebSession(client: client)
                _ = try #require(try await admin.login("admin", Self.password))
                for path in [
                    "/attachments/..%2Fsecret.txt", "/attachments/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "/public/photos/..%2F..%2Fsecret.txt",
                    "/public/plans/\(plan.id)/publications/..%2F..%2Fminsheng.sqlite", "/public/plans/\(plan.id)/publications/1.json%00.html",
                    "/supervision/files/..%2Fsecret.txt", "/documents/1/download/..%2F..%2Fsecret.txt", "/static/..%2F..%2FPackage.swift",
                ] {
                    let response = try await admin.get(path)
                    #expect(response.status.code >= 400 && response.status.code < 500, "\(path): \(response.status)")
                    #expect(!String(buffer: response.body).contains("TOP-SECRET-CONTENT-7731"), "\(path) leaked the file")
                }
            }
            // Uploads: only the accepted kinds, recognised by content; a page or a script is never accepted.
            let svg = Data("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".utf8)
            let html = Data("<html><script>alert(1)</script></html>".utf8)
            #expect(throws: AppError.self) { try AttachmentStorage.check(fileName: "photo.svg", data: svg) }
            #expect(throws: AppError.self) { try AttachmentStorage.check(fileName: "report.html", data: html) }
            #expect(throws: AppError.self) { try AttachmentStorage.check(fileName: "photo.png", data: html) }
            #expect(throws: AppError.self) { try AttachmentStorage.check(fileName: "photo.jpg", data: Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3])) }
            #expect(throws: AppError.self) {
                try AttachmentStorage.check(fileName: "big.pdf", data: Data([0x25, 0x50, 0x44, 0x46]) + Data(count: AttachmentStorage.maximumSize))
            }
            let pdf = try AttachmentStorage.check(fileName: "../../evil\".pdf", data: Data([0x25, 0x50, 0x44, 0x46, 0x2D]))
            #expect(pdf.fileName == "evil.pdf")
            #expect(!AttachmentStorage.isInline(pdf.contentType), "documents download rather than open in the page")
            #expect(!AttachmentStorage.isInline("image/svg+xml") && !AttachmentStorage.isInline("text/html"))
            let served = FileResponse.make(html, contentType: "text/html", fileName: "x.html")
            #expect(served.headers[.contentDisposition]?.hasPrefix("attachment") == true)
            #expect(served.headers[.contentSecurityPolicy] == "default-src 'none'; sandbox")
        }
    }
}

/// The client's address behind load balancers.
@Suite struct ClientAddressTests {
    @Test func theRightMostUntrustedForwardedAddressIsTheClient() {
        let trusted: Set<String> = ["10.0.0.2", "10.0.0.3"]
        #expect(ClientAddressMiddleware.client(forwardedFor: ["203.0.113.7"], trusted: trusted) == "203.0.113.7")
        // A client cannot pick its address by sending its own header: the proxy appends the one it saw.
        #expect(ClientAddressMiddleware.client(forwardedFor: ["1.2.3.4, 203.0.113.7"], trusted: trusted) == "203.0.113.7")
        #expect(ClientAddressMiddleware.client(forwardedFor: ["1.2.3.4, 203.0.113.7, 10.0.0.3"], trusted: trusted) == "203.0.113.7")
        #expect(ClientAddressMiddleware.client(forwardedFor: ["198.51.100.1", "203.0.113.9"], trusted: trusted) == "203.0.113.9")
        #expect(ClientAddressMiddleware.client(forwardedFor: [], trusted: trusted) == nil)
    }
}

/// Cookies are parsed once per request.
@Suite struct CookieParsingTests {
    @Test func cookieHeadersParseByName() {
        let cookies = AppRequestContext.parseCookies(["minsheng_session=abc-_1; lang=en", "minsheng_device=\"x y\"", "lang=zh", "broken; =empty"])
        #expect(cookies["minsheng_session"] == "abc-_1")
        #expect(cookies["lang"] == "en")
        #expect(cookies["minsheng_device"] == "x y")
        #expect(cookies["broken"] == nil && cookies[""] == nil)
        #expect(AppRequestContext.parseCookies([]).isEmpty)
    }
}
