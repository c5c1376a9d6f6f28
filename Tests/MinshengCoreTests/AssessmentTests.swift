import Foundation
import Testing

@testable import MinshengCore

/// The assessment on hand-built cases, at fixed periods.
@Suite struct AssessmentTests {
    static let item = Item(id: 1, planID: 1, categoryID: 1, number: 1, text: "新建学校120所", title: "新建学校")

    static func indicator(
        _ id: Int64 = 10, target: Decimal? = 120, kind: Indicator.Kind = .cumulative, provisional: Bool = false,
        comparator: Indicator.Comparator = .atLeast, deadline: CalendarDate? = nil, parent: Int64? = nil
    ) -> Indicator {
        Indicator(
            id: id, itemID: 1, parentID: parent, ordinal: Int(id), name: "指标\(id)", target: target, measure: "所",
            comparator: comparator, kind: kind, provisional: provisional, deadline: deadline)
    }

    /// Assesses one indicator with values by month; the unit reported in every month that has a value.
    static func assess(
        _ indicators: [Indicator], values: [(Int64, Int, Decimal)] = [], reached: [(Int64, Int, CalendarDate)] = [],
        at month: Int, settings: AssessmentSettings = AssessmentSettings(), schedules: [Int64: Schedule] = [:],
        weights: [Int64: Decimal] = [:], override: StatusOverride? = nil, submitted: Set<Int>? = nil
    ) -> ItemAssessment {
        let accepted =
            values.map { AcceptedValue(indicatorID: $0.0, month: $0.1, value: $0.2) }
            + reached.map { AcceptedValue(indicatorID: $0.0, month: $0.1, reachedOn: $0.2) }
        let months = submitted ?? Set(accepted.map(\.month))
        let input = AssessmentInput(
            year: 2019, settings: settings, items: [item], indicators: indicators, schedules: schedules, weights: weights,
            accepted: accepted, submittedMonths: [1: months], overrides: override.map { [1: $0] } ?? [:]
        )
        return Assessor().assess(input, at: .month(year: 2019, month: month)).items[0]
    }

    @Test func onScheduleAheadAndCompleted() {
        // Time-proportional: 60 of 120 by June is exactly 50%.
        #expect(Self.assess([Self.indicator()], values: [(10, 6, 60)], at: 6).status == .onSchedule)
        #expect(Self.assess([Self.indicator()], values: [(10, 6, 80)], at: 6).status == .ahead)
        #expect(Self.assess([Self.indicator()], values: [(10, 6, 120)], at: 6).status == .completed)
        #expect(Self.assess([Self.indicator()], values: [(10, 6, 130)], at: 6).progress == 1)
    }

    @Test func thresholdEdgesAreStrict() {
        // Expected 50%; yellow 5 points, red 15 points. Exactly at a threshold is not past it.
        #expect(Self.assess([Self.indicator()], values: [(10, 6, 54)], at: 6).status == .onSchedule)  // 45%: 5 points
        #expect(Self.assess([Self.indicator()], values: [(10, 6, 53)], at: 6).status == .behind)  // 44.2%
        #expect(Self.assess([Self.indicator()], values: [(10, 6, 42)], at: 6).status == .behind)  // 35%: 15 points
        #expect(Self.assess([Self.indicator()], values: [(10, 6, 41)], at: 6).status == .seriouslyBehind)
        #expect(Self.assess([Self.indicator()], values: [(10, 6, 66)], at: 6).status == .onSchedule)  // 55%: 5 ahead
        #expect(Self.assess([Self.indicator()], values: [(10, 6, 67)], at: 6).status == .ahead)
        let strict = AssessmentSettings(yellowThreshold: 1, redThreshold: 2)
        #expect(Self.assess([Self.indicator()], values: [(10, 6, 57)], at: 6, settings: strict).status == .seriouslyBehind)
    }

    @Test func theCompletionMonthSetsThePath() {
        // All work planned by November: by June 6/11 = 54.5% is expected, so 60 of 120 is behind by 4.5 points.
        let november = AssessmentSettings(completionMonth: 11)
        let assessed = Self.assess([Self.indicator()], values: [(10, 6, 60)], at: 6, settings: november)
        #expect(assessed.status == .onSchedule)
        #expect(assessed.expected == Decimal(6) / Decimal(11))
        #expect(Self.assess([Self.indicator()], values: [(10, 6, 58)], at: 6, settings: november).status == .behind)
    }

    @Test func explicitNodesAndCurves() throws {
        let nodes = Schedule.nodes([
            ScheduleNode(name: "开工", due: try #require(CalendarDate(year: 2019, month: 3, day: 31)), share: Decimal(string: "0.1")!),
            ScheduleNode(name: "主体完工", due: try #require(CalendarDate(year: 2019, month: 9, day: 30)), share: Decimal(string: "0.8")!),
        ])
        // By June only 10% is planned: 30 of 120 (25%) is ahead.
        #expect(Self.assess([Self.indicator()], values: [(10, 6, 30)], at: 6, schedules: [10: nodes]).status == .ahead)
        #expect(Self.assess([Self.indicator()], values: [(10, 9, 60)], at: 9, schedules: [10: nodes]).status == .seriouslyBehind)
        let curve = Schedule.monthlyCurve([3: 10, 6: 90, 12: 120])
        #expect(Self.assess([Self.indicator()], values: [(10, 7, 80)], at: 7, schedules: [10: curve]).status == .behind)
    }

    @Test func anOverdueNodeIsSeriouslyBehind() throws {
        let milestone = Self.indicator(target: nil, kind: .milestone, deadline: CalendarDate(year: 2019, month: 5, day: 31))
        let june = Self.assess([milestone], values: [(10, 6, 0)], at: 6)
        #expect(june.status == .seriouslyBehind)
        #expect(june.indicators[0].overdueNodes.count == 1)
        let reached = Self.assess([milestone], reached: [(10, 5, try #require(CalendarDate(year: 2019, month: 5, day: 20)))], at: 6)
        #expect(reached.status == .completed)
        let notYetDue = Self.assess([milestone], reached: [], at: 4, submitted: [4])
        #expect(notYetDue.status == .onSchedule)
        let steps = Schedule.nodes([
            ScheduleNode(name: "开工", due: try #require(CalendarDate(year: 2019, month: 3, day: 31))),
            ScheduleNode(name: "建成投用", due: try #require(CalendarDate(year: 2019, month: 12, day: 31))),
        ])
        let started = Self.assess(
            [milestone], reached: [(10, 3, try #require(CalendarDate(year: 2019, month: 3, day: 15)))], at: 9, schedules: [10: steps], submitted: [9])
        #expect(started.status == .onSchedule)
        #expect(started.progress == Decimal(1) / Decimal(2))
    }

    @Test func provisionalTargetsArePendingUntilSet() {
        let provisional = Self.indicator(target: nil, provisional: true)
        #expect(Self.assess([provisional], at: 9).status == .pending)
        // With a number the target is assessed like any other.
        let withNumber = Self.indicator(target: 120, provisional: true)
        #expect(Self.assess([withNumber], values: [(10, 6, 60)], at: 6).status == .onSchedule)
    }

    @Test func ratesAreAssessedOnTheirLevel() {
        let rate = Self.indicator(target: 85, kind: .rate)
        // A level of 80% against 85% by September: 94% of the target, ahead of the 75% expected.
        let assessed = Self.assess([rate], values: [(10, 3, 70), (10, 9, 80)], at: 9)
        #expect(assessed.status == .ahead)
        #expect(assessed.indicators[0].value == 80)
        #expect(Self.assess([rate], values: [(10, 9, 85)], at: 9).status == .completed)
    }

    @Test func noAcceptedReportIsNotReportedAndSilenceAfterReportingToo() {
        #expect(Self.assess([Self.indicator()], at: 6).status == .notReported)
        // Reported in May, nothing at all in June: not reporting.
        #expect(Self.assess([Self.indicator()], values: [(10, 5, 50)], at: 6).status == .notReported)
        // Submitted in June but not yet accepted: assessed on May's accepted figure, as of May.
        let pending = Self.assess([Self.indicator()], values: [(10, 5, 50)], at: 6, submitted: [5, 6])
        #expect(pending.status == .onSchedule)
        #expect(pending.indicators[0].asOfMonth == 5)
    }

    @Test func theWorstIndicatorDecidesUnlessOverridden() {
        let a = Self.indicator(10)
        let b = Self.indicator(11, target: 100)
        let assessed = Self.assess([a, b], values: [(10, 6, 60), (11, 6, 10)], at: 6)
        #expect(assessed.status == .seriouslyBehind)
        #expect(assessed.progress == (Decimal(string: "0.5")! + Decimal(string: "0.1")!) / 2)
        let weighted = Self.assess([a, b], values: [(10, 6, 60), (11, 6, 10)], at: 6, weights: [10: 3, 11: 1])
        #expect(weighted.progress == (Decimal(string: "0.5")! * 3 + Decimal(string: "0.1")!) / 4)
        let override = StatusOverride(status: .onSchedule, reason: "第二项因上级政策调整暂缓")
        let overridden = Self.assess([a, b], values: [(10, 6, 60), (11, 6, 10)], at: 6, override: override)
        #expect(overridden.status == .onSchedule)
        #expect(overridden.computedStatus == .seriouslyBehind)
        #expect(overridden.override?.reason == "第二项因上级政策调整暂缓")
        // Children and allocations are details: the item follows its top-level indicators.
        let child = Self.indicator(12, target: 50, parent: 10)
        #expect(Self.assess([a, child], values: [(10, 6, 60), (12, 6, 1)], at: 6).status == .onSchedule)
    }

    @Test func theForecastWarnsOfAShortfallBeforeTheStatusDoes() {
        // On schedule in June (60 of 120) but the last three months added only 6: the year ends at 72.
        let slowing = Self.assess([Self.indicator()], values: [(10, 3, 54), (10, 6, 60)], at: 6)
        #expect(slowing.status == .onSchedule)
        let forecast = slowing.indicators[0].forecast
        #expect(forecast?.yearEnd == 72)
        #expect(forecast?.shortfall == true)
        #expect(forecast?.completion == nil)
        #expect(slowing.earlyWarning)
        let steady = Self.assess([Self.indicator()], values: [(10, 3, 30), (10, 6, 60)], at: 6)
        #expect(steady.indicators[0].forecast?.yearEnd == 120)
        #expect(steady.indicators[0].forecast?.completion == CalendarDate(year: 2019, month: 12, day: 31))
        #expect(!steady.earlyWarning)
    }

    @Test func periodsAssessAsOfTheirLastMonth() {
        let input = AssessmentInput(
            year: 2019, items: [Self.item], indicators: [Self.indicator()],
            accepted: [AcceptedValue(indicatorID: 10, month: 9, value: 90)], submittedMonths: [1: [9]])
        #expect(Assessor().assess(input, at: .quarter(year: 2019, quarter: 3)).items[0].status == .onSchedule)
        #expect(Assessor().assess(input, at: .half(year: 2019, half: 1)).items[0].status == .notReported)
    }
}

/// One definition of an item's status and forecast, agreeing with the figures an item shows.
@Suite struct ItemFigureTests {
    /// A count far ahead with a milestone not yet due: the item shows 62.5% against 37.5% and is ahead, as those
    /// figures say, not on schedule because the milestone has nothing to be ahead of.
    @Test func anItemWithNothingLaggingTakesItsStatusFromItsOwnFigures() {
        let count = AssessmentTests.indicator(10, target: 100)
        let milestone = AssessmentTests.indicator(11, target: nil, kind: .milestone, deadline: CalendarDate(year: 2019, month: 12, day: 31))
        let item = AssessmentTests.assess([count, milestone], values: [(10, 9, 100 * Decimal(string: "0.95")!)], at: 9)
        #expect(item.indicators.map(\.status) == [.ahead, .onSchedule])
        #expect(item.progress == Decimal(string: "0.475") && item.expected == Decimal(string: "0.375"))
        #expect(item.status == .ahead)
        // An indicator that lags still sets the item's status.
        let lagging = AssessmentTests.assess([count, milestone], values: [(10, 9, 40)], at: 9)
        #expect(lagging.status == .seriouslyBehind)
        // Close figures are on schedule.
        let close = AssessmentTests.assess([count], values: [(10, 9, 76)], at: 9)
        #expect(close.status == .onSchedule)
    }

    /// A completed indicator's forecast is what it reached, in the month it first reached its target.
    @Test func aCompletedIndicatorForecastsWhatItReached() {
        let count = AssessmentTests.indicator(10, target: 100)
        let item = AssessmentTests.assess([count], values: [(10, 6, 60), (10, 8, 100), (10, 9, 144)], at: 9)
        #expect(item.status == .completed)
        let forecast = item.indicators[0].forecast
        #expect(forecast?.yearEnd == 144)
        #expect(forecast?.completion == CalendarDate(year: 2019, month: 8, day: 31))
        #expect(forecast?.shortfall == false)
    }
}

/// The one rule by which shares become percentages everywhere.
@Suite struct PercentTests {
    @Test func nothingShortOfTheWholeIsAHundredPercent() {
        #expect(Percent.of(Decimal(string: "0.756")!) == 76)
        #expect(Percent.of(Decimal(string: "0.996")!) == 99)
        #expect(Percent.of(1) == 100 && Percent.of(0) == 0)
        #expect(Percent.of(Decimal(string: "0.001")!) == 1)
        #expect(Percent.text(Decimal(string: "1.99999999999999999999999999999999999992")! / 4) == "50%")
        #expect(Percent.text(nil) == "—")
        #expect(Percent.tenths(Decimal(string: "0.8333")!) == "83.3%" && Percent.tenths(Decimal(string: "0.99999")!) == "99.9%")
        #expect(Percent.share(5, of: 9).map(Percent.of) == 56 && Percent.share(1, of: 0) == nil)
    }
}
