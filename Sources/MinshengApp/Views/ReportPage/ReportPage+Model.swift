import Foundation
import MinshengCore
import SQLKit

/// What the report page shows: the item and its targets, the current version's form, its history, attachments,
/// and for a lead unit the parts its responsible units submitted.
struct ReportPage {
    /// What the person just did, confirmed at the top of the next page.
    enum Done: String, Sendable {
        case saved, submitted, accepted, returned
    }

    struct Model {
        /// An indicator with its depth in the item's tree.
        struct IndicatorLine {
            var indicator: Indicator
            var depth: Int
        }

        /// A responsible unit's submission, for a lead unit.
        struct Part {
            var unitName: String
            var report: Report
        }

        var plan: Plan
        var item: Item
        var unit: MinshengCore.Unit
        var period: Period
        var role: Assignment.Role
        var dueDate: CalendarDate
        var indicators: [IndicatorLine]
        var versions: [Report]
        var events: [Int64: [ReportEvent]]
        var attachments: [ReportAttachment]
        var parts: [Part]
        /// Starting values from the parts, when the lead unit asked for them.
        var startingValues: [Int64: ReportValue]
        var canWrite: Bool
        var isOffice: Bool
        /// Last month's accepted report of the unit on the item, shown beside each field.
        var previous: Report?
        /// The share of each indicator's target the schedule expects by the period's end, for the reviewer.
        var expected: [Int64: Decimal] = [:]
        var done: Done?
        /// The review queue's filter the office came from (as its query), and the report after this one in it.
        var queue: String?
        var next: SiteURL?
        var error: String?
        /// The values a person entered when their save lost a race, shown beside the current version.
        var conflictingDraft: ReportingService.Draft?

        var current: Report? { versions.last }

        /// The version before the current one (the returned or corrected one), to show what changed.
        var earlier: Report? { versions.count > 1 ? versions[versions.count - 2] : nil }

        var editable: Bool {
            guard canWrite else { return false }
            guard let current else { return true }
            return current.state == .draft || current.state == .returned
        }

        var reviewable: Bool { isOffice && current?.state == .submitted }

        var correctable: Bool { (canWrite || isOffice) && current?.state == .accepted }

        /// The value shown in the form: what a person entered, a starting value, or the current version's.
        func formValue(_ indicatorID: Int64) -> ReportValue? {
            if let conflictingDraft { return conflictingDraft.values.first { $0.indicatorID == indicatorID } }
            if let start = startingValues[indicatorID] { return start }
            return current?.value(for: indicatorID)
        }

        static func lines(_ indicators: [Indicator]) -> [IndicatorLine] {
            var result: [IndicatorLine] = []
            func add(parent: Int64?, depth: Int) {
                for indicator in indicators.filter({ $0.parentID == parent }).sorted(by: { $0.ordinal < $1.ordinal }) {
                    result.append(IndicatorLine(indicator: indicator, depth: depth))
                    add(parent: indicator.id, depth: depth + 1)
                }
            }
            add(parent: nil, depth: 0)
            return result
        }
    }
}

extension ReportPage.Model {
    /// The report of a unit on an item for a month as the user may see it, with, for a lead unit, its units' parts
    /// (and their values as starting values when `fromParts`); not found when the unit owes no such report or the
    /// user may not open it. `error` and `conflict` are what a refused form shows again.
    static func load(
        services: Services, user: User, planID: Int64, period: Period, itemID: Int64, unitID: Int64, fromParts: Bool = false,
        done: ReportPage.Done? = nil, queue: String? = nil, error: String? = nil, conflict: ReportingService.Draft? = nil
    ) async throws -> ReportPage.Model {
        let service = services.reporting
        let plans = PlanStore()
        let reports = ReportStore()
        return try await services.database.read { db -> ReportPage.Model in
            guard let plan = try await plans.plan(id: planID, on: db),
                let item = try await plans.items(planID: plan.id, on: db).first(where: { $0.id == itemID }),
                let unit = try await plans.unit(id: unitID, on: db)
            else { throw FormRefusals.noSuchReport }
            let reader = try await service.reader(for: user, planID: plan.id, on: db)
            let stored = try await reports.versions(itemID: item.id, unitID: unit.id, period: period, on: db)
            let obligation = try await service.obligation(planID: plan.id, itemID: item.id, unitID: unit.id, period: period, on: db)
            guard obligation != nil || !stored.isEmpty else { throw ReportingRefusals.owesNoReport(period) }
            let role = obligation?.role ?? stored.last?.role ?? .responsible
            guard ReportPolicy.canOpen(unitID: unit.id, itemID: item.id, role: role, by: reader) else { throw FormRefusals.noSuchReport }
            let versions = stored.filter { ReportPolicy.canRead($0, by: reader) }
            var parts: [Part] = []
            var starting: [Int64: ReportValue] = [:]
            if role == .lead {
                let found = try await service.partsForLead(planID: plan.id, itemID: item.id, period: period, on: db)
                let units = Dictionary(
                    uniqueKeysWithValues: try await plans.units(jurisdictionID: plan.jurisdictionID, on: db).map { ($0.id, $0.name) })
                parts = found.parts.filter { ReportPolicy.canRead($0, by: reader) }.map {
                    Part(unitName: units[$0.unitID] ?? "#\($0.unitID)", report: $0)
                }
                if fromParts { starting = found.starting.mapValues { ReportValue(indicatorID: 0, value: $0) } }
                for key in starting.keys { starting[key]?.indicatorID = key }
            }
            let calendar = try await plans.calendar(planID: plan.id, on: db)
            var expected: [Int64: Decimal] = [:]
            if reader.principal.isOffice, period.year == plan.year {
                let assessment = try await services.assessment.assess(planID: plan.id, period: period, on: db)
                for indicator in assessment.items.first(where: { $0.itemID == item.id })?.indicators ?? [] {
                    expected[indicator.indicatorID] = indicator.expected
                }
            }
            var previous: Report?
            if let month = period.previousMonth, month.year == plan.year {
                previous = try await reports.versions(itemID: item.id, unitID: unit.id, period: month, on: db).last { $0.state == .accepted }
            }
            return ReportPage.Model(
                plan: plan, item: item, unit: unit, period: period, role: role, dueDate: calendar.dueDate(for: period),
                indicators: lines(try await plans.indicators(planID: plan.id, on: db).filter { $0.itemID == item.id }),
                versions: versions, events: try await reports.events(reportIDs: versions.map(\.id), on: db),
                attachments: try await reports.attachments(reportIDs: versions.map(\.id), on: db), parts: parts, startingValues: starting,
                canWrite: ReportPolicy.canWrite(forUnit: unit.id, by: reader.principal), isOffice: reader.principal.isOffice,
                previous: previous, expected: expected, done: done, queue: queue,
                next: try await nextInQueue(queue, current: versions.last, on: db), error: error,
                conflictingDraft: conflict
            )
        }
    }
}

extension ReportPage.Model {
    /// The report after `current` in the review queue a query describes; nil without a readable queue or another
    /// report (the queue only guides the way on, so a query that cannot be read just offers none).
    static func nextInQueue(_ queue: String?, current: Report?, on db: any SQLDatabase) async throws -> SiteURL? {
        let fields = FormFields(body: queue ?? "")
        guard queue != nil, let current, let filter = try? ReviewFilter.read({ fields.text($0) }, language: .zh) else { return nil }
        let entries = try await ReportStore().queueEntries(planID: current.planID, on: db)
        guard let me = entries.first(where: { $0.reportID == current.id }), let next = filter.next(after: me, in: entries) else { return nil }
        return SiteURL.report(planID: current.planID, period: next.period, itemID: next.itemID, unitID: next.unitID)
    }
}
