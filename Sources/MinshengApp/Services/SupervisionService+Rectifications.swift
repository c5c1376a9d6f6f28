import Foundation
import MinshengCore
import SQLKit

/// Rectifications required after an inspection, and the unit's and the office's steps on them.
extension SupervisionService {
    /// Requires a unit to rectify what an inspection found.
    func requireRectification(inspectionID: Int64, unitID: Int64, requirement: String, due: CalendarDate, by actor: AuditActor) async throws
        -> Rectification
    {
        let requirement = requirement.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !requirement.isEmpty else { throw SupervisionRefusals.requirementRequired }
        guard due >= today else { throw SupervisionRefusals.duePassed(due) }
        let createdAt = now
        return try await database.write { db in
            guard let inspection = try await store.inspection(id: inspectionID, on: db) else {
                throw SupervisionRefusals.noInspection(inspectionID)
            }
            guard try await plans.unit(id: unitID, on: db) != nil else { throw Refusals.noUnit(unitID) }
            let stored = try await store.insertRectification(
                Rectification(
                    id: 0, planID: inspection.planID, inspectionID: inspectionID, itemID: inspection.itemID, unitID: unitID, requirement: requirement,
                    due: due, state: .open, report: nil, updatedAt: createdAt
                ), by: actor.userID, at: createdAt, on: db)
            try await AuditLog(clock: configuration.clock).record(
                "rectification.require", entity: "rectification", id: stored.id,
                after: ["unit": String(unitID), "due": due.iso], by: actor, on: db)
            return stored
        }
    }

    /// A step of a rectification: the unit reports with evidence; the inspector closes it or reopens it.
    func act(rectificationID: Int64, action: RectificationState.Action, text: String, by user: User, address: String) async throws
        -> Rectification
    {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let at = now
        return try await database.write { db in
            guard let rectification = try await store.rectification(id: rectificationID, on: db) else {
                throw SupervisionRefusals.noRectification(rectificationID)
            }
            let principal = user.principal(reach: try await PlanReach.of(user, on: db))
            guard principal.reach.canRead(planID: rectification.planID) else {
                throw SupervisionRefusals.noRectification(rectificationID)
            }
            switch action {
            case .report:
                guard SupervisionPolicy.canReport(rectificationOf: rectification.unitID, by: principal) else {
                    throw SupervisionRefusals.onlyUnitReportsRectification
                }
                guard !text.isEmpty else { throw SupervisionRefusals.describeRectification }
            case .close, .reopen:
                guard SupervisionPolicy.canReviewRectifications(principal) else {
                    throw SupervisionRefusals.onlyInspectorsClose
                }
                if action == .reopen && text.isEmpty { throw SupervisionRefusals.reopenNeedsReason }
            }
            guard let next = rectification.state.after(action) else {
                throw SupervisionRefusals.rectificationRefused(state: rectification.state, action: action)
            }
            guard
                try await store.transition(
                    rectificationID, from: rectification.state, to: next, action: action.rawValue,
                    report: action == .report ? text : nil, note: text.isEmpty ? nil : text, by: user.id, at: at, on: db)
            else {
                throw SupervisionRefusals.rectificationChanged
            }
            try await AuditLog(clock: configuration.clock).record(
                "rectification.\(action.rawValue)", entity: "rectification", id: rectificationID,
                before: ["state": rectification.state.rawValue], after: ["state": next.rawValue], by: AuditActor(user: user, address: address), on: db
            )
            return try await store.rectification(id: rectificationID, on: db) ?? rectification
        }
    }
}
