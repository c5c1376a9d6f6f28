import Foundation
import MinshengCore
import SQLKit

/// What the supervision forms read before they change anything: an inspection, an item's indicators and lead unit,
/// a case still proposed, and a file a principal may download.
extension SupervisionService {
    /// An inspection, or nil when none has the id.
    func inspection(id: Int64) async throws -> Inspection? {
        try await database.read { try await store.inspection(id: id, on: $0) }
    }

    /// The indicators of an item of a plan.
    func indicators(planID: Int64, itemID: Int64) async throws -> [Indicator] {
        try await database.read { try await plans.indicators(planID: planID, on: $0) }.filter { $0.itemID == itemID }
    }

    /// The first lead unit of an item, the unit an inspection of the item is about when the form names none.
    func leadUnit(planID: Int64, itemID: Int64) async throws -> Int64? {
        try await database.read { db in
            try await plans.assignments(planID: planID, on: db).filter { $0.itemID == itemID && $0.role == .lead }.min { $0.ordinal < $1.ordinal }?
                .unitID
        }
    }

    /// The case the rules still propose for a unit, item and rule, or nil once it is no longer called for.
    func caseProposal(planID: Int64, unitID: Int64, itemID: Int64?, rule: AccountabilityRule) async throws -> AccountabilityProposal? {
        try await database.read { db in
            try await caseProposals(planID: planID, on: db).first { $0.unitID == unitID && $0.itemID == itemID && $0.rule == rule }
        }
    }

    /// A supervision file the principal may download: a rectification's evidence for whom may see the
    /// rectification, an inspection's photo for whom may see inspections; nil otherwise.
    func file(id: Int64, for principal: Principal) async throws -> SupervisionFile? {
        try await database.read { db -> SupervisionFile? in
            guard let file = try await store.file(id: id, on: db) else { return nil }
            guard file.owner == .rectification else { return SupervisionPolicy.canSeeInspections(principal) ? file : nil }
            guard let rectification = try await store.rectification(id: file.ownerID, on: db) else { return nil }
            return SupervisionPolicy.canSee(addressedTo: rectification.unitID, by: principal) ? file : nil
        }
    }
}
