import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Every page, as every kind of user, with markup-looking text in every string a user controls and in every query
/// parameter a page reads: no element or attribute may come out of it, and the text must come back as text.
@Suite struct HostileRenderingTests {
    static let payload = "x\"' zz-attr=1 <zz-el>&amp;"

    /// The demo's accounts by role; nil is an anonymous visitor.
    static let visitors: [(name: String, username: String?)] = [
        ("anonymous", nil), ("reporter", "luanchuan"), ("lead reporter", "jiaoyu"), ("leader", "leader"), ("inspector", "inspector"),
        ("admin", "admin"),
    ]

    /// The query parameters pages read, each carrying the payload (`next` must be a path to be echoed).
    static let queries: [String] = [
        "",
        "?q=\(encoded)&next=\(WebSession.encode("/" + payload))&category=\(encoded)&status=\(encoded)&unit=\(encoded)&item=\(encoded)"
            + "&jurisdiction=\(encoded)&state=\(encoded)&from=\(encoded)&offset=\(encoded)",
        "?period=\(encoded)", "?plan=\(encoded)", "?lang=\(encoded)",
    ]
    static var encoded: String { WebSession.encode(payload) }

    @Test(arguments: TestEngine.available)
    func noUserStringAddsAnElementOrAnAttribute(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await DisclosureWebTests.demo(database)
            let records = try await HostileData.prepare(plan: plan, database: database)
            try await DisclosureWebTests.app(database).test(.router) { client in
                var sessions: [(name: String, web: WebSession)] = []
                for visitor in Self.visitors {
                    var web = WebSession(client: client)
                    if let username = visitor.username {
                        #expect(try await web.login(username, DisclosureWebTests.password) != nil, "\(username) signs in")
                    }
                    sessions.append((visitor.name, web))
                }
                let unclassified = try await HostileData.poison(database, plan: plan, engine: engine)
                #expect(unclassified.isEmpty, "TEXT columns neither user-controlled nor structural: \(unclassified)")

                var pages = Report()
                for (name, var web) in sessions {
                    for route in HostileRoutes.all {
                        for path in HostileRoutes.examples(route, records) {
                            for query in Self.queries {
                                let response = try await web.get(path + query)
                                guard response.headers[.contentType]?.hasPrefix("text/html") == true else { continue }
                                pages.check(
                                    String(buffer: response.body), page: "\(name) \(path)\(query.isEmpty ? "" : " " + String(query.prefix(8)))",
                                    path: path + query, visitor: name)
                            }
                        }
                    }
                }
                #expect(pages.problems.isEmpty, "\(pages.problems.count) problems, the first: \(pages.problems.prefix(20).joined(separator: "\n"))")
                #expect(pages.pages > 1000, "pages read: \(pages.pages)")
                #expect(pages.echoing.count >= 400, "pages that show the payload as text: \(pages.echoing.count)")
                let report = SiteURL.report(
                    plan: .value(plan.id), period: .value(records.report.period), item: .value(records.report.item), unit: .value(records.report.unit)
                )
                for (visitor, path, parameter) in [
                    ("anonymous", SiteURL.publicSearch(.value(plan.id)).path, "q="),
                    ("admin", SiteURL.importDraft(.value(records.importDraft)).path, ""),
                    ("admin", SiteURL.document(.value(records.document)).path, ""),
                    ("admin", SiteURL.item(plan: .value(plan.id), number: .value(records.itemNumber)).path, ""), ("lead reporter", report.path, ""),
                    ("anonymous", SiteURL.publicItem(plan: .value(plan.id), number: .value(records.itemNumber)).path, ""),
                ] {
                    let shown = pages.echoing.contains {
                        $0.visitor == visitor && $0.path.hasPrefix(path) && (parameter.isEmpty || $0.path.contains(parameter))
                    }
                    #expect(shown, "\(visitor) \(path) \(parameter) shows the payload")
                }
                // The sign-in page keeps only a same-site path to return to: the payload is not kept at all, and a real
                // path with an ampersand comes back escaped.
                let hostile = String(buffer: try await client.execute(uri: "/login?next=/" + WebSession.encode(Self.payload), method: .get).body)
                #expect(!hostile.contains("zz-el") && !hostile.contains("zz-attr"))
                let benign = String(
                    buffer: try await client.execute(uri: "/login?next=" + WebSession.encode("/overview?plan=1&period=2019-09"), method: .get).body)
                #expect(benign.contains("value=\"/overview?plan=1&amp;period=2019-09\""))
            }
        }
    }

    /// What the pages showed: problems found, pages read, and the pages where the payload came back as text.
    struct Report {
        var problems: [String] = []
        var pages = 0
        var echoing: [(visitor: String, path: String)] = []

        mutating func check(_ html: String, page: String, path: String, visitor: String) {
            pages += 1
            let tokens: [HTMLTokenizer.Token]
            do {
                tokens = try HTMLTokenizer.tokens(of: html)
            } catch {
                problems.append("\(page): \(error)")
                return
            }
            var shown = false
            for token in tokens {
                switch token {
                case .tag(let tag):
                    if tag.name == "zz-el" || !HostileData.knownElements.contains(tag.name) { problems.append("\(page): element <\(tag.name)>") }
                    for attribute in tag.attributes {
                        if !HostileData.knownAttributes.contains(attribute.name) {
                            problems.append("\(page): attribute \(attribute.name) on <\(tag.name)>")
                        }
                        if attribute.value != nil, !attribute.quoted { problems.append("\(page): unquoted \(attribute.name)") }
                        if attribute.value?.contains(HostileRenderingTests.payload) == true { shown = true }
                    }
                case .text(let text): if text.contains(HostileRenderingTests.payload) { shown = true }
                case .comment, .doctype: break
                }
            }
            if shown { echoing.append((visitor, path)) }
            var rest = Substring(html)
            while let start = rest.range(of: "<svg"), let end = rest[start.lowerBound...].range(of: "</svg>") {
                if !XMLParser(data: Data(rest[start.lowerBound..<end.upperBound].utf8)).parse() { problems.append("\(page): an SVG that is not XML") }
                rest = rest[end.upperBound...]
            }
        }
    }
}
