import Foundation
import MinshengCore
import Testing

/// Published snapshots, their hash chain, the public's spam guard and satisfaction counts.
@Suite struct DisclosureTests {
    static func item(_ number: Int, value: String?, status: ProgressStatus = .onSchedule) -> PublicSnapshot.Item {
        PublicSnapshot.Item(
            number: number, category: 1, title: "事项\(number)", text: "新建学校\(number)所。", leadUnits: [1], responsibleUnits: [2], status: status,
            progress: 50, expected: 58,
            targets: [
                PublicSnapshot.Target(
                    name: "新建学校", target: "\(number)", unit: "所", breakdown: false, provisional: false, value: value,
                    reachedOn: nil, asOfMonth: 6, progress: 50)
            ],
            narrative: "截至6月底，已开工。", narrativeMonth: 6, photos: []
        )
    }

    static func snapshot(_ sequence: Int, previous: String, value: String = "10") -> PublicSnapshot {
        PublicSnapshot(
            planTitle: "2019年洛阳市重点民生实事工作方案", year: 2019, jurisdiction: "洛阳市", period: .quarter(year: 2019, quarter: sequence),
            sequence: sequence, publishedOn: CalendarDate(year: 2019, month: sequence * 3 + 1, day: 10)!, objectionsUntil: nil,
            previousHash: previous,
            counts: ["onSchedule": 2], progress: 50, categories: [.init(number: 1, name: "教育", progress: 50)],
            units: [.init(id: 1, name: "市教育局"), .init(id: 2, name: "各县(市、区)政府")],
            items: [item(1, value: value), item(2, value: "3")]
        )
    }

    /// Three chained publications, as downloaded.
    static func chain() throws -> [PublishedSnapshot] {
        var chain: [PublishedSnapshot] = []
        var previous = PublicSnapshot.genesisHash
        for sequence in 1...3 {
            let snapshot = snapshot(sequence, previous: previous, value: "\(sequence * 10)")
            let hash = try snapshot.hash()
            chain.append(PublishedSnapshot(snapshot: snapshot, hash: hash))
            previous = hash
        }
        return chain
    }

    @Test func aChainOfPublicationsVerifiesAfterADownloadRoundTrip() throws {
        let chain = try Self.chain()
        let downloaded = try ChainVerifier.decode(try ChainVerifier.encode(chain))
        #expect(downloaded == chain)
        let report = ChainVerifier.verify(downloaded)
        #expect(report.passed, "\(report.problems)")
        #expect(report.checked == 3)
        // One file on its own verifies too.
        let single = try ChainVerifier.decode(try ChainVerifier.encode(chain[0]))
        #expect(ChainVerifier.verify(single).passed)
        // The hash is that of the canonical JSON: sorted keys, no whitespace.
        let canonical = String(decoding: try PublicSnapshot.canonical(chain[0].snapshot), as: UTF8.self)
        #expect(canonical.hasPrefix("{\"categories\":"))
        #expect(!canonical.contains("\n"))
        #expect(PublicSnapshot.sha256(Data(canonical.utf8)) == chain[0].hash)
        #expect(chain[0].hash.count == 64)
    }

    @Test func aChangedFigureIsDetectedAndNamed() throws {
        var chain = try Self.chain()
        chain[1].snapshot.items[0].targets[0].value = "99"
        let report = ChainVerifier.verify(chain)
        #expect(!report.passed)
        #expect(report.problems.count == 1)
        let problem = try #require(report.problems.first)
        #expect(problem.zh.contains("公示第2期"))
        #expect(problem.zh.contains("第1项“事项1”"))
        #expect(problem.en.contains("Publication 2") && problem.en.contains("item 1"))
    }

    @Test func aForgerWhoRecomputesTheHashesStillBreaksTheChain() throws {
        var chain = try Self.chain()
        var forged = chain[1].snapshot
        forged.items[0] = Self.item(1, value: "99")
        chain[1] = PublishedSnapshot(
            snapshot: PublicSnapshot(
                planTitle: forged.planTitle, year: forged.year, jurisdiction: forged.jurisdiction, period: forged.period, sequence: 2,
                publishedOn: forged.publishedOn, objectionsUntil: nil, previousHash: forged.previousHash, counts: forged.counts,
                progress: forged.progress,
                categories: forged.categories, units: forged.units, items: forged.items
            ), hash: "")
        chain[1].hash = try chain[1].snapshot.hash()
        let report = ChainVerifier.verify(chain)
        #expect(report.problems.map(\.zh) == ["公示第3期（2019-Q3）：记录的上一期哈希与第2期不符，链条断开"])
        #expect(
            report.problems.map(\.en) == ["Publication 3 (2019-Q3): the previous hash it records differs from publication 2: the chain is broken"])
        // Compared with the original, the changed figure is named.
        let original = try Self.chain()[1].snapshot
        #expect(ChainVerifier.differences(chain[1].snapshot, from: original).map(\.zh) == ["第1项“新建学校”完成值：20 → 99"])
        #expect(ChainVerifier.differences(chain[1].snapshot, from: original).map(\.en) == ["Item 1 “新建学校” result: 20 → 99"])
    }

    @Test func aMissingOrReorderedPublicationIsReported() throws {
        let chain = try Self.chain()
        #expect(ChainVerifier.verify([chain[0], chain[2]]).problems.map(\.zh) == ["公示第3期（2019-Q3）：缺少第2期"])
        #expect(ChainVerifier.verify([chain[0], chain[2]]).problems.map(\.en) == ["Publication 3 (2019-Q3): publication 2 is missing"])
        #expect(ChainVerifier.verify(chain.reversed()).passed)
        var tampered = chain[0]
        tampered.snapshot.previousHash = String(repeating: "1", count: 64)
        let problems = ChainVerifier.verify([tampered]).problems
        #expect(problems.map(\.zh).contains("公示第1期（2019-Q1）：第一期的上一期哈希应为全零"))
        #expect(problems.contains { $0.zh.contains("发布后被改动过") && $0.en.contains("changed after publication") })
    }

    @Test func theSnapshotCSVCarriesTheHashAndEveryTarget() throws {
        let chain = try Self.chain()
        let csv = chain[0].snapshot.csv(hash: chain[0].hash)
        let lines = csv.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(csv.hasPrefix("\u{FEFF}"))
        #expect(lines[0] == "公示,第1期,2019-Q1,2019-04-10,SHA-256,\(chain[0].hash)")
        #expect(lines.count == 4)
        #expect(lines[2] == "1,事项1,市教育局,\"各县(市、区)政府\",按序时,50,58,新建学校,1,所,10,,6".replacingOccurrences(of: "\"", with: ""))
    }

    @Test func theBuilderPublishesOnlyWhatItIsGiven() throws {
        let category = MinshengCore.Category(id: 1, planID: 1, ordinal: 1, name: "教育")
        let item = Item(id: 10, planID: 1, categoryID: 1, number: 3, text: "新建改扩建寄宿制学校56所。", title: "新建改扩建寄宿制学校56所")
        let indicators = [
            Indicator(id: 100, itemID: 10, ordinal: 1, name: "新建改扩建寄宿制学校", target: 56, measure: "所", kind: .cumulative),
            Indicator(id: 101, itemID: 10, parentID: 100, ordinal: 2, name: "其中新建", target: 20, measure: "所", kind: .cumulative),
            Indicator(id: 102, itemID: 10, ordinal: 3, name: "补助标准", target: nil, measure: "元", kind: .cumulative, provisional: true),
        ]
        let units = [
            MinshengCore.Unit(id: 7, name: "市教育局", kind: .department, jurisdictionID: 1),
            MinshengCore.Unit(id: 8, name: "市财政局", kind: .department, jurisdictionID: 1),
        ]
        let assignments = [
            Assignment(itemID: 10, unitID: 7, role: .lead, ordinal: 1), Assignment(itemID: 10, unitID: 8, role: .responsible, ordinal: 1),
        ]
        let input = AssessmentInput(
            year: 2019, settings: AssessmentSettings(), items: [item], indicators: indicators, schedules: [:], weights: [:],
            accepted: [AcceptedValue(indicatorID: 100, month: 6, value: 28), AcceptedValue(indicatorID: 101, month: 6, value: 10)],
            submittedMonths: [:], overrides: [10: StatusOverride(status: .behind, reason: "内部：市领导要求加压")])
        let assessment = Assessor().assess(input, at: .month(year: 2019, month: 6))
        let builder = PublicSnapshotBuilder(
            planTitle: "方案", year: 2019, jurisdiction: "洛阳市", categories: [category], items: [item],
            indicators: indicators, units: units, assignments: assignments)
        let snapshot = builder.build(
            assessment: assessment, accepted: input.accepted, narratives: [10: .init(text: "已开工28所。", month: 6)], photos: [:],
            sequence: 1, previousHash: PublicSnapshot.genesisHash, publishedOn: CalendarDate(year: 2019, month: 7, day: 10)!,
            objectionsUntil: nil)
        let published = try #require(snapshot.items.first)
        #expect(published.status == .behind)
        #expect(published.leadUnits == [7])
        #expect(published.responsibleUnits == [8])
        #expect(snapshot.units.map(\.name) == ["市教育局", "市财政局"])
        #expect(published.targets.map(\.name) == ["新建改扩建寄宿制学校", "其中新建", "补助标准"])
        #expect(published.targets.map(\.breakdown) == [false, true, false])
        #expect(published.targets[0].value == "28")
        #expect(published.targets[0].progress == 50)
        #expect(published.targets[2].provisional)
        #expect(published.narrative == "已开工28所。")
        #expect(published.digest == PublicSnapshot.digest(of: published))
        // The override's reason is an internal note: it is not in the published JSON at all.
        let json = String(decoding: try PublicSnapshot.canonical(snapshot), as: UTF8.self)
        #expect(!json.contains("市领导要求加压"))
        #expect(snapshot.counts["behind"] == 1)
    }

    @Test func theGuardCleansMessagesAndRefusesSpam() throws {
        let guardRules = MessageGuard()
        #expect(try guardRules.clean("  天桥什么时候建成？\r\n\r\n\r\n谢谢  ") == "天桥什么时候建成？\n\n谢谢")
        #expect(throws: MessageGuard.Refusal.empty) { try guardRules.clean("   \n ") }
        #expect(throws: MessageGuard.Refusal.tooShort(minimum: 4)) { try guardRules.clean("好的") }
        #expect(throws: MessageGuard.Refusal.tooLong(maximum: 500, length: 501)) { try guardRules.clean(String(repeating: "长", count: 501)) }
        for spam in ["加微信 www.spam.example 领奖", "点击 http://x.y/z", "优惠 cheap-deals.com 速来", "看 HTTPS://A.CN"] {
            #expect(throws: MessageGuard.Refusal.containsLink, "\(spam)") { try guardRules.clean(spam) }
        }
        for fine in ["完成率12.5%，还差3.5万人", "第35项进度为何偏慢？", "电话会议已开3.0次"] {
            #expect(!MessageGuard.containsLink(fine), "\(fine)")
        }
        #expect(MessageGuard.fingerprint("天桥 什么时候建成？") == MessageGuard.fingerprint("天桥什么时候建成!!"))
        #expect(try guardRules.phone("") == nil)
        #expect(try guardRules.phone("138-0000 0000") == "13800000000")
        #expect(throws: MessageGuard.Refusal.badPhone) { try guardRules.phone("12345") }
        #expect(throws: MessageGuard.Refusal.repeated) { try guardRules.checkMessage(recentFromAddress: 0, isRepeat: true) }
        try guardRules.checkMessage(recentFromAddress: 4, isRepeat: false)
        #expect(throws: MessageGuard.Refusal.tooManyMessages(limit: 5)) { try guardRules.checkMessage(recentFromAddress: 5, isRepeat: false) }
        try guardRules.checkRating(recentFromAddress: 59, sameItemFromAddress: 19)
        #expect(throws: MessageGuard.Refusal.tooManyRatings(limit: 60)) { try guardRules.checkRating(recentFromAddress: 60, sameItemFromAddress: 0) }
        #expect(throws: MessageGuard.Refusal.tooManyRatings(limit: 20)) { try guardRules.checkRating(recentFromAddress: 0, sameItemFromAddress: 20) }
    }

    @Test func satisfactionIsCountedTheWayOfficesCountIt() {
        let tally = SatisfactionTally(satisfied: 5, basicallySatisfied: 2, dissatisfied: 1)
        #expect(tally.total == 8)
        #expect(tally.rate == 88)
        #expect(SatisfactionTally().rate == nil)
        #expect(SatisfactionTally.sum([tally, tally]).rate == 88)
        #expect(SatisfactionTally(satisfied: 1, basicallySatisfied: 0, dissatisfied: 2).rate == 33)
    }

    @Test func theCircularReportsSatisfactionByUnitAndNamesLowItems() {
        let items = (1...3).map { number in
            CircularBuilder.ItemFacts(
                item: Item(id: Int64(number), planID: 1, categoryID: 1, number: number, text: "事项\(number)", title: "事项\(number)"),
                category: "教育", leadUnits: [number == 3 ? "市住建局" : "市教育局"], responsibleUnits: [], indicators: [])
        }
        let indicators = items.map { Indicator(id: $0.item.id * 10, itemID: $0.item.id, ordinal: 1, name: "目标", target: 100, measure: "个") }
        let input = AssessmentInput(
            year: 2019, items: items.map(\.item), indicators: indicators,
            accepted: indicators.map { AcceptedValue(indicatorID: $0.id, month: 9, value: 70) })
        let assessment = Assessor().assess(input, at: .quarter(year: 2019, quarter: 3))
        let satisfaction = [
            1: SatisfactionTally(satisfied: 8, basicallySatisfied: 1, dissatisfied: 1), 2: SatisfactionTally(satisfied: 9, basicallySatisfied: 1),
            3: SatisfactionTally(satisfied: 1, basicallySatisfied: 2, dissatisfied: 7),
        ]
        let builder = CircularBuilder(
            kind: .quarterly, period: .quarter(year: 2019, quarter: 3), planTitle: "方案", year: 2019, jurisdiction: "洛阳市",
            issuer: "督查室", date: CalendarDate(year: 2019, month: 10, day: 12)!, addressee: "各单位", requirements: ["抓落实。"],
            satisfaction: satisfaction)
        let document = builder.build(assessment: assessment, items: items, timeliness: [])
        let section = document.sections.first { $0.heading?.hasSuffix("群众满意度评价") == true }
        let text = section?.paragraphs.joined() ?? ""
        // 30 ratings: 18 satisfied, 4 basically, 8 not: (18 + 4) / 30 = 73%.
        #expect(text.contains("作出评价30人次，其中满意18人次、基本满意4人次、不满意8人次，总体满意度为73%"))
        // 市教育局 leads items 1 and 2: 19 of 20; 市住建局 leads item 3: 3 of 10.
        #expect(text.contains("市教育局95%（20人次）；市住建局30%（10人次）"))
        #expect(text.contains("满意度低于80%的事项：第3项“事项3”（30%，牵头单位：市住建局）"))
        #expect(document.rows.first { $0.number == 3 }?.note.contains("群众满意度30%（10人次）") == true)
        #expect(document.sections.last?.heading == "六、下一步工作要求")
    }

    @Test func datesAddDaysAcrossMonthsYearsAndLeapDays() {
        let date = CalendarDate(year: 2019, month: 12, day: 28)!
        #expect(date.adding(days: 7) == CalendarDate(year: 2020, month: 1, day: 4))
        #expect(CalendarDate(year: 2020, month: 2, day: 27)!.adding(days: 3) == CalendarDate(year: 2020, month: 3, day: 1))
        #expect(CalendarDate(year: 2019, month: 3, day: 1)!.adding(days: -1) == CalendarDate(year: 2019, month: 2, day: 28))
        #expect(date.adding(days: 0) == date)
    }
}
