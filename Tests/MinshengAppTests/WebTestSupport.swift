import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import Testing

@testable import MinshengApp

/// A browser-like test session: keeps cookies and reads CSRF tokens from pages.
struct WebSession {
    let client: any TestClientProtocol
    var cookies: [String: String] = [:]

    init(client: any TestClientProtocol) {
        self.client = client
    }

    var cookieHeader: String { cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }

    mutating func remember(_ response: TestResponse) {
        for field in response.headers where field.name == .setCookie {
            let pair = field.value.split(separator: ";")[0].split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let name = String(pair[0])
            if pair[1].isEmpty { cookies[name] = nil } else { cookies[name] = String(pair[1]) }
        }
    }

    mutating func get(_ uri: String) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if !cookies.isEmpty { headers[.cookie] = cookieHeader }
        let response = try await client.execute(uri: uri, method: .get, headers: headers, body: nil)
        remember(response)
        return response
    }

    mutating func post(_ uri: String, form: [(String, String)]) async throws -> TestResponse {
        let body = form.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if !cookies.isEmpty { headers[.cookie] = cookieHeader }
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        remember(response)
        return response
    }

    mutating func postMultipart(_ uri: String, fields: [(String, String)], file: (name: String, data: Data)) async throws -> TestResponse {
        let boundary = "----minsheng-test-boundary"
        var body = ByteBuffer()
        for (name, value) in fields {
            body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n")
        }
        body.writeString(
            """
            --\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: \
            application/octet-stream\r\n\r\n
            """
        )
        body.writeBytes(file.data)
        body.writeString("\r\n--\(boundary)--\r\n")
        var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
        if !cookies.isEmpty { headers[.cookie] = cookieHeader }
        let response = try await client.execute(uri: uri, method: .post, headers: headers, body: body)
        remember(response)
        return response
    }

    /// The value of the first hidden `_csrf` field of a page.
    static func csrf(in html: String) -> String? {
        guard let range = html.range(of: "name=\"_csrf\" value=\"") else { return nil }
        let rest = html[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// Signs in through the login form; returns the session's form token.
    mutating func login(_ username: String, _ password: String) async throws -> String? {
        let page = try await get("/login")
        let token = Self.csrf(in: String(buffer: page.body)) ?? ""
        let response = try await post("/login", form: [("_csrf", token), ("username", username), ("password", password), ("next", "/")])
        guard response.status == .seeOther else { return nil }
        return Self.csrf(in: String(buffer: try await get("/").body))
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}

enum TestUsers {
    /// Creates a user with a known password.
    static func create(_ username: String, role: Role, password: String = "correct horse", unitID: Int64? = nil, on database: AppDatabase)
        async throws
    {
        let hash = FixturePasswords.hash(password)
        _ = try await database.write {
            try await UserStore().insert(username: username, passwordHash: hash, role: role, unitID: unitID, now: Date(), on: $0)
        }
    }
}

/// Hashes the passwords of fixture accounts at bcrypt's lowest cost: the tests check who may sign in, not how slow
/// a guess is, and the full cost (``Passwords``) would spend most of the suite's time hashing.
enum FixturePasswords {
    static func hash(_ password: String) -> String {
        Passwords.hash(password, cost: 4)
    }
}
