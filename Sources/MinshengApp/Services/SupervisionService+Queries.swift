import Foundation
import MinshengCore
import SQLKit

/// What supervision's answers are shown against: the plan, its item numbers by item id, its supervision settings and
/// the day supervision judges on.
struct SupervisionScope: Sendable {
    var plan: Plan
    var itemNumbers: [Int64: Int]
    var settings: SupervisionSettings
    var day: CalendarDate
}

/// The reads of supervision, each in its own read: notices, inspections, rectifications, cases and scores with the
/// scope they are shown against. Each is refused when there is no such plan.
extension SupervisionService {
    private func scope(planID: Int64, on db: any SQLDatabase) async throws -> SupervisionScope {
        guard let plan = try await plans.plan(id: planID, on: db) else { throw Refusals.noPlan(planID) }
        let numbers = Dictionary(uniqueKeysWithValues: try await plans.items(planID: planID, on: db).map { ($0.id, $0.number) })
        return SupervisionScope(
            plan: plan, itemNumbers: numbers, settings: try await store.settings(planID: planID, on: db), day: try await day(plan: plan, on: db))
    }

    /// The plan's supervision scope.
    func scope(planID: Int64) async throws -> SupervisionScope {
        try await database.read { try await scope(planID: planID, on: $0) }
    }

    /// The plan's supervision settings, as stored.
    func settings(planID: Int64) async throws -> SupervisionSettings {
        try await database.read { try await store.settings(planID: planID, on: $0) }
    }

    /// The notices the assessment calls for.
    func noticeProposals(planID: Int64) async throws -> (scope: SupervisionScope, proposals: [NoticeProposal]) {
        try await database.read { db in
            (try await scope(planID: planID, on: db), try await proposals(planID: planID, on: db))
        }
    }

    /// The plan's notices the principal may list: a reporter's own unit's, else all.
    func notices(planID: Int64, by principal: Principal) async throws -> (scope: SupervisionScope, notices: [SupervisionNotice]) {
        try await database.read { db in
            let scope = try await self.scope(planID: planID, on: db)
            return (scope, try await store.notices(planID: planID, unitID: SupervisionPolicy.listedUnit(for: principal), on: db))
        }
    }

    /// One notice with its plan's scope, or the refusal that there is none.
    func notice(id: Int64) async throws -> (scope: SupervisionScope, notice: SupervisionNotice) {
        try await database.read { db in
            guard let notice = try await store.notice(id: id, on: db) else { throw SupervisionRefusals.noNotice(id) }
            return (try await scope(planID: notice.planID, on: db), notice)
        }
    }

    private func itemID(number: Int, planID: Int64, on db: any SQLDatabase) async throws -> Int64 {
        guard let item = try await plans.items(planID: planID, on: db).first(where: { $0.number == number }) else {
            throw Refusals.noItem(number)
        }
        return item.id
    }

    /// The id of the plan's item with this number, or the refusal that there is none.
    func itemID(number: Int, planID: Int64) async throws -> Int64 {
        try await database.read { try await itemID(number: number, planID: planID, on: $0) }
    }

    /// The number of the plan's item with this id, if any.
    func itemNumber(itemID: Int64?, planID: Int64) async throws -> Int? {
        try await database.read { db in try await plans.items(planID: planID, on: db).first { $0.id == itemID }?.number }
    }

    /// The plan's inspections.
    func inspections(planID: Int64) async throws -> (scope: SupervisionScope, inspections: [Inspection]) {
        try await database.read { db in
            (try await scope(planID: planID, on: db), try await store.inspections(planID: planID, on: db))
        }
    }

    /// What an inspection is of: the item with the number, if one is named, and the unit named, else the item's first
    /// lead unit.
    func inspectionTarget(planID: Int64, itemNumber: Int?, unitID: Int64?) async throws -> (itemID: Int64?, unitID: Int64?) {
        try await database.read { db -> (itemID: Int64?, unitID: Int64?) in
            guard let itemNumber else { return (nil, unitID) }
            let itemID = try await self.itemID(number: itemNumber, planID: planID, on: db)
            let lead = try await plans.assignments(planID: planID, on: db).filter { $0.itemID == itemID && $0.role == .lead }.min {
                $0.ordinal < $1.ordinal
            }
            return (itemID, unitID ?? lead?.unitID)
        }
    }

    /// The plan's rectifications the principal may list: a reporter's own unit's, else all.
    func rectifications(planID: Int64, by principal: Principal) async throws -> (scope: SupervisionScope, rectifications: [Rectification]) {
        try await database.read { db in
            let scope = try await self.scope(planID: planID, on: db)
            return (scope, try await store.rectifications(planID: planID, unitID: SupervisionPolicy.listedUnit(for: principal), on: db))
        }
    }

    /// The cases the accountability rules call for.
    func caseProposals(planID: Int64) async throws -> (scope: SupervisionScope, proposals: [AccountabilityProposal]) {
        try await database.read { db in
            (try await scope(planID: planID, on: db), try await caseProposals(planID: planID, on: db))
        }
    }

    /// The case the rules call for about a unit, the item with the number (none when nil) and a rule, if they call for it.
    func caseProposal(planID: Int64, unitID: Int64, itemNumber: Int?, rule: AccountabilityRule) async throws -> AccountabilityProposal? {
        try await database.read { db in
            var itemID: Int64?
            if let itemNumber { itemID = try await self.itemID(number: itemNumber, planID: planID, on: db) }
            return try await caseProposals(planID: planID, on: db).first { $0.unitID == unitID && $0.itemID == itemID && $0.rule == rule }
        }
    }

    /// The plan's accountability cases.
    func cases(planID: Int64) async throws -> (scope: SupervisionScope, cases: [AccountabilityCase]) {
        try await database.read { db in
            (try await scope(planID: planID, on: db), try await store.cases(planID: planID, on: db))
        }
    }

    /// The lead units' scores at the period, else at the month supervision looks at; a period of another year than the
    /// plan's is refused.
    func scores(planID: Int64, period requested: Period?) async throws -> [UnitScore] {
        try await database.read { db in
            let plan = try await scope(planID: planID, on: db).plan
            var period = try await month(plan: plan, on: db)
            if let requested {
                guard requested.year == plan.year else { throw APIRefusals.documentPeriod(year: plan.year) }
                period = requested
            }
            return try await scores(planID: planID, period: period, on: db)
        }
    }
}
