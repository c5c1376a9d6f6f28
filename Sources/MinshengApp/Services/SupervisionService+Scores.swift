import Foundation
import MinshengCore
import SQLKit

/// Unit scores and the supervision paragraphs of the official documents.
extension SupervisionService {
    /// Every lead unit's score at a period, ranked, with every point explained.
    func scores(planID: Int64, period: Period, on db: any SQLDatabase) async throws -> [UnitScore] {
        let revision = try await PlanRevisionCache.revision(planID: planID, on: db)
        return try await database.computed.value(planID: planID, revision: revision, key: "scores \(period) \(today)") {
            try await computeScores(planID: planID, period: period, on: db)
        }
    }

    /// The scores computed afresh (``scores(planID:period:on:)`` keeps them per plan revision, period and day).
    private func computeScores(planID: Int64, period: Period, on db: any SQLDatabase) async throws -> [UnitScore] {
        guard let plan = try await plans.plan(id: planID, on: db) else { throw Refusals.noPlan(planID) }
        let settings = try await store.settings(planID: planID, on: db)
        let assessment = try await AssessmentService(database: database).assess(planID: planID, period: period, on: db)
        let items = Dictionary(uniqueKeysWithValues: try await plans.items(planID: planID, on: db).map { ($0.id, $0) })
        let units = Dictionary(uniqueKeysWithValues: try await plans.units(jurisdictionID: plan.jurisdictionID, on: db).map { ($0.id, $0) })
        let led = Dictionary(grouping: try await plans.assignments(planID: planID, on: db).filter { $0.role == .lead }, by: \.unitID)
        let onTime = try await ReportingService(database: database, configuration: configuration)
            .onTimeReporting(planID: planID, year: plan.year, throughMonth: period.lastMonth.months.upperBound, on: db)
        let satisfaction = try await PublicService.satisfaction(planID: planID, through: period, on: db)
        let end = period.endDate
        let findings = try await discrepancies(plan: plan, settings: settings, on: db).filter { $0.inspection.inspectedOn <= end }
        let rectifications = try await store.rectifications(planID: planID, on: db)
        let judgedOn = min(try await day(plan: plan, on: db), end)
        let notices = try await store.notices(planID: planID, on: db).filter { $0.issuedOn <= end }
        let cases = try await store.cases(planID: planID, on: db).filter { ($0.decidedOn.map { $0 <= end }) ?? false }
        let records = led.compactMap { unitID, assignments -> UnitRecord? in
            guard let unit = units[unitID] else { return nil }
            let ledItems = assignments.compactMap { items[$0.itemID] }.sorted { $0.number < $1.number }
            let tally = onTime[unitID]
            return UnitRecord(
                unitID: unitID, name: unit.name,
                items: ledItems.compactMap { item in
                    assessment.item(item.id).map { UnitRecord.LedItem(number: item.number, progress: $0.progress, status: $0.status) }
                },
                reportsOnTime: tally?.onTime ?? 0, reportsOwed: tally?.owed ?? 0,
                satisfaction: SatisfactionTally.sum(ledItems.compactMap { satisfaction[$0.number] }),
                discrepancies: findings.filter { $0.unitIDs.contains(unitID) }.count,
                overdueRectifications: rectifications.filter { $0.unitID == unitID && $0.isOverdue(today: judgedOn) }.count,
                redNotices: notices.filter { $0.unitID == unitID && $0.standing(today: judgedOn, rules: settings.notices).grade == .red }.count,
                decisions: cases.filter { $0.unitID == unitID }.compactMap(\.decision)
            )
        }
        return UnitScorer(scheme: settings.scoring).score(records)
    }

    // MARK: Documents

    /// The 督查检查和问责情况 paragraphs of a document for a period: notices, inspections, discrepancies,
    /// rectifications and cases up to the period's end, as the core's ``SupervisionSummary`` writes them.
    func documentParagraphs(planID: Int64, period: Period, on db: any SQLDatabase) async throws -> [String] {
        guard let plan = try await plans.plan(id: planID, on: db) else { return [] }
        let settings = try await store.settings(planID: planID, on: db)
        let end = period.endDate
        let judgedOn = min(today, end)
        let unitNames = Dictionary(uniqueKeysWithValues: try await plans.units(jurisdictionID: plan.jurisdictionID, on: db).map { ($0.id, $0.name) })
        let items = Dictionary(uniqueKeysWithValues: try await plans.items(planID: planID, on: db).map { ($0.id, $0) })
        func unit(_ id: Int64) -> String { unitNames[id] ?? "" }
        func item(_ id: Int64?) -> String { SupervisionSummary.itemName(id.flatMap { items[$0] }) }
        var summary = SupervisionSummary()
        summary.notices = try await store.notices(planID: planID, on: db).filter { $0.issuedOn <= end }.map { notice in
            let standing = notice.standing(today: judgedOn, rules: settings.notices)
            return .init(
                grade: standing.grade, answered: notice.answeredOn.map { $0 <= end } ?? false, redOverdue: standing.redOverdue,
                unit: unit(notice.unitID), item: item(notice.itemID))
        }
        let inspections = try await store.inspections(planID: planID, on: db).filter { $0.state == .done && $0.inspectedOn <= end }
        summary.inspections = inspections.map(\.mode)
        if !inspections.isEmpty {
            summary.discrepancies = try await discrepancies(plan: plan, settings: settings, on: db).filter { $0.inspection.inspectedOn <= end }
                .map { .init(units: $0.unitIDs.map(unit), item: item($0.indicator.itemID), text: $0.text) }
        }
        summary.rectifications = try await store.rectifications(planID: planID, on: db).filter { $0.due <= end.adding(days: 366) }
            .filter { rectification in inspections.contains { $0.id == rectification.inspectionID } }
            .map { .init(unit: unit($0.unitID), due: $0.due, closed: $0.state == .closed, overdue: $0.isOverdue(today: judgedOn)) }
        summary.cases = try await store.cases(planID: planID, on: db).filter { $0.openedOn <= end }.reversed().map { entry in
            let decision = entry.decidedOn.map { $0 <= end } == true ? entry.decision : nil
            return .init(unit: unit(entry.unitID), item: item(entry.itemID), rule: entry.rule, decision: decision)
        }
        return summary.paragraphs
    }
}
