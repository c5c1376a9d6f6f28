import Foundation
import MinshengCore
import SQLKit

/// Applies a re-imported document to a plan that already has reports, item by item, keeping every report linked:
/// items are updated in place, indicators are updated in place when the item's targets keep their shape, and
/// nothing that reports refer to is deleted.
struct PlanMerge {
    /// What the merge did, and the changes it could not make safely.
    struct Outcome: Sendable, Equatable {
        var applied: [Int]
        var refused: [Int: String]
    }

    let plans = PlanStore()

    /// Applies the accepted item changes (by number) and, when `planFields` is true, the plan's own fields.
    func apply(_ draft: PlanDraft, to planID: Int64, accepting numbers: Set<Int>, planFields: Bool, on db: any SQLDatabase) async throws -> Outcome {
        guard let detail = try await plans.detail(planID: planID, on: db) else { throw Refusals.noPlan(planID) }
        if planFields {
            let plan = try PlanStore.plan(from: draft, id: planID, jurisdictionID: detail.plan.jurisdictionID, state: detail.plan.state)
            let issuers = String(decoding: try JSONEncoder().encode(plan.issuers), as: UTF8.self)
            try await db.update("plans").set("title", to: SQLBind(plan.title)).set("issuers", to: SQLBind(issuers))
                .set("issued_on", to: SQLBind(plan.issuedOn?.iso)).set("document_number", to: SQLBind(plan.documentNumber))
                .set("notice", to: SQLBind(plan.notice)).set("preamble", to: SQLBind(plan.preamble)).where("id", .equal, planID).run()
        }
        let existing = Dictionary(uniqueKeysWithValues: detail.items.map { ($0.number, $0) })
        var outcome = Outcome(applied: [], refused: [:])
        for category in draft.categories {
            for item in category.items where numbers.contains(item.number) {
                let categoryID = try await self.category(category, planID: planID, detail: detail, on: db)
                if let current = existing[item.number] {
                    if let refusal = try await update(current, with: item, categoryID: categoryID, detail: detail, on: db) {
                        outcome.refused[item.number] = refusal
                    } else {
                        outcome.applied.append(item.number)
                    }
                } else {
                    try await plans.insertItem(item, planID: planID, categoryID: categoryID, jurisdictionID: detail.plan.jurisdictionID, on: db)
                    outcome.applied.append(item.number)
                }
            }
        }
        let kept = Set(draft.items.map(\.number))
        for (number, item) in existing where numbers.contains(number) && !kept.contains(number) {
            if try await hasReports(itemID: item.id, on: db) {
                outcome.refused[number] = "第\(number)项已有报送，不能删除。Item \(number) has reports and cannot be removed."
            } else {
                try await db.delete(from: "items").where("id", .equal, item.id).run()
                outcome.applied.append(number)
            }
        }
        outcome.applied.sort()
        return outcome
    }

    private func category(_ draft: CategoryDraft, planID: Int64, detail: PlanDetail, on db: any SQLDatabase) async throws -> Int64 {
        let ordinal = draft.number ?? 1
        let name = draft.name ?? ""
        if let match = detail.categories.first(where: { $0.ordinal == ordinal }) {
            if match.name != name { try await db.update("categories").set("name", to: SQLBind(name)).where("id", .equal, match.id).run() }
            return match.id
        }
        if let created = try await db.select().column("id").from("categories").where("plan_id", .equal, planID).where("ordinal", .equal, ordinal)
            .first()
        {
            return try created.int64("id")
        }
        return try await plans.insert(MinshengCore.Category(id: 0, planID: planID, ordinal: ordinal, name: name), on: db).id
    }

    /// Updates an item in place; returns why its targets could not be changed, when that is so.
    private func update(_ item: Item, with draft: ItemDraft, categoryID: Int64, detail: PlanDetail, on db: any SQLDatabase) async throws -> String? {
        let old = detail.indicators.filter { $0.itemID == item.id }.sorted { $0.ordinal < $1.ordinal }
        let new = PlanStore.flatten(draft.indicators)
        let sameShape =
            old.count == new.count
            && zip(old, new).allSatisfy { pair in
                (pair.0.parentID.flatMap { parent in old.firstIndex { $0.id == parent } }) == pair.1.parentIndex
                    && (pair.0.allocatedTo == nil) == (pair.1.allocatedTo == nil)
            }
        if !sameShape, try await hasValues(indicatorIDs: old.map(\.id), on: db) {
            return
                """
                第\(draft.number)项已有报送数值，且指标结构有变化，未修改；请逐项手工调整指标。Item \(draft.number) has reported values and its targets changed shape; it was \
                left unchanged.
                """
        }
        try await db.update("items").set("category_id", to: SQLBind(categoryID)).set("text", to: SQLBind(draft.text))
            .set("title", to: SQLBind(draft.title)).set("deadline", to: SQLBind(draft.deadline?.iso)).where("id", .equal, item.id).run()
        if item.shortTitle == item.title || item.shortTitle == ItemShortTitle.make(from: item.text) {
            // A short title the office has not edited follows the new text; an edited one stays.
            try await db.update("items").set("short_title", to: SQLBind(draft.title)).where("id", .equal, item.id).run()
        }
        if sameShape {
            for (indicator, replacement) in zip(old, new) {
                try await db.update("indicators").set("name", to: SQLBind(replacement.indicator.name))
                    .set("target", to: SQLBind(replacement.indicator.target.map(DecimalText.format))).set(
                        "measure", to: SQLBind(replacement.indicator.measure)
                    )
                    .set("comparator", to: SQLBind(replacement.indicator.comparator.rawValue)).set(
                        "kind", to: SQLBind(replacement.indicator.kind.rawValue)
                    )
                    .set("provisional", to: SQLBind(replacement.indicator.provisional)).set("allocated_to", to: SQLBind(replacement.allocatedTo))
                    .set("deadline", to: SQLBind(replacement.indicator.deadline?.iso)).set("source", to: SQLBind(replacement.indicator.source))
                    .where("id", .equal, indicator.id).run()
            }
        } else {
            try await db.delete(from: "indicators").where("item_id", .equal, item.id).run()
            var ordinal = 0
            for indicator in draft.indicators {
                try await plans.insertIndicator(indicator, itemID: item.id, parentID: nil, ordinal: &ordinal, on: db)
            }
        }
        try await db.delete(from: "assignments").where("item_id", .equal, item.id).run()
        try await plans.insertAssignments(of: draft, itemID: item.id, jurisdictionID: detail.plan.jurisdictionID, on: db)
        return nil
    }

    private func hasReports(itemID: Int64, on db: any SQLDatabase) async throws -> Bool {
        try await db.select().column("id").from("reports").where("item_id", .equal, itemID).limit(1).first() != nil
    }

    private func hasValues(indicatorIDs: [Int64], on db: any SQLDatabase) async throws -> Bool {
        guard !indicatorIDs.isEmpty else { return false }
        return try await db.select().column("report_id").from("report_values").where("indicator_id", .in, indicatorIDs).limit(1).first() != nil
    }
}
