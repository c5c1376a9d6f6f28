import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// What the disclosure suites share (and other suites borrow): the demo and its password, days inside and after the
/// third publication's 公示期, the app, and reading a response's text and an element's.
protocol DisclosureWebTesting {}

extension DisclosureWebTesting {
    static var password: String { "demo password" }
    /// Two days after the demo's third publication: its 公示期 (to 2019-10-17) is open.
    static var duringObjections: Date { ISO8601DateFormatter().date(from: "2019-10-12T02:00:00Z")! }
    static var afterObjections: Date { ISO8601DateFormatter().date(from: "2019-10-20T02:00:00Z")! }

    static func demo(_ database: AppDatabase) async throws -> Plan {
        _ = try await FirstStart(database: database, logger: TestDatabase.logger, clock: TestDatabase.clock).run(
            loadDemo: true, adminPassword: password)
        return try #require(try await database.read { try await PlanStore().plans(on: $0) }.first)
    }

    static func app(_ database: AppDatabase, now: Date = duringObjections) -> some ApplicationProtocol {
        Application(router: buildRouter(database: database, configuration: TestDatabase.configuration(now: now)))
    }

    static func text(_ response: TestResponse) -> String {
        String(buffer: response.body)
    }

    /// The text of the element with an id, without tags.
    static func element(_ id: String, in html: String) -> String? {
        guard let start = html.range(of: "id=\"\(id)\"") else { return nil }
        let rest = html[start.upperBound...]
        guard let open = rest.firstIndex(of: ">"), let close = rest[open...].range(of: "</") else { return nil }
        return String(rest[rest.index(after: open)..<close.lowerBound])
    }
}

/// Public disclosure on the demo: publications and their chain, verified on the page, and the public pages' cache and
/// accessibility. The other facets have suites of their own: publishing (`DisclosurePublishingWebTests`), the public's
/// messages and ratings (`DisclosureFeedbackWebTests`), and the static export and photos (`DisclosureExportWebTests`).
@Suite struct DisclosureWebTests: DisclosureWebTesting {
    @Test(arguments: TestEngine.available)
    func theDemoPublishesEachQuarterInOneChain(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await Self.demo(database)
            let publications = try await database.read { try await PublicationStore().publications(planID: plan.id, on: $0) }
            #expect(publications.map(\.snapshot.period.description) == ["2019-Q1", "2019-Q2", "2019-Q3"])
            #expect(publications.map(\.snapshot.publishedOn.iso) == ["2019-04-10", "2019-07-10", "2019-10-10"])
            #expect(publications[0].snapshot.previousHash == PublicSnapshot.genesisHash)
            #expect(publications[1].snapshot.previousHash == publications[0].hash)
            #expect(ChainVerifier.verify(publications.map(\.published)).passed)
            for publication in publications { #expect(try publication.snapshot.hash() == publication.hash) }
            let snapshot = publications[2].snapshot
            #expect(snapshot.items.count == 51)
            #expect(snapshot.item(number: 7)?.status == .completed)
            #expect(snapshot.item(number: 35)?.status == .seriouslyBehind)
            #expect(snapshot.item(number: 48)?.status == .notReported)
            let site = try #require(
                try await PublicService(database: database, configuration: TestDatabase.configuration(now: Self.duringObjections)).site(
                    planID: plan.id))
            #expect(site.answered.map(\.itemNumber) == [35, 7])
            #expect(site.totalTally(35).total > 0)
            let pending = try await database.read {
                try await PublicationStore().messages(publicationIDs: publications.map(\.id), states: [.pending], on: $0)
            }
            #expect(pending.map(\.itemNumber) == [24])
            // Lagging items are rated lower than completed ones.
            #expect((site.totalTally(35).rate ?? 100) < (site.totalTally(7).rate ?? 0))
        }
    }

    @Test(arguments: TestEngine.available)
    func theChainVerifiesOnThePageAndAChangedFigureIsNamed(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await Self.demo(database)
            try await Self.app(database).test(.router) { client in
                var visitor = WebSession(client: client)
                let chain = Self.text(try await visitor.get("/public/plans/\(plan.id)/chain.json"))
                let verified = try await visitor.post("/public/plans/\(plan.id)/verify", form: [("json", chain)])
                #expect(verified.status == .ok)
                #expect(Self.text(verified).contains("核验通过"))
                #expect(Self.text(verified).contains("共核验3期公示"))

                var publications = try ChainVerifier.decode(Data(chain.utf8))
                let index = try #require(publications[1].snapshot.items.firstIndex { $0.number == 3 })
                let before = try #require(publications[1].snapshot.items[index].targets[0].value)
                publications[1].snapshot.items[index].targets[0].value = "999"
                let tampered = String(decoding: try ChainVerifier.encode(publications), as: UTF8.self)
                let failed = Self.text(try await visitor.post("/public/plans/\(plan.id)/verify", form: [("json", tampered)]))
                #expect(failed.contains("核验未通过"))
                #expect(failed.contains("公示第2期（2019-Q2）：第3项"))
                #expect(failed.contains("完成值：\(before) → 999"))

                let garbage = try await visitor.post("/public/plans/\(plan.id)/verify", form: [("json", "{\"snapshot\": 1}")])
                #expect(garbage.status == .badRequest)
                #expect(Self.text(garbage).contains("这不是公示文件"))
            }
            // The database refuses to change a publication.
            await #expect(throws: (any Error).self) {
                try await database.write { try await $0.update("publications").set("hash", to: SQLBind("0")).run() }
            }
            await #expect(throws: (any Error).self) {
                try await database.write { try await $0.delete(from: "publications").run() }
            }
            #expect(try await database.read { try await PublicationStore().publications(planID: plan.id, on: $0) }.count == 3)
        }
    }

    @Test(arguments: TestEngine.available)
    func publicPagesAreCachedWithETagsAndRefreshedByChanges(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await Self.demo(database)
            try await Self.app(database).test(.router) { client in
                let home = try await client.execute(uri: "/public/plans/\(plan.id)", method: .get)
                #expect(home.status == .ok)
                #expect(home.headers[.cacheControl] == "public, no-cache")
                let etag = try #require(home.headers[.eTag])
                let again = try await client.execute(uri: "/public/plans/\(plan.id)", method: .get, headers: [.ifNoneMatch: etag])
                #expect(again.status == .notModified)
                #expect(again.body.readableBytes == 0)
                let english = try await client.execute(uri: "/public/plans/\(plan.id)?lang=en", method: .get)
                #expect(Self.text(english).contains("Overall progress"))
                #expect(english.headers[.eTag] != etag)

                var visitor = WebSession(client: client)
                let itemPath = "/public/plans/\(plan.id)/items/2"
                let before = try await visitor.get(itemPath)
                #expect(try await visitor.post(itemPath + "/rating", form: [("verdict", "satisfied")]).status == .ok)
                let after = try await visitor.get(itemPath)
                #expect(after.headers[.eTag] != before.headers[.eTag])

                // The pages are accessible: language, one heading, labelled forms and charts with text.
                let html = Self.text(after)
                #expect(html.contains("<html lang=\"zh-CN\">"))
                #expect(html.components(separatedBy: "<h1").count == 2)
                #expect(html.contains("class=\"skip-link\""))
                #expect(html.contains("<legend>"))
                #expect(html.contains("<label for=\"text\">"))
                let homeHTML = Self.text(home)
                for svg in AssessmentWebTests.svgs(in: homeHTML) { #expect(svg.contains("<title") || svg.contains("aria-label")) }
                #expect(!homeHTML.contains("_csrf"))
            }
        }
    }
}
