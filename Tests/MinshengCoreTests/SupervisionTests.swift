import Foundation
import MinshengCore
import Testing

/// Supervision rules on hand-built cases: notices and their escalation, discrepancies, rectification, each
/// accountability rule, and a scoring sheet summed by hand.
@Suite struct SupervisionTests {
    static func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    static let rules = NoticeRules(nearDays: 15, blueResponseDays: 10, yellowResponseDays: 7, redResponseDays: 3)

    @Test func anAnsweredNoticeKeepsItsColour() {
        let standing = NoticeStanding.evaluate(
            grade: .blue, issuedOn: Self.date("2019-09-02"), answeredOn: Self.date("2019-09-12"),
            today: Self.date("2019-10-30"), rules: Self.rules)
        #expect(standing.grade == .blue)
        #expect(standing.due == Self.date("2019-09-12"))
        #expect(standing.escalations.isEmpty)
        #expect(standing.answered)
        #expect(!standing.redOverdue)
    }

    @Test func anUnansweredNoticeEscalatesOnTheDayAfterEachMissedDueDay() {
        let issued = Self.date("2019-09-02")
        // Due 09-12: on the due day still blue.
        #expect(
            NoticeStanding.evaluate(grade: .blue, issuedOn: issued, answeredOn: nil, today: Self.date("2019-09-12"), rules: Self.rules).grade == .blue
        )
        // The day after: yellow, with seven more days (due 09-19).
        let yellow = NoticeStanding.evaluate(grade: .blue, issuedOn: issued, answeredOn: nil, today: Self.date("2019-09-13"), rules: Self.rules)
        #expect(yellow.grade == .yellow)
        #expect(yellow.due == Self.date("2019-09-19"))
        #expect(yellow.escalations == [.init(on: Self.date("2019-09-13"), grade: .yellow)])
        // 09-20: red, three more days (due 09-22); not yet overdue.
        let red = NoticeStanding.evaluate(grade: .blue, issuedOn: issued, answeredOn: nil, today: Self.date("2019-09-20"), rules: Self.rules)
        #expect(red.grade == .red)
        #expect(red.due == Self.date("2019-09-22"))
        #expect(red.escalations.map(\.grade) == [.yellow, .red])
        #expect(!red.redOverdue)
        // 09-23: red and overdue, and it stays red.
        let overdue = NoticeStanding.evaluate(grade: .blue, issuedOn: issued, answeredOn: nil, today: Self.date("2019-12-31"), rules: Self.rules)
        #expect(overdue.grade == .red)
        #expect(overdue.redOverdue)
        #expect(overdue.escalations.count == 2)
        // Answered late, on 09-15: it escalated once, then stopped.
        let late = NoticeStanding.evaluate(
            grade: .blue, issuedOn: issued, answeredOn: Self.date("2019-09-15"), today: Self.date("2019-12-31"), rules: Self.rules)
        #expect(late.grade == .yellow)
        #expect(!late.redOverdue)
        // A red notice issued red is overdue the day after its three days.
        #expect(
            !NoticeStanding.evaluate(grade: .red, issuedOn: issued, answeredOn: nil, today: Self.date("2019-09-05"), rules: Self.rules).redOverdue)
        #expect(NoticeStanding.evaluate(grade: .red, issuedOn: issued, answeredOn: nil, today: Self.date("2019-09-06"), rules: Self.rules).redOverdue)
    }

    @Test func noticesAreProposedFromTheAssessmentAndNearDeadlines() {
        let items = (1...6).map { Item(id: Int64($0), planID: 1, categoryID: 1, number: $0, text: "事项\($0)", title: "事项\($0)") }
        let indicators = [
            Indicator(id: 10, itemID: 1, ordinal: 1, name: "学校", target: 100, measure: "所"),
            Indicator(id: 20, itemID: 2, ordinal: 1, name: "学校", target: 100, measure: "所"),
            Indicator(id: 30, itemID: 3, ordinal: 1, name: "学校", target: 100, measure: "所"),
            Indicator(id: 40, itemID: 4, ordinal: 1, name: "学校", target: 100, measure: "所"),
            Indicator(id: 50, itemID: 5, ordinal: 1, name: "建成投用", target: nil, measure: "", kind: .milestone, deadline: Self.date("2019-08-31")),
            Indicator(id: 60, itemID: 6, ordinal: 1, name: "学校", target: 100, measure: "所"),
        ]
        // At September (expected 9/11 ≈ 82% with completion in November): 82 on schedule, 70 behind, 40 seriously
        // behind, 100 completed; item 5's milestone passed unmet; item 6 has no report.
        let accepted = [
            AcceptedValue(indicatorID: 10, month: 9, value: 82), AcceptedValue(indicatorID: 20, month: 9, value: 70),
            AcceptedValue(indicatorID: 30, month: 9, value: 40), AcceptedValue(indicatorID: 40, month: 9, value: 100),
            AcceptedValue(indicatorID: 50, month: 9),
        ]
        let input = AssessmentInput(
            year: 2019, settings: AssessmentSettings(yellowThreshold: 5, redThreshold: 15, aheadThreshold: 5, completionMonth: 11),
            items: items, indicators: indicators, accepted: accepted)
        let assessment = Assessor().assess(input, at: .month(year: 2019, month: 9))
        let deadlines = [
            ItemDeadline(itemID: 1, name: "主体完工", due: Self.date("2019-10-10")), ItemDeadline(itemID: 4, name: "验收", due: Self.date("2019-10-05")),
        ]
        let proposals = NoticeProposer(rules: Self.rules).propose(assessment, deadlines: deadlines, today: Self.date("2019-09-30"))
        let byNumber = Dictionary(uniqueKeysWithValues: proposals.map { ($0.number, $0) })
        #expect(byNumber[1]?.grade == .blue)
        #expect(byNumber[1]?.reason == "“主体完工”将于2019-10-10到期，尚未完成。")
        #expect(byNumber[2]?.grade == .yellow)
        #expect(byNumber[3]?.grade == .red)
        #expect(byNumber[3]?.reason.hasPrefix("严重滞后：完成进度40%") == true)
        #expect(byNumber[4] == nil, "a completed item needs no notice")
        #expect(byNumber[5]?.grade == .red)
        #expect(byNumber[5]?.reason == "节点逾期未完成：“建成投用”（2019-08-31）。")
        #expect(byNumber[6]?.grade == .yellow)
        #expect(proposals.map(\.grade) == [.red, .red, .yellow, .yellow, .blue])
        // A deadline beyond the horizon proposes nothing.
        let later = NoticeProposer(rules: Self.rules).propose(assessment, deadlines: deadlines, today: Self.date("2019-09-20"))
        #expect(!later.contains { $0.number == 1 })
    }

    @Test func aDiscrepancyIsAShortfallBeyondTheTolerance() {
        let rule = DiscrepancyRule()
        #expect(!rule.isDiscrepancy(CheckedValue(indicatorID: 1, reported: 100, verified: 90)), "10% short is within the tolerance")
        #expect(rule.isDiscrepancy(CheckedValue(indicatorID: 1, reported: 100, verified: 89)))
        #expect(rule.shortfall(CheckedValue(indicatorID: 1, reported: 9, verified: 7)) == Decimal(2) / Decimal(9))
        #expect(rule.isDiscrepancy(CheckedValue(indicatorID: 1, reported: 9, verified: 7)))
        #expect(!rule.isDiscrepancy(CheckedValue(indicatorID: 1, reported: 100, verified: 120)), "more than reported is no discrepancy")
        #expect(!rule.isDiscrepancy(CheckedValue(indicatorID: 1, reported: nil, verified: 0)), "nothing reported, nothing overstated")
        #expect(!DiscrepancyRule(tolerance: Decimal(string: "0.25")!).isDiscrepancy(CheckedValue(indicatorID: 1, reported: 9, verified: 7)))
    }

    @Test func rectificationsMoveOnlyByTheirRules() {
        #expect(RectificationState.open.after(.report) == .reported)
        #expect(RectificationState.reported.after(.close) == .closed)
        #expect(RectificationState.reported.after(.reopen) == .reopened)
        #expect(RectificationState.reopened.after(.report) == .reported)
        #expect(RectificationState.open.after(.close) == nil)
        #expect(RectificationState.closed.after(.reopen) == nil)
        #expect(RectificationState.closed.after(.report) == nil)
        #expect(RectificationState.open.isPending && RectificationState.reopened.isPending && !RectificationState.reported.isPending)
    }

    static let today = date("2019-10-12")

    @Test func seriouslyBehindForConsecutiveMonthsProposesACaseForEachLeadUnit() {
        let facts = AccountabilityFacts(
            monthlyStatuses: [
                1: [7: .seriouslyBehind, 8: .seriouslyBehind, 9: .seriouslyBehind], 2: [7: .seriouslyBehind, 8: .behind, 9: .seriouslyBehind],
                3: [8: .seriouslyBehind, 9: .behind],
            ],
            leads: [1: [11, 12], 2: [21], 3: [31]]
        )
        let proposals = AccountabilityProposer().propose(facts, today: Self.today)
        #expect(proposals.map(\.unitID) == [11, 12])
        #expect(proposals.allSatisfy { $0.rule == .seriouslyBehind && $0.itemID == 1 })
        #expect(proposals[0].grounds.map(\.text) == ["7月严重滞后", "8月严重滞后", "9月严重滞后"])
        // With three months required, item 1 still qualifies; with four it does not.
        #expect(AccountabilityProposer(settings: AccountabilitySettings(consecutiveMonths: 3)).propose(facts, today: Self.today).count == 2)
        #expect(AccountabilityProposer(settings: AccountabilitySettings(consecutiveMonths: 4)).propose(facts, today: Self.today).isEmpty)
        // A case already opened is not proposed again.
        let opened: Set<AccountabilityProposer.Key> = [.init(unitID: 11, itemID: 1, rule: .seriouslyBehind)]
        #expect(AccountabilityProposer().propose(facts, today: Self.today, opened: opened).map(\.unitID) == [12])
    }

    @Test func aRedNoticeUnansweredProposesACase() {
        let overdue = NoticeStanding.evaluate(grade: .red, issuedOn: Self.date("2019-10-01"), answeredOn: nil, today: Self.today, rules: Self.rules)
        let pending = NoticeStanding.evaluate(
            grade: .yellow, issuedOn: Self.date("2019-10-08"), answeredOn: nil, today: Self.today, rules: Self.rules)
        let facts = AccountabilityFacts(
            monthlyStatuses: [:], leads: [:],
            notices: [
                .init(id: 5, itemID: 1, unitID: 11, standing: overdue), .init(id: 6, itemID: 2, unitID: 21, standing: pending),
            ])
        let proposals = AccountabilityProposer().propose(facts, today: Self.today)
        #expect(proposals.count == 1)
        #expect(proposals.first?.rule == .redNoticeUnanswered)
        #expect(proposals.first?.grounds == [Evidence(kind: .notice, reference: 5, text: "红色督办单应于2019-10-04前反馈，至今未反馈")])
    }

    @Test func anOverdueRectificationProposesACase() {
        let facts = AccountabilityFacts(
            monthlyStatuses: [:], leads: [:],
            rectifications: [
                .init(id: 1, itemID: 3, unitID: 31, due: Self.date("2019-10-10"), state: .open),
                .init(id: 2, itemID: 3, unitID: 32, due: Self.date("2019-10-10"), state: .reported),
                .init(id: 3, itemID: 4, unitID: 41, due: Self.date("2019-10-12"), state: .open),
                .init(id: 4, itemID: 5, unitID: 51, due: Self.date("2019-10-01"), state: .reopened),
            ])
        let proposals = AccountabilityProposer().propose(facts, today: Self.today)
        #expect(proposals.map(\.unitID) == [31, 51])
        #expect(proposals.allSatisfy { $0.rule == .rectificationOverdue })
    }

    @Test func aDiscrepancyProposesACaseAndRulesCanBeSwitchedOff() {
        let facts = AccountabilityFacts(
            monthlyStatuses: [:], leads: [:],
            discrepancies: [
                .init(inspectionID: 9, itemID: 35, unitID: 61, text: "人行天桥：报送9座，核查7座"),
                .init(inspectionID: 10, itemID: 35, unitID: 61, text: "人行天桥：报送10座，核查8座"),
            ])
        let proposals = AccountabilityProposer().propose(facts, today: Self.today)
        #expect(proposals.count == 1, "findings on the same unit and item make one case")
        #expect(proposals.first?.grounds.map(\.reference) == [9, 10])
        let off = AccountabilitySettings(rules: [.seriouslyBehind, .redNoticeUnanswered, .rectificationOverdue])
        #expect(AccountabilityProposer(settings: off).propose(facts, today: Self.today).isEmpty)
    }

    @Test func aScoringSheetSumsLikeTheOneDoneByHand() throws {
        let records = [
            // 市教育局: items at 80% and 120% (capped at 100) → completion 90% × 40 = 36; 2 of 2 on track → 25;
            // 18 of 20 on time → 18; 9 of 10 satisfied → 13.5; one discrepancy −3; no cases. Total 89.5.
            UnitRecord(
                unitID: 1, name: "市教育局",
                items: [
                    .init(number: 2, progress: Decimal(string: "0.8"), status: .onSchedule),
                    .init(number: 3, progress: Decimal(string: "1.2"), status: .completed),
                ],
                reportsOnTime: 18, reportsOwed: 20, satisfaction: SatisfactionTally(satisfied: 8, basicallySatisfied: 1, dissatisfied: 1),
                discrepancies: 1),
            // 市住建局: 40% → 16; 0 of 1 on track → 0; 10 of 10 → 20; 3 of 10 → 4.5; red notices 2 × 1 and overdue
            // rectifications 5 × 2 = 12, capped at 10 → −10; 约谈 −2. Total 28.5.
            UnitRecord(
                unitID: 2, name: "市住建局", items: [.init(number: 35, progress: Decimal(string: "0.4"), status: .seriouslyBehind)],
                reportsOnTime: 10, reportsOwed: 10, satisfaction: SatisfactionTally(satisfied: 1, basicallySatisfied: 2, dissatisfied: 7),
                overdueRectifications: 5, redNotices: 2, decisions: [.interview]),
            // 市人防办: a pending item (no progress) → completion at the average of the others, (90% + 40%) / 2 = 65% →
            // 26; progress at the average (100% + 0%) / 2 = 50% → 12.5; 5 of 9 on time → 11.11; no ratings → the
            // average (0.9 + 0.3) / 2 = 60% → 9. Total 58.61.
            UnitRecord(unitID: 3, name: "市人防办", items: [.init(number: 48, progress: nil, status: .pending)], reportsOnTime: 5, reportsOwed: 9),
        ]
        let scores = UnitScorer().score(records)
        #expect(scores.map(\.name) == ["市教育局", "市人防办", "市住建局"])
        #expect(scores.map(\.rank) == [1, 2, 3])
        let education = try #require(scores.first { $0.unitID == 1 })
        #expect(education.lines.map(\.points) == [36, 25, 18, Decimal(string: "13.5")!, -3, 0])
        #expect(education.total == Decimal(string: "89.5")!)
        #expect(education.lines[0].explanation == "所牵头2项平均完成进度90%（每项最多计100%）：40×90%")
        let housing = try #require(scores.first { $0.unitID == 2 })
        #expect(housing.lines.map(\.points) == [16, 0, 20, Decimal(string: "4.5")!, -10, -2])
        #expect(housing.total == Decimal(string: "28.5")!)
        #expect(housing.lines[4].explanation == "核查不符0处×3，整改逾期5项×2，红色督办2次×1，共12分，以10分为限")
        #expect(housing.lines[5].explanation == "约谈2分")
        let silent = try #require(scores.first { $0.unitID == 3 })
        #expect(silent.lines.map(\.points) == [26, Decimal(string: "12.5")!, Decimal(string: "11.11")!, 9, 0, 0])
        #expect(silent.total == Decimal(string: "58.61")!)
        #expect(silent.lines[0].explanation.contains("无可计量数据，按全市平均65%计"))
        #expect(ScoringScheme().maximum == 100)
        // The scheme round-trips as JSON, decisions and all.
        let scheme = ScoringScheme(completion: 50, decisions: [.disciplinary: 8])
        #expect(try JSONDecoder().decode(ScoringScheme.self, from: JSONEncoder().encode(scheme)) == scheme)
    }
}
