import Foundation
import Hummingbird
import HummingbirdTesting
import MinshengCore
import SQLKit
import Testing

@testable import MinshengApp

/// The public's messages and ratings on the demo: objections answered and published, ratings once per device and
/// rate-limited, and public satisfaction in the quarterly circular.
@Suite struct DisclosureFeedbackWebTests: DisclosureWebTesting {
    @Test(arguments: TestEngine.available)
    func objectionsAreAnsweredAndTheAnswerPublished(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await Self.demo(database)
            let item = "/public/plans/\(plan.id)/items/24"
            try await Self.app(database).test(.router) { client in
                var visitor = WebSession(client: client)
                let page = Self.text(try await visitor.get(item))
                #expect(page.contains("value=\"objection\""))
                let sent = try await visitor.post(
                    item + "/messages", form: [("kind", "objection"), ("text", "公示的留守儿童之家数量与我镇实际不符，请核实。"), ("phone", "138 0000 1234")])
                #expect(sent.status == .ok)
                #expect(Self.element("outcome", in: Self.text(sent))?.contains("已收到您的异议") == true)
                let spam = try await visitor.post(item + "/messages", form: [("kind", "suggestion"), ("text", "这条建议将被拒绝公开，内容无关。")])
                #expect(spam.status == .ok)
                #expect(!Self.text(try await visitor.get(item)).contains("与我镇实际不符"))

                var admin = WebSession(client: client)
                let token = try #require(try await admin.login("admin", Self.password))
                let queue = Self.text(try await admin.get("/admin/public-messages?plan=\(plan.id)"))
                #expect(queue.contains("与我镇实际不符"))
                #expect(queue.contains("13800001234"))
                let messages = try await database.read { db in
                    try await PublicationStore().messages(
                        publicationIDs: try await PublicationStore().publications(planID: plan.id, on: db).map(\.id), states: [.pending], on: db)
                }
                let objection = try #require(messages.first { $0.kind == .objection })
                let suggestion = try #require(messages.first { $0.text.hasPrefix("这条建议") })
                let answered = try await admin.post(
                    "/admin/public-messages/\(objection.id)",
                    form: [("_csrf", token), ("action", "answer"), ("answer", "经核实，公示数据无误：全市100个留守儿童之家已建成。")])
                #expect(answered.status == .seeOther)
                _ = try await admin.post("/admin/public-messages/\(suggestion.id)", form: [("_csrf", token), ("action", "reject"), ("answer", "")])
                let again = try await admin.post(
                    "/admin/public-messages/\(objection.id)", form: [("_csrf", token), ("action", "answer"), ("answer", "再次答复")])
                #expect(again.status == .conflict)

                let published = Self.text(try await visitor.get(item))
                #expect(published.contains("与我镇实际不符"))
                #expect(published.contains("经核实，公示数据无误"))
                #expect(!published.contains("13800001234"))
                #expect(!published.contains("这条建议将被拒绝公开"))
                // Only the office answers.
                var leader = WebSession(client: client)
                let leaderToken = try #require(try await leader.login("leader", Self.password))
                #expect(
                    try await leader.post(
                        "/admin/public-messages/\(suggestion.id)", form: [("_csrf", leaderToken), ("action", "answer"), ("answer", "x")]
                    ).status == .forbidden)
            }
            // After the 公示期, objections are refused; suggestions are still welcome.
            try await Self.app(database, now: Self.afterObjections).test(.router) { client in
                var visitor = WebSession(client: client)
                #expect(!Self.text(try await visitor.get(item)).contains("value=\"objection\""))
                let late = try await visitor.post(item + "/messages", form: [("kind", "objection"), ("text", "公示期过后提出的异议内容。")])
                #expect(late.status == .badRequest)
                #expect(Self.text(late).contains("不在公示期内"))
                #expect(try await visitor.post(item + "/messages", form: [("kind", "question"), ("text", "明年还会继续建设吗？")]).status == .ok)
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func ratingsCountOncePerDeviceAndAreRateLimited(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await Self.demo(database)
            let item = "/public/plans/\(plan.id)/items/13"
            let latest = try #require(try await database.read { try await PublicationStore().latest(planID: plan.id, on: $0) })
            let before = try await database.read {
                try await PublicationStore().tally(publicationIDs: [latest.id], on: $0)[13] ?? SatisfactionTally()
            }
            try await Self.app(database).test(.router) { client in
                var visitor = WebSession(client: client)
                // Without the device cookie (a form posted from elsewhere) nothing is recorded.
                #expect(try await visitor.post(item + "/rating", form: [("verdict", "satisfied")]).status == .forbidden)
                _ = try await visitor.get(item)
                let first = try await visitor.post(item + "/rating", form: [("verdict", "dissatisfied")])
                #expect(first.status == .ok)
                #expect(Self.element("outcome", in: Self.text(first)) == "已收到您的评价：不满意。")
                let second = try await visitor.post(item + "/rating", form: [("verdict", "satisfied")])
                #expect(Self.element("outcome", in: Self.text(second))?.contains("每期只能评价一次") == true)
                let page = Self.text(try await visitor.get(item))
                var expected = before
                expected.dissatisfied += 1
                #expect(Self.element("tally-current", in: page)?.contains(PublicStrings(language: .zh).tallyText(expected)) == true)
                #expect(try await visitor.post(item + "/rating", form: [("verdict", "so-so")]).status == .badRequest)

                // Many devices behind one address: the item's allowance for that address runs out.
                let limit = MessageGuard().ratingsPerItemAndAddress
                for device in 1..<limit {
                    var other = WebSession(client: client)
                    other.cookies[PublicController.deviceCookie] = "device-\(device)"
                    #expect(try await other.post(item + "/rating", form: [("verdict", "satisfied")]).status == .ok, "device \(device)")
                }
                var excess = WebSession(client: client)
                excess.cookies[PublicController.deviceCookie] = "device-excess"
                let refused = try await excess.post(item + "/rating", form: [("verdict", "satisfied")])
                #expect(refused.status == .tooManyRequests)
                #expect(refused.headers[.retryAfter] != nil)
                let after = try await database.read {
                    try await PublicationStore().tally(publicationIDs: [latest.id], on: $0)[13] ?? SatisfactionTally()
                }
                #expect(after.total == before.total + limit)

                // Messages: size, links, repeats and the hourly allowance.
                #expect(
                    try await visitor.post(item + "/messages", form: [("kind", "suggestion"), ("text", String(repeating: "长", count: 501))]).status
                        == .badRequest)
                #expect(
                    try await visitor.post(item + "/messages", form: [("kind", "suggestion"), ("text", "详情见 www.spam.example 速领")]).status
                        == .badRequest)
                #expect(
                    try await visitor.post(item + "/messages", form: [("kind", "question"), ("text", "村卫生室什么时候开门？"), ("phone", "123")]).status
                        == .badRequest)
                #expect(try await visitor.post(item + "/messages", form: [("kind", "question"), ("text", "村卫生室什么时候开门？")]).status == .ok)
                #expect(try await visitor.post(item + "/messages", form: [("kind", "question"), ("text", "村卫生室 什么时候开门!")]).status == .conflict)
                let allowance = MessageGuard().messagesPerWindow
                for index in 2...allowance {
                    #expect(
                        try await visitor.post(item + "/messages", form: [("kind", "suggestion"), ("text", "第\(index)条建议：增加夜间门诊。")]).status == .ok)
                }
                let flood = try await visitor.post(item + "/messages", form: [("kind", "suggestion"), ("text", "再多一条建议的内容。")])
                #expect(flood.status == .tooManyRequests)
                #expect(Self.text(flood).contains("每小时最多留言\(allowance)条"))
            }
            // No raw device identifiers or addresses are stored.
            let stored = try await database.read { db in
                try await db.select().column("device_hash").column("address_hash").from("ratings").all().map {
                    try $0.string("device_hash") + $0.string("address_hash")
                }
            }
            #expect(!stored.contains { $0.contains("device-") || $0.contains("unknown") })
        }
    }

    @Test(arguments: TestEngine.available)
    func theQuarterlyCircularReportsPublicSatisfaction(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database in
            let plan = try await Self.demo(database)
            let document = try await DocumentTests.draft(.quarterly, .quarter(year: 2019, quarter: 3), plan: plan, database: database)
            let tallies = try await database.read {
                try await PublicService.satisfaction(planID: plan.id, through: .quarter(year: 2019, quarter: 3), on: $0)
            }
            let overall = SatisfactionTally.sum(tallies.values)
            let section = try #require(document.sections.first { $0.heading?.hasSuffix("群众满意度评价") == true })
            #expect(section.paragraphs[0].contains("评价\(overall.total)人次"))
            #expect(section.paragraphs[0].contains("总体满意度为\(overall.rate ?? 0)%"))
            #expect(section.paragraphs[1].contains("市住房和城乡建设局"))
            let row35 = try #require(document.rows.first { $0.number == 35 })
            #expect(row35.note.contains("群众满意度\(tallies[35]?.rate ?? 0)%"))
            // The half-year summary counts only the publications up to June.
            let half = try await database.read { try await PublicService.satisfaction(planID: plan.id, through: .half(year: 2019, half: 1), on: $0) }
            #expect(SatisfactionTally.sum(half.values).total < overall.total)
        }
    }
}
