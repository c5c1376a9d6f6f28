import Foundation

/// An accepted figure of the unit that answers for an item, as of a month.
package struct AcceptedValue: Sendable, Hashable {
    package var indicatorID: Int64
    package var month: Int
    package var value: Decimal?
    package var reachedOn: CalendarDate?

    package init(indicatorID: Int64, month: Int, value: Decimal? = nil, reachedOn: CalendarDate? = nil) {
        self.indicatorID = indicatorID
        self.month = month
        self.value = value
        self.reachedOn = reachedOn
    }
}

/// An office decision to show an item in another status than its indicators give, with the reason.
package struct StatusOverride: Sendable, Hashable, Codable {
    package var status: ProgressStatus
    package var reason: String

    package init(status: ProgressStatus, reason: String) {
        self.status = status
        self.reason = reason
    }
}

/// Everything the assessment of a plan needs, with no database.
package struct AssessmentInput: Sendable {
    package var year: Int
    package var settings: AssessmentSettings
    package var items: [Item]
    package var indicators: [Indicator]
    package var schedules: [Int64: Schedule]
    /// Weights of top-level indicators in their item's progress (default 1).
    package var weights: [Int64: Decimal]
    /// Accepted lead-unit values, any order.
    package var accepted: [AcceptedValue]
    /// The months (by item) in which the answering unit submitted something, accepted or not.
    package var submittedMonths: [Int64: Set<Int>]
    /// Overrides for the period assessed, by item.
    package var overrides: [Int64: StatusOverride]

    package init(
        year: Int, settings: AssessmentSettings = AssessmentSettings(), items: [Item], indicators: [Indicator],
        schedules: [Int64: Schedule] = [:], weights: [Int64: Decimal] = [:], accepted: [AcceptedValue],
        submittedMonths: [Int64: Set<Int>] = [:], overrides: [Int64: StatusOverride] = [:]
    ) {
        self.year = year
        self.settings = settings
        self.items = items
        self.indicators = indicators
        self.schedules = schedules
        self.weights = weights
        self.accepted = accepted
        self.submittedMonths = submittedMonths
        self.overrides = overrides
    }
}

/// The projected course of a numeric indicator from its recent pace.
package struct Forecast: Sendable, Hashable, Codable {
    /// The value projected for the end of the year.
    package var yearEnd: Decimal
    /// The last day of the month in which the target is projected to be met, if the pace gets there this year.
    package var completion: CalendarDate?
    /// The projection falls short of the target.
    package var shortfall: Bool
}

/// An indicator's assessment.
package struct IndicatorAssessment: Sendable, Hashable {
    package var indicatorID: Int64
    package var status: ProgressStatus
    /// Share of the target reached (0…1, capped), nil when there is nothing to measure.
    package var progress: Decimal?
    /// Share planned by the data's date.
    package var expected: Decimal?
    /// The figure assessed and the month it stands as of.
    package var value: Decimal?
    package var asOfMonth: Int?
    package var forecast: Forecast?
    /// Nodes due by the period's end and not reached.
    package var overdueNodes: [ScheduleNode]
}

/// An item's assessment: weighted progress and forecast, and a status (unless overridden) that is its worst
/// indicator's when one lags and otherwise compares the item's own progress with its expected progress.
package struct ItemAssessment: Sendable, Hashable {
    package var itemID: Int64
    package var number: Int
    package var status: ProgressStatus
    /// The status the indicators give, before any override.
    package var computedStatus: ProgressStatus
    package var override: StatusOverride?
    package var progress: Decimal?
    package var expected: Decimal?
    /// The projected share of the target at year end (weighted like progress).
    package var forecast: Decimal?
    /// The projection falls short while the item still looks on schedule or ahead.
    package var earlyWarning: Bool
    package var indicators: [IndicatorAssessment]
}

/// A plan's assessment at a period.
package struct PlanAssessment: Sendable {
    package var period: Period
    package var settings: AssessmentSettings
    package var items: [ItemAssessment]

    /// Items by status.
    package var counts: [ProgressStatus: Int] {
        Dictionary(grouping: items, by: \.status).mapValues(\.count)
    }

    /// Mean progress of the items that have one.
    package func progress(of itemIDs: Set<Int64>? = nil) -> Decimal? {
        let measured = items.filter { itemIDs?.contains($0.itemID) ?? true }.compactMap(\.progress)
        guard !measured.isEmpty else { return nil }
        return measured.reduce(0, +) / Decimal(measured.count)
    }

    /// The status of a group of items: its worst, leaving aside items whose targets are still pending.
    package func status(of itemIDs: Set<Int64>) -> ProgressStatus? {
        let statuses = items.filter { itemIDs.contains($0.itemID) }.map(\.status)
        let decided = statuses.filter { $0 != .pending }
        return (decided.isEmpty ? statuses : decided).max { $0.severity < $1.severity }
    }

    package func item(_ id: Int64) -> ItemAssessment? {
        items.first { $0.itemID == id }
    }
}

/// Assesses a plan at a period: pure and deterministic, in time linear in the number of reported values.
package struct Assessor: Sendable {
    package init() {}

    package func assess(_ input: AssessmentInput, at period: Period) -> PlanAssessment {
        let month = period.year < input.year ? 0 : (period.year > input.year ? 12 : period.months.upperBound)
        let periodEnd = CalendarDate.endOfMonth(year: input.year, month: max(month, 1))!
        var history: [Int64: [AcceptedValue]] = Dictionary(minimumCapacity: input.indicators.count)
        for value in input.accepted where value.month <= month {
            history[value.indicatorID, default: []].append(value)
        }
        for (key, values) in history where zip(values, values.dropFirst()).contains(where: { $0.month > $1.month }) {
            history[key] = values.sorted { $0.month < $1.month }
        }
        let indicatorsByItem = Dictionary(grouping: input.indicators, by: \.itemID)
        let timeShares = TimeShares(completionMonth: input.settings.completionMonth)
        let items = input.items.sorted { $0.number < $1.number }.map { item -> ItemAssessment in
            let indicators = (indicatorsByItem[item.id] ?? []).sorted { $0.ordinal < $1.ordinal }
            let silent = !(input.submittedMonths[item.id]?.contains(month) ?? false)
            let assessed = indicators.map { indicator in
                assess(
                    indicator, history: history[indicator.id] ?? [], month: month, periodEnd: periodEnd, silent: silent, input: input,
                    timeShares: timeShares)
            }
            return combine(
                item, indicators: indicators, assessed: assessed, weights: input.weights, override: input.overrides[item.id], settings: input.settings
            )
        }
        return PlanAssessment(period: period, settings: input.settings, items: items)
    }

    // MARK: Indicators

    private func assess(
        _ indicator: Indicator, history: [AcceptedValue], month: Int, periodEnd: CalendarDate, silent: Bool, input: AssessmentInput,
        timeShares: TimeShares
    ) -> IndicatorAssessment {
        var result = IndicatorAssessment(
            indicatorID: indicator.id, status: .notReported, progress: nil, expected: nil, value: nil,
            asOfMonth: nil, forecast: nil, overdueNodes: [])
        let schedule = input.schedules[indicator.id] ?? .timeProportional
        if indicator.kind == .milestone || indicator.kind == .qualitative {
            return assessSteps(indicator, schedule: schedule, history: history, periodEnd: periodEnd, year: input.year, result: result)
        }
        guard let target = indicator.target, target > 0 else {
            result.status = indicator.provisional ? .pending : .notReported
            return result
        }
        guard let latest = history.last(where: { $0.value != nil }), let value = latest.value else { return result }
        // A unit that reported nothing this month is not reporting, whatever it said before.
        let stale = latest.month < month && silent
        let asOf = latest.month
        let progress = Self.share(value: value, target: target, comparator: indicator.comparator)
        let expected: Decimal
        if case .timeProportional = schedule {
            expected = timeShares[asOf]
        } else {
            expected = expectedShare(schedule, target: target, month: asOf, input: input)
        }
        result.value = value
        result.asOfMonth = asOf
        result.progress = min(progress, 1)
        result.expected = expected
        let measured = history.allSatisfy { $0.value != nil } ? history : history.filter { $0.value != nil }
        result.forecast = forecast(history: measured, target: target, comparator: indicator.comparator, year: input.year)
        if progress >= 1 {
            result.status = .completed
        } else if stale {
            result.status = .notReported
        } else {
            result.status = Self.status(progress: progress, expected: expected, settings: input.settings)
        }
        return result
    }

    /// Milestones and qualitative commitments: their nodes (or one node at the deadline or year end) reached or not.
    private func assessSteps(
        _ indicator: Indicator, schedule: Schedule, history: [AcceptedValue], periodEnd: CalendarDate, year: Int, result: IndicatorAssessment
    ) -> IndicatorAssessment {
        var result = result
        var nodes: [ScheduleNode]
        if case .nodes(let given) = schedule, !given.isEmpty {
            nodes = given.sorted { $0.due < $1.due }
        } else {
            nodes = [ScheduleNode(name: indicator.name, due: indicator.deadline ?? CalendarDate.endOfMonth(year: year, month: 12)!)]
        }
        let reached = history.compactMap(\.reachedOn).filter { $0 <= periodEnd }
        let reachedCount = min(reached.count, nodes.count)
        let dueCount = nodes.filter { $0.due <= periodEnd }.count
        result.progress = Decimal(reachedCount) / Decimal(nodes.count)
        result.expected = Decimal(dueCount) / Decimal(nodes.count)
        result.asOfMonth = history.last?.month
        result.overdueNodes = Array(nodes.dropFirst(reachedCount).filter { $0.due < periodEnd })
        if reachedCount == nodes.count {
            result.status = .completed
        } else if !result.overdueNodes.isEmpty {
            result.status = .seriouslyBehind
        } else if history.isEmpty && dueCount > 0 {
            result.status = .notReported
        } else {
            result.status = reachedCount > dueCount ? .ahead : .onSchedule
        }
        return result
    }

    /// The share of the target a value represents; for a ceiling (atMost), meeting it is 100%.
    static func share(value: Decimal, target: Decimal, comparator: Indicator.Comparator) -> Decimal {
        switch comparator {
        case .atMost: return value <= target ? 1 : (value > 0 ? target / value : 1)
        case .atLeast, .exactly: return value / target
        }
    }

    /// The planned share of an indicator's target by the end of a month, by its schedule.
    package static func plannedShare(_ schedule: Schedule, target: Decimal, month: Int, year: Int, settings: AssessmentSettings) -> Decimal {
        let input = AssessmentInput(year: year, settings: settings, items: [], indicators: [], accepted: [])
        return Assessor().expectedShare(schedule, target: target, month: month, input: input)
    }

    /// The planned share of the target by the end of a month.
    func expectedShare(_ schedule: Schedule, target: Decimal, month: Int, input: AssessmentInput) -> Decimal {
        guard month > 0 else { return 0 }
        switch schedule {
        case .timeProportional:
            return min(1, Decimal(month) / Decimal(input.settings.completionMonth))
        case .monthlyCurve(let curve):
            let planned = (1...month).reversed().lazy.compactMap { curve[$0] }.first ?? 0
            return min(1, planned / target)
        case .nodes(let nodes):
            let end = CalendarDate.endOfMonth(year: input.year, month: month)!
            return nodes.filter { $0.due <= end }.compactMap(\.share).max() ?? 0
        }
    }

    static func status(progress: Decimal, expected: Decimal, settings: AssessmentSettings) -> ProgressStatus {
        let gap = (expected - progress) * 100
        if gap > settings.redThreshold { return .seriouslyBehind }
        if gap > settings.yellowThreshold { return .behind }
        if -gap > settings.aheadThreshold { return .ahead }
        return .onSchedule
    }

    /// Projects the year end from the pace of the last three months of accepted values.
    func forecast(history: [AcceptedValue], target: Decimal, comparator: Indicator.Comparator, year: Int) -> Forecast? {
        guard comparator != .atMost, let last = history.last, let value = last.value else { return nil }
        let earlier = history.last { $0.month <= last.month - 3 } ?? history.first!
        let months = last.month - earlier.month
        let pace = months > 0 ? (value - (earlier.value ?? 0)) / Decimal(months) : (last.month > 0 ? value / Decimal(last.month) : 0)
        let yearEnd = value + pace * Decimal(12 - last.month)
        var completion: CalendarDate?
        if value >= target {
            // Done: the year end is what was reached, and the completion the month the target was first reached.
            let reached = history.first { ($0.value ?? 0) >= target }?.month ?? last.month
            return Forecast(yearEnd: value, completion: CalendarDate.endOfMonth(year: year, month: max(reached, 1)), shortfall: false)
        } else if pace > 0, yearEnd >= target, last.month < 12 {
            // The first month in which the pace reaches the target (at most the months left in the year).
            let month = (1...(12 - last.month)).first { value + pace * Decimal($0) >= target }.map { last.month + $0 }
            if let month { completion = CalendarDate.endOfMonth(year: year, month: month) }
        }
        return Forecast(yearEnd: yearEnd, completion: completion, shortfall: yearEnd < target)
    }

    // MARK: Items

    /// A weighted sum over its total weight (no division for the common single weight).
    static func mean(_ sum: Decimal, over total: Decimal) -> Decimal? {
        total > 0 ? (total == 1 ? sum : sum / total) : nil
    }

    private func combine(
        _ item: Item, indicators: [Indicator], assessed: [IndicatorAssessment], weights: [Int64: Decimal], override: StatusOverride?,
        settings: AssessmentSettings
    ) -> ItemAssessment {
        let topLevel = Set(indicators.lazy.filter { $0.parentID == nil }.map(\.id))
        let targets = Dictionary(uniqueKeysWithValues: indicators.map { ($0.id, $0.target) })
        var weighted: Decimal = 0
        var expectedWeighted: Decimal = 0
        var forecastWeighted: Decimal = 0
        var total: Decimal = 0
        var forecastTotal: Decimal = 0
        for assessment in assessed where topLevel.contains(assessment.indicatorID) {
            guard let progress = assessment.progress else { continue }
            let weight = weights[assessment.indicatorID] ?? 1
            weighted += progress * weight
            expectedWeighted += (assessment.expected ?? 0) * weight
            total += weight
            if let forecast = assessment.forecast, let target = targets[assessment.indicatorID] ?? nil, target > 0 {
                forecastWeighted += (forecast.yearEnd >= target ? 1 : forecast.yearEnd / target) * weight
                forecastTotal += weight
            } else {
                forecastWeighted += progress * weight
                forecastTotal += weight
            }
        }
        let statuses = assessed.filter { topLevel.contains($0.indicatorID) }.map(\.status)
        let progress = Self.mean(weighted, over: total)
        let expected = Self.mean(expectedWeighted, over: total)
        var computed = statuses.max { $0.severity < $1.severity } ?? .notReported
        if !statuses.isEmpty, statuses.allSatisfy({ $0 == .completed || $0 == .pending }), statuses.contains(.completed) {
            computed = statuses.contains(.pending) ? .pending : .completed
        } else if computed == .onSchedule || computed == .ahead, let progress, let expected {
            // Nothing lags: the item is ahead or on schedule by the same progress and expected progress it shows.
            computed = Self.status(progress: progress, expected: expected, settings: settings)
        }
        let looksFine = computed == .onSchedule || computed == .ahead
        let shortfall = assessed.contains { assessment in topLevel.contains(assessment.indicatorID) && (assessment.forecast?.shortfall ?? false) }
        return ItemAssessment(
            itemID: item.id, number: item.number, status: override?.status ?? computed, computedStatus: computed, override: override,
            progress: progress, expected: expected,
            forecast: Self.mean(forecastWeighted, over: forecastTotal), earlyWarning: looksFine && shortfall,
            indicators: assessed
        )
    }
}

/// The time-proportional planned share for each month 0…12, computed once per assessment.
struct TimeShares {
    private let shares: [Decimal]

    init(completionMonth: Int) {
        shares = (0...12).map { month in month == 0 ? 0 : min(1, Decimal(month) / Decimal(max(completionMonth, 1))) }
    }

    subscript(month: Int) -> Decimal { shares[min(max(month, 0), 12)] }
}
