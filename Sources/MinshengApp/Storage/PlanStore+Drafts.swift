import Foundation
import MinshengCore
import SQLKit

/// Imported plans: stored with their categories, items, indicators, units and assignments, or put in place of a plan's
/// contents.
extension PlanStore {
    /// Stores an imported plan with its categories, items, indicators, units and assignments.
    /// Run it inside one transaction (``AppDatabase/write(_:)``) so that a failure stores nothing.
    func insert(
        _ draft: PlanDraft, jurisdiction: Jurisdiction, state: Plan.State = .active, now: Date, on db: any SQLDatabase
    ) async throws -> Plan {
        let plan = try await insert(Self.plan(from: draft, id: 0, jurisdictionID: jurisdiction.id, state: state), now: now, on: db)
        try await insertContents(of: draft, planID: plan.id, jurisdictionID: jurisdiction.id, on: db)
        return plan
    }

    /// Replaces a plan's fields and contents with an imported draft, keeping its id. Run it inside one transaction.
    func replace(planID: Int64, with draft: PlanDraft, on db: any SQLDatabase) async throws -> Plan {
        guard let existing = try await plan(id: planID, on: db) else { throw Refusals.noPlan(planID) }
        let plan = try Self.plan(from: draft, id: planID, jurisdictionID: existing.jurisdictionID, state: existing.state)
        let issuers = String(decoding: try JSONEncoder().encode(plan.issuers), as: UTF8.self)
        try await db.update("plans")
            .set("year", to: SQLBind(plan.year)).set("title", to: SQLBind(plan.title)).set("issuers", to: SQLBind(issuers))
            .set("issued_on", to: SQLBind(plan.issuedOn?.iso)).set("document_number", to: SQLBind(plan.documentNumber))
            .set("notice", to: SQLBind(plan.notice)).set("preamble", to: SQLBind(plan.preamble))
            .where("id", .equal, planID)
            .run()
        try await db.delete(from: "categories").where("plan_id", .equal, planID).run()
        try await insertContents(of: draft, planID: planID, jurisdictionID: existing.jurisdictionID, on: db)
        return plan
    }

    static func plan(from draft: PlanDraft, id: Int64, jurisdictionID: Int64, state: Plan.State) throws -> Plan {
        guard let year = draft.year else {
            throw AppError.invalidInput("The plan has no year: give one in the title or with --year.")
        }
        return Plan(
            id: id, year: year, title: draft.title, jurisdictionID: jurisdictionID, issuers: draft.issuers,
            issuedOn: draft.issuedOn, documentNumber: draft.documentNumber, notice: draft.notice,
            preamble: draft.preamble, state: state
        )
    }

    private func insertContents(of draft: PlanDraft, planID: Int64, jurisdictionID: Int64, on db: any SQLDatabase) async throws {
        for (index, categoryDraft) in draft.categories.enumerated() {
            let category = try await insert(
                MinshengCore.Category(id: 0, planID: planID, ordinal: categoryDraft.number ?? index + 1, name: categoryDraft.name ?? ""),
                on: db
            )
            for itemDraft in categoryDraft.items {
                try await insertItem(itemDraft, planID: planID, categoryID: category.id, jurisdictionID: jurisdictionID, on: db)
            }
        }
    }

    /// Stores one item with its indicators and assignments.
    func insertItem(_ itemDraft: ItemDraft, planID: Int64, categoryID: Int64, jurisdictionID: Int64, on db: any SQLDatabase) async throws {
        let item = try await insert(
            Item(
                id: 0, planID: planID, categoryID: categoryID, number: itemDraft.number, text: itemDraft.text, title: itemDraft.title,
                shortTitle: itemDraft.title, deadline: itemDraft.deadline),
            on: db
        )
        var ordinal = 0
        for indicatorDraft in itemDraft.indicators {
            try await insertIndicator(indicatorDraft, itemID: item.id, parentID: nil, ordinal: &ordinal, on: db)
        }
        try await insertAssignments(of: itemDraft, itemID: item.id, jurisdictionID: jurisdictionID, on: db)
    }

    /// Links an item to its lead and responsible units, found or created in the jurisdiction's directory.
    func insertAssignments(of itemDraft: ItemDraft, itemID: Int64, jurisdictionID: Int64, on db: any SQLDatabase) async throws {
        for (role, names) in [(Assignment.Role.lead, itemDraft.leadUnits), (.responsible, itemDraft.responsibleUnits)] {
            var position = 0
            var seen: Set<Int64> = []
            for name in names {
                let unitID = try await unit(named: name, jurisdictionID: jurisdictionID, on: db).id
                // A unit written twice in one list keeps its first place.
                guard seen.insert(unitID).inserted else { continue }
                position += 1
                try await insert(Assignment(itemID: itemID, unitID: unitID, role: role, ordinal: position), on: db)
            }
        }
    }

    /// An indicator tree in storage order: each indicator, then its children, then its allocations.
    struct FlatIndicator {
        var indicator: Indicator
        /// Position of the parent in the flattened list.
        var parentIndex: Int?
        var allocatedTo: String?
    }

    static func flatten(_ drafts: [IndicatorDraft]) -> [FlatIndicator] {
        var result: [FlatIndicator] = []
        func add(_ draft: IndicatorDraft, parent: Int?) {
            let index = result.count
            result.append(
                FlatIndicator(
                    indicator: Indicator(
                        id: 0, itemID: 0, ordinal: index + 1, name: draft.name, target: draft.target, measure: draft.unit,
                        comparator: draft.comparator, kind: draft.kind, provisional: draft.provisional, deadline: draft.deadline, source: draft.source
                    ),
                    parentIndex: parent, allocatedTo: nil
                ))
            for child in draft.children { add(child, parent: index) }
            for allocation in draft.allocations {
                result.append(
                    FlatIndicator(
                        indicator: Indicator(
                            id: 0, itemID: 0, ordinal: result.count + 1, name: "\(draft.name)（\(allocation.to)）", target: allocation.target,
                            measure: draft.unit, comparator: draft.comparator, kind: draft.kind, deadline: draft.deadline, source: draft.source),
                        parentIndex: index, allocatedTo: allocation.to
                    ))
            }
        }
        for draft in drafts { add(draft, parent: nil) }
        return result
    }

    func insertIndicator(_ draft: IndicatorDraft, itemID: Int64, parentID: Int64?, ordinal: inout Int, on db: any SQLDatabase) async throws {
        ordinal += 1
        let stored = try await insert(
            Indicator(
                id: 0, itemID: itemID, parentID: parentID, ordinal: ordinal, name: draft.name, target: draft.target,
                measure: draft.unit, comparator: draft.comparator, kind: draft.kind, provisional: draft.provisional,
                deadline: draft.deadline, source: draft.source
            ),
            on: db
        )
        for child in draft.children {
            try await insertIndicator(child, itemID: itemID, parentID: stored.id, ordinal: &ordinal, on: db)
        }
        for allocation in draft.allocations {
            ordinal += 1
            _ = try await insert(
                Indicator(
                    id: 0, itemID: itemID, parentID: stored.id, ordinal: ordinal, name: "\(draft.name)（\(allocation.to)）",
                    target: allocation.target, measure: draft.unit, comparator: draft.comparator, kind: draft.kind,
                    allocatedTo: allocation.to, deadline: draft.deadline, source: draft.source
                ),
                on: db
            )
        }
    }
}
