import Foundation
import MinshengCore
import SQLKit

extension DemoStory {
    /// The demo's 公示: one publication for each quarter so far, published on the 10th of the following month with
    /// a seven-day 公示期; the public's ratings, lower where items lag; a question answered about the pedestrian
    /// bridges, an objection answered about the fitness equipment, and a suggestion awaiting moderation.
    func addPublications(plan: Plan, adminID: Int64, on db: any SQLDatabase) async throws {
        let store = PublicationStore()
        let salt = try await store.salt(on: db)
        let admin = AuditActor(userID: adminID, name: "admin")
        var publications: [Publication] = []
        for quarter in 1...(Self.lastMonth / 3) {
            let month = quarter * 3
            guard let period = Period("\(plan.year)-Q\(quarter)"), let publishedOn = CalendarDate(year: plan.year, month: month + 1, day: 10) else {
                continue
            }
            let publication = try await PublicService.publish(
                planID: plan.id, period: period, publishedOn: publishedOn, objectionsUntil: publishedOn.adding(days: 7),
                clock: { [stamp = Self.instant(month: month + 1, day: 10)] in stamp }, by: admin, on: db
            )
            publications.append(publication)
            try await addRatings(publication, salt: salt, on: db)
        }
        guard publications.count == 3 else { return }
        let messages: [(publication: Publication, item: Int, kind: PublicMessage.Kind, text: String, answer: String?, month: Int)] = [
            (
                publications[1], 35, .question, "滨河南路的人行天桥什么时候能建成？现在过马路很不方便。",
                "经核实，24座人行天桥（下穿通道）中已有部分开工建设，因管线迁改影响，整体进度偏慢。市城乡建设局已倒排工期，确保年底前主体完工。感谢您的关注。", 7
            ),
            (
                publications[2], 7, .objection, "公示显示已完成健身器材安装，但我们村至今没有安装，请核实。",
                "经核实，今年计划安装的100个点位已全部完成并通过验收，您所在的村不在今年的计划点位内，已纳入明年安装计划。", 10
            ),
            (publications[2], 24, .suggestion, "建议在社区公告栏同步张贴留守儿童之家的开放时间，方便家长了解。", nil, 10),
        ]
        for message in messages {
            let at = Self.timestamp(month: message.month, day: 12)
            let id = try await store.insertMessage(
                publicationID: message.publication.id, itemNumber: message.item, kind: message.kind, text: message.text,
                phone: nil, addressHash: PublicService.saltedHash("address:demo-message", salt: salt), at: at, on: db)
            if let answer = message.answer {
                _ = try await store.settle(
                    messageID: id, state: .answered, reply: answer, by: adminID, at: Self.timestamp(month: message.month, day: 14), on: db)
            }
        }
    }

    /// Deterministic ratings of every item of a publication, from 6 to 25 people, more satisfied where the item is
    /// on schedule or better.
    private func addRatings(_ publication: Publication, salt: String, on db: any SQLDatabase) async throws {
        var insert = db.insert(into: "ratings").columns("publication_id", "item_number", "verdict", "device_hash", "address_hash", "created_at")
        var count = 0
        for item in publication.snapshot.items {
            var random = SplitMix64(seed: UInt64(publication.sequence * 1000 + item.number))
            let people = 6 + Int(random.next() % 20)
            let shares: (satisfied: UInt64, basically: UInt64)
            switch item.status {
            case .completed, .ahead: shares = (70, 25)
            case .onSchedule: shares = (55, 35)
            case .behind, .notReported, .pending: shares = (30, 40)
            case .seriouslyBehind: shares = (15, 35)
            }
            for person in 0..<people {
                let roll = random.next() % 100
                let verdict: SatisfactionVerdict =
                    roll < shares.satisfied ? .satisfied : (roll < shares.satisfied + shares.basically ? .basicallySatisfied : .dissatisfied)
                let device = PublicService.saltedHash("device:demo-\(publication.sequence)-\(item.number)-\(person)", salt: salt)
                let address = PublicService.saltedHash("address:demo-\(person % 9)", salt: salt)
                let at = Self.timestamp(month: publication.snapshot.publishedOn.month, day: 10 + person % 7)
                insert = insert.values(
                    SQLBind(publication.id), SQLBind(item.number), SQLBind(verdict.rawValue), SQLBind(device), SQLBind(address), SQLBind(at))
                count += 1
            }
        }
        if count > 0 { try await insert.run() }
    }
}
