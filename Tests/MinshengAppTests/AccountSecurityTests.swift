import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// Accounts made and changed by offices of one jurisdiction always stay within it, and a reset or disabled account
/// loses its sessions and its API tokens.
@Suite struct AccountSecurityTests {
    static func token(for username: String, on database: AppDatabase) async throws -> String {
        try await database.write { db in
            let user = try #require(try await UserStore().user(username: username, on: db))
            return try await TokenStore().create(userID: user.id, name: "test", now: Date(), on: db).secret
        }
    }

    static func headers(_ token: String) -> HTTPFields {
        [.authorization: "Bearer \(token)", .contentType: "application/json"]
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    static func body(_ object: [String: Any?]) throws -> ByteBuffer {
        ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: object.mapValues { $0 ?? NSNull() }))
    }

    static func app(_ database: AppDatabase) -> some ApplicationProtocol {
        Application(router: buildRouter(database: database, configuration: TestDatabase.configuration()))
    }

    /// Finding 1: a scoped office created a reporter, then PATCHed it to an unscoped admin that read the whole
    /// instance. Now every account it produces lies in its own jurisdiction, whatever the request asks.
    @Test(arguments: TestEngine.available)
    func aScopedOfficeNeverProducesAnUnscopedAccount(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let tree = try await JurisdictionTests.tree(on: database)
            let kaifengUnit = try await database.read { try #require(try await PlanStore().units(jurisdictionID: tree.kaifeng.id, on: $0).first) }
            let luoyangUnit = try await database.read { try #require(try await PlanStore().units(jurisdictionID: tree.luoyang.id, on: $0).first) }
            let office = try await Self.token(for: "kaifeng-admin", on: database)
            try await Self.app(database).test(.router) { client in
                let created = try await client.execute(
                    uri: "/api/v1/users", method: .post, headers: Self.headers(office),
                    body: try Self.body([
                        "username": "kf-reporter", "role": "reporter", "unitId": kaifengUnit.id, "password": "a long password",
                    ]))
                #expect(created.status == .created)
                let id = try #require(try Self.json(created)["id"] as? Int)
                let stored = try await database.read { try #require(try await UserStore().user(id: Int64(id), on: $0)) }
                #expect(stored.jurisdictionID == tree.kaifeng.id, "a reporter carries its unit's jurisdiction")

                // Promoted to admin or leader with no unit: the account stays Kaifeng's.
                for role in ["leader", "inspector", "admin"] {
                    let promoted = try await client.execute(
                        uri: "/api/v1/users/\(id)", method: .patch, headers: Self.headers(office),
                        body: try Self.body([
                            "role": role, "unitId": nil, "disabled": false,
                        ]))
                    #expect(promoted.status == .ok, "\(role)")
                    let after = try await database.read { try #require(try await UserStore().user(id: Int64(id), on: $0)) }
                    #expect(after.role.rawValue == role && after.jurisdictionID == tree.kaifeng.id && after.unitID == nil, "\(role)")
                }
                // Asking for the whole instance, or another city, is refused and changes nothing.
                for jurisdiction in [nil, tree.luoyang.id] as [Int64?] {
                    let widened = try await client.execute(
                        uri: "/api/v1/users/\(id)", method: .patch, headers: Self.headers(office),
                        body: try Self.body([
                            "role": "admin", "unitId": nil, "disabled": false, "jurisdictionId": jurisdiction,
                        ]))
                    #expect(widened.status == .badRequest, "\(String(describing: jurisdiction))")
                }
                let wider = try await client.execute(
                    uri: "/api/v1/users", method: .post, headers: Self.headers(office),
                    body: try Self.body([
                        "username": "kf-province", "role": "leader", "password": "a long password", "jurisdictionId": tree.province.id,
                    ]))
                #expect(wider.status == .badRequest)
                let foreignUnit = try await client.execute(
                    uri: "/api/v1/users", method: .post, headers: Self.headers(office),
                    body: try Self.body([
                        "username": "kf-luoyang", "role": "reporter", "unitId": luoyangUnit.id, "password": "a long password",
                    ]))
                #expect(foreignUnit.status == .badRequest)
                let after = try await database.read { try #require(try await UserStore().user(id: Int64(id), on: $0)) }
                #expect(after.jurisdictionID == tree.kaifeng.id)

                // The promoted account reads nothing of the rest of the instance.
                let promotedToken = try await Self.token(for: "kf-reporter", on: database)
                for path in ["/api/v1/audit", "/api/v1/plans/\(tree.luoyangPlan.id)/reports", "/api/v1/plans/\(tree.luoyangPlan.id)/calendar"] {
                    let response = try await client.execute(uri: path, method: .get, headers: Self.headers(promotedToken))
                    #expect(response.status == .notFound, "\(path)")
                }
                let users = String(buffer: try await client.execute(uri: "/api/v1/users", method: .get, headers: Self.headers(promotedToken)).body)
                #expect(!users.contains("luoyang-admin") && !users.contains("\"username\":\"admin\""), "\(users)")
                let calendar = try await client.execute(
                    uri: "/api/v1/plans/\(tree.luoyangPlan.id)/calendar", method: .put, headers: Self.headers(promotedToken),
                    body: try Self.body(["dueDay": 20, "quarterlyItemIds": [Int]()])
                )
                #expect(calendar.status == .notFound)
            }
        }
    }

    /// Only an instance-wide office creates instance-wide accounts; it may also give an account a jurisdiction.
    @Test(arguments: TestEngine.available)
    func theInstanceWideOfficePlacesAccountsAnywhere(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let tree = try await JurisdictionTests.tree(on: database)
            let office = try await Self.token(for: "admin", on: database)
            try await Self.app(database).test(.router) { client in
                for (name, jurisdiction) in [("whole-leader", nil), ("kf-leader", tree.kaifeng.id)] as [(String, Int64?)] {
                    var fields: [String: Any?] = ["username": name, "role": "leader", "password": "a long password"]
                    if let jurisdiction { fields["jurisdictionId"] = jurisdiction }
                    let response = try await client.execute(
                        uri: "/api/v1/users", method: .post, headers: Self.headers(office), body: try Self.body(fields))
                    #expect(response.status == .created)
                    let stored = try await database.read { try #require(try await UserStore().user(username: name, on: $0)) }
                    #expect(stored.jurisdictionID == jurisdiction)
                }
            }
        }
    }

    /// The same rules for the pure policy: every refusal, and a change judged like a creation.
    @Test func thePolicyPlacesAccountsWithinTheOffice() {
        let reach = PlanReach(jurisdictionID: 2, jurisdictions: [2, 3], readablePlans: [], managedPlans: [])
        let city = Principal(userID: 9, role: .admin, unitID: nil, reach: reach)
        #expect(
            AccountPolicy.place(role: .admin, unit: nil, jurisdiction: .unspecified, by: city)
                == .success(.init(role: .admin, unitID: nil, jurisdictionID: 2)))
        #expect(AccountPolicy.place(role: .admin, unit: nil, jurisdiction: .keep(nil), by: city) == .failure(.instanceWideNeedsInstanceOffice))
        #expect(AccountPolicy.place(role: .leader, unit: nil, jurisdiction: .set(3), by: city) == .failure(.jurisdictionOutsideReach))
        #expect(AccountPolicy.place(role: .reporter, unit: nil, jurisdiction: .unspecified, by: city) == .failure(.reporterNeedsUnit))
        #expect(AccountPolicy.place(role: .reporter, unit: (5, 3), jurisdiction: .unspecified, by: city) == .failure(.unitOutsideJurisdiction))
        #expect(AccountPolicy.place(role: .reporter, unit: (5, 2), jurisdiction: .set(3), by: city) == .failure(.reporterJurisdictionIsItsUnits))
        #expect(
            AccountPolicy.place(role: .reporter, unit: (5, 2), jurisdiction: .unspecified, by: city)
                == .success(.init(role: .reporter, unitID: 5, jurisdictionID: 2)))
        #expect(AccountPolicy.place(role: .inspector, unit: (5, 2), jurisdiction: .unspecified, by: city) == .failure(.unitOnlyForReporters))
        let leader = Principal(userID: 8, role: .leader, unitID: nil, reach: .everything)
        #expect(AccountPolicy.place(role: .leader, unit: nil, jurisdiction: .unspecified, by: leader) == .failure(.notAnOffice))
        #expect(
            AccountPolicy.place(role: .admin, unit: nil, jurisdiction: .set(nil), by: .console)
                == .success(.init(role: .admin, unitID: nil, jurisdictionID: nil)))
        #expect(!AccountPolicy.canChange(.init(role: .admin, unitID: nil, jurisdictionID: nil), by: city))
        #expect(!AccountPolicy.canChange(.init(role: .leader, unitID: nil, jurisdictionID: 3), by: city))
        #expect(AccountPolicy.canSee(.init(role: .leader, unitID: nil, jurisdictionID: 3), by: city))
        #expect(AccountPolicy.checkSelf(accountID: 9, newRole: .leader, disabled: false, by: city) == .cannotDemoteOrDisableSelf)
    }

    /// Reporters stored before jurisdictions were explicit take their unit's when the database is migrated.
    @Test(arguments: TestEngine.available)
    func theMigrationGivesOldReportersTheirUnitsJurisdiction(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            try await database.write { db in
                for migration in Migrations.all.prefix(10) { try await migration.prepare(on: db) }
                try await db.raw("INSERT INTO jurisdictions (id, name, level) VALUES (7, '开封市', 'city')").run()
                try await db.raw("INSERT INTO units (id, jurisdiction_id, name, kind) VALUES (11, 7, '开封市教育局', 'department')").run()
                try await db.raw(
                    """
                    INSERT INTO users (id, username, password_hash, role, unit_id, created_at)
                    VALUES (21, 'old-reporter', 'x', 'reporter', 11, '2019-01-01T00:00:00Z')
                    """
                ).run()
                try await M0011AccountPlaces().prepare(on: db)
            }
            let user = try await database.read { try #require(try await UserStore().user(id: 21, on: $0)) }
            #expect(user.jurisdictionID == 7)
        }
    }

    /// Finding 8: API tokens survived a password reset. A new password or disabling ends sessions and tokens.
    @Test(arguments: TestEngine.available)
    func aResetOrDisabledAccountLosesItsSessionsAndTokens(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            _ = try await FirstStart(database: database, logger: TestDatabase.logger, clock: TestDatabase.clock).run(
                loadDemo: true, adminPassword: "demo password")
            let office = try await Self.token(for: "admin", on: database)
            let accounts = AccountService(database: database, clock: Date.init)
            try await Self.app(database).test(.router) { client in
                for (username, change) in [("jiaoyu", "password"), ("renshe", "disable"), ("yingji", "console")] {
                    let token = try await Self.token(for: username, on: database)
                    var web = WebSession(client: client)
                    #expect(try await web.login(username, "demo password") != nil)
                    #expect(try await client.execute(uri: "/api/v1/me", method: .get, headers: Self.headers(token)).status == .ok)
                    let id = try await database.read { try #require(try await UserStore().user(username: username, on: $0)).id }
                    let unit = try await database.read { try #require(try await UserStore().user(id: id, on: $0)).unitID }
                    switch change {
                    case "password":
                        let response = try await client.execute(
                            uri: "/api/v1/users/\(id)", method: .patch, headers: Self.headers(office),
                            body: try Self.body([
                                "role": "reporter", "unitId": unit, "disabled": false, "password": "another long password",
                            ]))
                        #expect(response.status == .ok)
                    case "disable":
                        let response = try await client.execute(
                            uri: "/api/v1/users/\(id)", method: .patch, headers: Self.headers(office),
                            body: try Self.body([
                                "role": "reporter", "unitId": unit, "disabled": true,
                            ]))
                        #expect(response.status == .ok)
                    default:
                        try await accounts.resetPassword(username: username, password: "another long password", actor: .console, language: .en)
                    }
                    #expect(
                        try await client.execute(uri: "/api/v1/me", method: .get, headers: Self.headers(token)).status == .unauthorized, "\(change)")
                    #expect(try await web.get("/tasks").status == .seeOther, "\(change): the session lives on")
                    let live = try await database.read { db in
                        try await db.select().column("id").from("api_tokens").where("user_id", .equal, id).where("revoked_at", .is, SQLLiteral.null)
                            .all().count
                    }
                    #expect(live == 0, "\(change)")
                }
                // Re-enabling the disabled account does not bring its old token back.
                let id = try await database.read { try #require(try await UserStore().user(username: "renshe", on: $0)).id }
                let unit = try await database.read { try #require(try await UserStore().user(id: id, on: $0)).unitID }
                _ = try await accounts.updateUser(
                    id, .init(role: .reporter, unitId: unit, disabled: false, password: nil, jurisdiction: nil),
                    by: .console, actor: .console, language: .en)
                let revived = try await database.read { db in
                    try await db.select().column("id").from("api_tokens").where("user_id", .equal, id).where("revoked_at", .is, SQLLiteral.null).all()
                        .count
                }
                #expect(revived == 0)
            }
        }
    }
}
