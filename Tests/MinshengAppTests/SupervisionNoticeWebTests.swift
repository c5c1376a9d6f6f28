import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// Supervision notices on the demo: issued by the office, answered by their unit only, escalating when ignored.
@Suite struct SupervisionNoticeWebTests: SupervisionWebTesting {
    @Test(arguments: TestEngine.available)
    func aNoticeIsIssuedAnsweredAndEscalatesWhenIgnored(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await DisclosureWebTests.demo(database)
            let item48 = try await Self.item(48, plan: plan, database)
            let item7 = try await Self.item(7, plan: plan, database)
            try await Self.app(database).test(.router) { client in
                var admin = WebSession(client: client)
                let token = try #require(try await admin.login("admin", Self.password))
                let page = Self.text(try await admin.get("/supervision"))
                #expect(page.contains("建议督办"))
                #expect(page.contains("48. 利用人防工程为群众提供避暑纳凉场所13处"))
                let issued = try await admin.post(
                    "/supervision",
                    form: [
                        ("_csrf", token), ("plan", String(plan.id)), ("item", String(item48.id)), ("grade", "yellow"),
                        ("reason", "未按时报送进展情况。"), ("requirement", ""),
                    ])
                #expect(issued.status == .seeOther)
                let location = try #require(issued.headers[.location])
                let notice = Self.text(try await admin.get(location))
                #expect(notice.contains("督〔2019〕6号"))
                #expect(notice.contains("黄色督办"))
                #expect(notice.contains("2019年10月19日"), "a yellow notice gives seven days")

                // The silent unit sees it and answers; another unit cannot.
                var other = WebSession(client: client)
                _ = try #require(try await other.login("jiaoyu", Self.password))
                #expect(try await other.get(location).status == .notFound)
                #expect(!Self.text(try await other.get("/supervision")).contains("督〔2019〕6号"))
                var leader = WebSession(client: client)
                let leaderToken = try #require(try await leader.login("leader", Self.password))
                #expect(
                    try await leader.post(
                        "/supervision",
                        form: [("_csrf", leaderToken), ("plan", String(plan.id)), ("item", String(item7.id)), ("grade", "blue"), ("reason", "x")]
                    ).status == .forbidden)
                var unit = WebSession(client: client)
                let unitToken = try #require(try await unit.login("renfang", Self.password))
                #expect(Self.text(try await unit.get("/supervision")).contains("督〔2019〕6号"))
                let missing = try await unit.post(location + "/answer", form: [("_csrf", unitToken), ("measures", "补报7—9月进展。"), ("promisedOn", "")])
                #expect(missing.status == .badRequest)
                #expect(Self.text(missing).contains("承诺完成时间"))
                #expect(
                    try await unit.post(
                        location + "/answer", form: [("_csrf", unitToken), ("measures", "补报7—9月进展，明确专人负责。"), ("promisedOn", "2019-10-20")]
                    ).status == .seeOther)
                #expect(
                    try await unit.post(location + "/answer", form: [("_csrf", unitToken), ("measures", "再答一次。"), ("promisedOn", "2019-10-20")])
                        .status == .conflict)
                #expect(Self.text(try await admin.get(location)).contains("补报7—9月进展，明确专人负责。"))
            }
            // A blue notice left unanswered: yellow the day after its due day, then red, then overdue.
            let notices = try await Self.service(database).issue(
                planID: plan.id, itemID: item7.id, grade: .blue, reason: "验收节点临近。", requirement: "", by: .console)
            let notice = try #require(notices.first)
            #expect(notice.issuedOn == CalendarDate(year: 2019, month: 10, day: 12))
            try await Self.app(database, now: Self.date("2019-11-05T02:00:00Z")).test(.router) { client in
                var admin = WebSession(client: client)
                _ = try #require(try await admin.login("admin", Self.password))
                let page = Self.text(try await admin.get("/supervision/notices/\(notice.id)"))
                #expect(page.contains("红色督办（2019-10-23升为黄色督办；2019-10-30升为红色督办）"))
                #expect(page.contains("2019年11月1日"), "three days from the yellow due day, 10-29")
                #expect(page.contains("逾期"))
            }
            let proposals = try await database.read {
                try await Self.service(database, now: Self.date("2019-11-05T02:00:00Z")).caseProposals(planID: plan.id, on: $0)
            }
            #expect(proposals.contains { $0.rule == .redNoticeUnanswered && $0.itemID == item7.id })
        }
    }
}
