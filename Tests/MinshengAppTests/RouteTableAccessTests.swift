import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// Walks every route the router registered, for every role, an office scoped to the plan's jurisdiction and an
/// office scoped to another, and checks each answer against the policy: refused where ``Policy`` refuses the
/// route's capability (401 signed out, 403 signed in), never refused by the gate where it allows, and 404 for a
/// record of a plan outside the person's reach.
@Suite struct RouteTableAccessTests {
    /// Someone asking: nil for a visitor.
    struct Asker {
        var name: String
        var password: String
    }

    static let askers: [Asker?] = [
        nil, Asker(name: "jiaoyu", password: "demo password"), Asker(name: "leader", password: "demo password"),
        Asker(name: "inspector", password: "demo password"), Asker(name: "admin", password: "demo password"),
        Asker(name: "luoyang-admin", password: "correct horse"), Asker(name: "kaifeng-admin", password: "correct horse"),
    ]

    /// The values put into each path parameter, by route, from the demo plan.
    struct Examples {
        var plan: Int64
        var itemID: Int64
        var unitID: Int64
        var groupUnitID: Int64
        var userID: Int64
        var reportID: Int64
        var records: [String: Int64]
        /// Tables the demo holds no row of (their routes name a record that does not exist).
        var empty: Set<String>

        static func load(_ database: AppDatabase, plan: Plan) async throws -> Examples {
            try await database.read { db in
                let detail = try #require(try await PlanStore().detail(planID: plan.id, on: db))
                let item = try #require(detail.items.first { $0.number == 17 })
                let unit = try #require(detail.units.first { $0.name == "市教育局" })
                let group = try #require(detail.units.first { $0.kind == .group })
                let user = try #require(try await UserStore().user(username: "jiaoyu", on: db))
                var records: [String: Int64] = [:]
                var empty: Set<String> = []
                for table in [
                    "report_attachments", "documents", "supervision_notices", "inspections", "rectifications", "supervision_files",
                    "accountability_cases", "public_messages", "api_tokens", "import_drafts",
                ] {
                    let row = try await db.select().column(SQLFunction("MIN", args: SQLColumn("id")), as: "id").from(table).first()
                    let id = try row?.optionalInt64("id")
                    if id == nil { empty.insert(table) }
                    records[table] = id ?? 1
                }
                let report = try await db.select().column("id").from("reports").where("unit_id", .equal, unit.id).where("plan_id", .equal, plan.id)
                    .limit(1).first()
                return Examples(
                    plan: plan.id, itemID: item.id, unitID: unit.id, groupUnitID: group.id, userID: user.id,
                    reportID: try report?.int64("id") ?? 1, records: records, empty: empty)
            }
        }

        /// Whether the record a route names exists in the demo.
        func exists(_ url: SiteURL) -> Bool {
            if case .record(let table, _) = url.planGate { return !empty.contains(table) }
            return true
        }

        /// The record an `id` parameter names on a route.
        func id(for url: SiteURL) -> String {
            switch url.planGate {
            case .user: return String(userID)
            case .unit: return String(url == .adminUnitMembers(.key) || url == .api(.unitMembers(.key)) ? groupUnitID : unitID)
            case .record(let table, _):
                return table == "reports" ? String(reportID) : String(records[table] ?? 1)
            default:
                return url == .revokeToken(.key) || url == .api(.token(.key)) ? "999999" : "1"
            }
        }

        /// A concrete path for a route, with `?plan=` where the route takes its plan from the query.
        func path(for url: SiteURL) -> String {
            let values: [String: String] = [
                SiteURL.Key.planID: String(plan), SiteURL.Key.importID: String(records["import_drafts"]!), SiteURL.Key.itemNumber: "17",
                SiteURL.Key.period: "2019-09", SiteURL.Key.itemID: String(itemID), SiteURL.Key.unitID: String(unitID), SiteURL.Key.id: id(for: url),
                SiteURL.Key.action: url == .api(.reportAction(.key, .key)) ? "submit" : "report",
                SiteURL.Key.format: url == .documentFile(.key, .key) ? "docx" : "1.json",
            ]
            let path = url.openAPIPath.split(separator: "/").map { segment in
                segment.hasPrefix("{") ? values[String(segment.dropFirst().dropLast())] ?? String(segment) : String(segment)
            }.joined(separator: "/")
            if case .queryPlan = url.planGate { return "/\(path)?plan=\(plan)" }
            return "/\(path)"
        }
    }

    @Test(arguments: TestEngine.available)
    func everyRouteAnswersEveryoneAsThePolicySays(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let tree = try await JurisdictionTests.tree(on: database)
            let examples = try await Examples.load(database, plan: tree.luoyangPlan)
            let site = buildSiteRouter(
                database: database, configuration: TestDatabase.configuration(), notifier: nil, publicCache: PublicPageCache(clock: { Date() }))
            // Sign-out ends the session, so it comes last.
            let routes = site.registered.filter { $0.method != .head }.sorted { ($0.url == .logout ? 1 : 0) < ($1.url == .logout ? 1 : 0) }
            #expect(routes.count > 100)
            let checked = try await Application(router: site.router).test(.router) { client -> Int in
                var checked = 0
                for asker in Self.askers {
                    var web = WebSession(client: client)
                    var csrf = ""
                    var token = ""
                    var principal: Principal?
                    if let asker {
                        csrf = try #require(try await web.login(asker.name, asker.password), "\(asker.name) signs in")
                        token = try await AccountSecurityTests.token(for: asker.name, on: database)
                        let user = try await database.read { try #require(try await UserStore().user(username: asker.name, on: $0)) }
                        principal = user.principal(reach: try await database.read { try await PlanReach.of(user, on: $0) })
                    }
                    for (url, method) in routes {
                        let path = examples.path(for: url)
                        let response: TestResponse
                        if SiteURL.isAPI(path) {
                            var headers: HTTPFields = [.contentType: "application/json"]
                            if asker != nil { headers[.authorization] = "Bearer \(token)" }
                            response = try await client.execute(
                                uri: path, method: method, headers: headers, body: method == .get ? nil : ByteBuffer(string: "{}"))
                        } else if method == .get {
                            response = try await web.get(path)
                        } else {
                            response = try await web.post(path, form: [("_csrf", csrf)])
                        }
                        let who = "\(asker?.name ?? "visitor") \(method) \(path)"
                        let outside = asker?.name == "kaifeng-admin" && examples.exists(url)
                        Self.check(response, url: url, method: method, principal: principal, outsideReach: outside, who)
                        checked += 1
                    }
                }
                return checked
            }
            #expect(checked == routes.count * Self.askers.count)
        }
    }

    /// Holds one answer to what the policy says of the route for the principal.
    static func check(_ response: TestResponse, url: SiteURL, method: HTTPRequest.Method, principal: Principal?, outsideReach: Bool, _ who: String) {
        let capability = url.capability(method)!
        let body = String(buffer: response.body)
        let refusedByGate = response.status == .forbidden && body.contains(PlanGateMiddleware.roleRefusal(.zh))
        guard Policy.allows(capability, principal) else {
            guard let principal else {
                let toLogin = response.status == .seeOther && (response.headers[.location] ?? "").hasPrefix("/login")
                #expect(response.status == .unauthorized || toLogin, "\(who): \(response.status)")
                return
            }
            if capability == .instanceOffice && principal.isOffice {
                #expect(response.status == .notFound, "\(who): \(response.status)")
            } else {
                #expect(refusedByGate, "\(who): \(response.status)")
            }
            return
        }
        #expect(response.status != .unauthorized && !refusedByGate, "\(who): \(response.status)")
        #expect(response.status.code < 500, "\(who): \(response.status)")
        if outsideReach, url.planGate.namesAPlan {
            #expect(response.status == .notFound, "\(who): a record of a plan outside the reach answered \(response.status)")
        }
    }
}

extension PlanGate {
    /// Whether the route names a plan, a record of one, a unit or an account (not a route about no plan).
    var namesAPlan: Bool {
        if case .none = self { return false }
        return true
    }
}

/// The capability of each role, and the routes whose capability matters most, pinned so that a change to the table
/// is a visible decision.
@Suite struct CapabilityTableTests {
    @Test func eachRoleHasItsCapabilities() {
        let scoped = PlanReach(jurisdictionID: 2, jurisdictions: [2], readablePlans: [1], managedPlans: [1])
        func principal(_ role: Role, _ reach: PlanReach = .everything) -> Principal { Principal(userID: 1, role: role, unitID: nil, reach: reach) }
        let expected: [(Principal?, Set<Capability>)] = [
            (nil, [.anyone]),
            (principal(.reporter), [.anyone, .signedIn, .answerNotices]),
            (principal(.leader), [.anyone, .signedIn, .monitor]),
            (principal(.inspector), [.anyone, .signedIn, .monitor, .inspect]),
            (principal(.admin, scoped), [.anyone, .signedIn, .monitor, .inspect, .answerNotices, .office]),
            (principal(.admin), Set(Capability.allCases)),
        ]
        for (principal, capabilities) in expected {
            #expect(Set(Capability.allCases.filter { Policy.allows($0, principal) }) == capabilities, "\(String(describing: principal?.role))")
        }
    }

    @Test func sensitiveRoutesNeedTheOffice() {
        let office: [(SiteURL, HTTPRequest.Method)] = [
            (.adminUsers, .get), (.adminUsers, .post), (.adminUser(.key), .post), (.api(.users), .get), (.api(.users), .post),
            (.api(.user(.key)), .patch), (.importDraft(.key), .get), (.imports, .post),
            (.reportReview(plan: .key, period: .key, item: .key, unit: .key), .post),
            (.api(.calendar(.key)), .put), (.adminPublications, .post), (.documentIssue(.key), .post), (.caseDecision(.key), .post),
        ]
        for (url, method) in office { #expect(url.capability(method) == .office, "\(url.openAPIPath) \(method)") }
        #expect(SiteURL.adminAudit.capability(.get) == .instanceOffice && SiteURL.api(.audit).capability(.get) == .instanceOffice)
        #expect(SiteURL.overview.capability(.post) == nil && SiteURL.api(.user(.key)).capability(.post) == nil)
    }
}
