import Foundation
import MinshengCore
import SQLKit

/// Accountability: the facts, the discrepancies found, the proposed and decided cases.
extension SupervisionService {
    /// The facts the accountability rules read, up to the month supervision looks at.
    func facts(plan: Plan, settings: SupervisionSettings, on db: any SQLDatabase) async throws -> AccountabilityFacts {
        let lastMonth = try await month(plan: plan, on: db).months.upperBound
        let assessments = AssessmentService(database: database)
        var statuses: [Int64: [Int: ProgressStatus]] = [:]
        for month in 1...lastMonth {
            for item in try await assessments.assess(planID: plan.id, period: .month(year: plan.year, month: month), on: db).items {
                statuses[item.itemID, default: [:]][month] = item.status
            }
        }
        let leads = Dictionary(grouping: try await plans.assignments(planID: plan.id, on: db).filter { $0.role == .lead }, by: \.itemID)
            .mapValues { $0.sorted { $0.ordinal < $1.ordinal }.map(\.unitID) }
        let day = try await day(plan: plan, on: db)
        let notices = try await store.notices(planID: plan.id, on: db).map {
            AccountabilityFacts.Notice(id: $0.id, itemID: $0.itemID, unitID: $0.unitID, standing: $0.standing(today: day, rules: settings.notices))
        }
        let rectifications = try await store.rectifications(planID: plan.id, on: db).map {
            AccountabilityFacts.Rectification(id: $0.id, itemID: $0.itemID, unitID: $0.unitID, due: $0.due, state: $0.state)
        }
        return AccountabilityFacts(
            monthlyStatuses: statuses, leads: leads, notices: notices, rectifications: rectifications,
            discrepancies: try await discrepancies(plan: plan, settings: settings, on: db).flatMap(\.fact))
    }

    /// A checked figure found overstated, with what it concerns.
    struct Finding: Sendable {
        var inspection: Inspection
        var value: CheckedValue
        var indicator: Indicator
        var unitIDs: [Int64]

        var text: String {
            SupervisionSummary.finding(
                on: inspection.inspectedOn, mode: inspection.mode, indicator: indicator.name, measure: indicator.measure, reported: value.reported,
                verified: value.verified)
        }

        var fact: [AccountabilityFacts.Discrepancy] {
            unitIDs.map { AccountabilityFacts.Discrepancy(inspectionID: inspection.id, itemID: indicator.itemID, unitID: $0, text: text) }
        }
    }

    /// Every checked figure well below the reported one, found once per revision of the plan's data.
    func discrepancies(plan: Plan, settings: SupervisionSettings, on db: any SQLDatabase) async throws -> [Finding] {
        let revision = try await PlanRevisionCache.revision(planID: plan.id, on: db)
        return try await database.computed.value(planID: plan.id, revision: revision, key: "discrepancies") {
            try await findDiscrepancies(plan: plan, settings: settings, on: db)
        }
    }

    private func findDiscrepancies(plan: Plan, settings: SupervisionSettings, on db: any SQLDatabase) async throws -> [Finding] {
        let indicators = Dictionary(uniqueKeysWithValues: try await plans.indicators(planID: plan.id, on: db).map { ($0.id, $0) })
        let leads = Dictionary(grouping: try await plans.assignments(planID: plan.id, on: db).filter { $0.role == .lead }, by: \.itemID)
            .mapValues { $0.sorted { $0.ordinal < $1.ordinal }.map(\.unitID) }
        var findings: [Finding] = []
        for inspection in try await store.inspections(planID: plan.id, on: db) {
            for value in inspection.values where settings.discrepancy.isDiscrepancy(value) {
                guard let indicator = indicators[value.indicatorID] else { continue }
                findings.append(Finding(inspection: inspection, value: value, indicator: indicator, unitIDs: leads[indicator.itemID] ?? []))
            }
        }
        return findings
    }

    /// The cases the rules call for, leaving out those already opened.
    func caseProposals(planID: Int64, on db: any SQLDatabase) async throws -> [AccountabilityProposal] {
        guard let plan = try await plans.plan(id: planID, on: db) else { throw Refusals.noPlan(planID) }
        let settings = try await store.settings(planID: planID, on: db)
        let opened = Set(try await store.cases(planID: planID, on: db).map(\.key))
        return AccountabilityProposer(settings: settings.accountability)
            .propose(try await facts(plan: plan, settings: settings, on: db), today: try await day(plan: plan, on: db), opened: opened)
    }

    /// Opens a case from a proposal (its grounds as proposed) or by hand.
    func openCase(planID: Int64, unitID: Int64, itemID: Int64?, rule: AccountabilityRule, grounds: [Evidence], by actor: AuditActor)
        async throws -> AccountabilityCase
    {
        let day = today
        let createdAt = now
        return try await database.write { db in
            guard try await plans.plan(id: planID, on: db) != nil else { throw Refusals.noPlan(planID) }
            guard try await plans.unit(id: unitID, on: db) != nil else { throw Refusals.noUnit(unitID) }
            guard !grounds.isEmpty else { throw SupervisionRefusals.caseNeedsGrounds }
            let opened = try await store.openCase(
                planID: planID, unitID: unitID, itemID: itemID, rule: rule, grounds: grounds, openedOn: day,
                by: actor.userID, at: createdAt, on: db)
            try await AuditLog(clock: configuration.clock).record(
                "case.open", entity: "case", id: opened.id, after: ["unit": String(unitID), "rule": rule.rawValue], by: actor, on: db)
            return opened
        }
    }

    func decide(caseID: Int64, decision: AccountabilityDecision, note: String, by user: User, address: String) async throws
        -> AccountabilityCase
    {
        let day = today
        return try await database.write { db in
            guard try await store.accountabilityCase(id: caseID, on: db) != nil else { throw SupervisionRefusals.noCase(caseID) }
            guard try await store.decide(caseID: caseID, decision: decision, note: note, on: day, by: user.id, on: db) else {
                throw SupervisionRefusals.caseDecided
            }
            try await AuditLog(clock: configuration.clock).record(
                "case.decide", entity: "case", id: caseID, after: ["decision": decision.rawValue, "note": note],
                by: AuditActor(user: user, address: address), on: db)
            guard let decided = try await store.accountabilityCase(id: caseID, on: db) else { throw SupervisionRefusals.noCase(caseID) }
            return decided
        }
    }
}
