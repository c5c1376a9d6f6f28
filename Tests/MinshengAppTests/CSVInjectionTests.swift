import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// Titles and unit names that a spreadsheet would run as formulas leave the server inert in every CSV, and exact in
/// the JSON.
@Suite struct CSVInjectionTests {
    static let hyperlink = #"=HYPERLINK("http://x","y")"#
    static let unit = "@SUM(1)"

    @Test(arguments: TestEngine.available)
    func formulasInTitlesAndUnitNamesAreNeutralisedInThePublicationAndDocumentCSV(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await DocumentTests.demo(database)
            // An item led by one unit gets the formula title and its unit the formula name; another item is titled =1+1.
            let (itemID, unitID) = try await database.read { db -> (Int64, Int64) in
                let row = try #require(
                    try await db.raw(
                        """
                        SELECT a.item_id, MIN(a.unit_id) AS unit_id FROM assignments a JOIN items i ON i.id = a.item_id
                        WHERE a.role = 'lead' AND i.plan_id = \(bind: plan.id) GROUP BY a.item_id HAVING COUNT(*) = 1 ORDER BY a.item_id LIMIT 1
                        """
                    ).first())
                return (try row.int64("item_id"), try row.int64("unit_id"))
            }
            let other = try #require(try await database.read { try await PlanStore().items(planID: plan.id, on: $0) }.first { $0.id != itemID })
            try await database.write { db in
                try await db.update("items").set("title", to: SQLBind(Self.hyperlink)).set("short_title", to: SQLBind(Self.hyperlink))
                    .where("id", .equal, itemID).run()
                try await db.update("items").set("title", to: SQLBind("=1+1")).set("short_title", to: SQLBind("=1+1")).where("id", .equal, other.id)
                    .run()
                try await db.update("units").set("name", to: SQLBind(Self.unit)).where("id", .equal, unitID).run()
            }
            let configuration = TestDatabase.configuration(now: ReportingFixture.afterDue)
            let publication = try await PublicService(database: database, configuration: configuration)
                .publish(planID: plan.id, period: .month(year: 2019, month: 9), objectionDays: 7, by: .console)
            let app = Application(router: buildRouter(database: database, configuration: configuration))
            try await app.test(.router) { client in
                var visitor = WebSession(client: client)
                let base = "/public/plans/\(plan.id)/publications/\(publication.sequence)"
                let csv = String(buffer: try await visitor.get(base + ".csv").body)
                #expect(csv.hasPrefix("\u{FEFF}公示,"))
                #expect(csv.contains(#","'=HYPERLINK(""http://x"",""y"")",'@SUM(1),"#))
                #expect(csv.contains(",'=1+1,"))
                #expect(!csv.contains(",=") && !csv.contains(",@") && !csv.contains(",\"=") && !csv.contains(",\"@"))
                let body = Data(buffer: try await visitor.get(base + ".json").body)
                let json = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
                let items = try #require((json["snapshot"] as? [String: Any])?["items"] as? [[String: Any]])
                #expect(items.contains { $0["title"] as? String == Self.hyperlink })
                #expect(items.contains { $0["title"] as? String == "=1+1" })
                #expect(String(decoding: body, as: UTF8.self).contains(#""@SUM(1)""#))

                var office = WebSession(client: client)
                let token = try #require(try await office.login("admin", "demo password"))
                let created = try await office.post(
                    "/documents", form: [("_csrf", token), ("plan", String(plan.id)), ("kind", "quarterly"), ("period", "2019-Q3")])
                let location = try #require(created.headers[.location])
                let documentCSV = String(buffer: try await office.get(location + "/download/csv").body)
                #expect(documentCSV.hasPrefix("\u{FEFF}序号,"))
                #expect(documentCSV.contains(#","'=HYPERLINK(""http://x"",""y"")","#))
                #expect(documentCSV.contains(",'@SUM(1),"))
                #expect(documentCSV.contains(",'=1+1,"))
                let document = try JSONDecoder().decode(
                    OfficialDocument.self, from: Data(buffer: try await office.get(location + "/download/json").body))
                #expect(document.rows.contains { $0.title == Self.hyperlink && $0.leadUnits == Self.unit })
                #expect(document.rows.contains { $0.title == "=1+1" })
            }
        }
    }
}
