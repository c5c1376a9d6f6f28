import Foundation
import MinshengCore
import SQLKit

/// Inspections (抽查暗访): planned or recorded with the figures checked, completed, and their files.
extension SupervisionService {
    /// What an inspector enters: a planned inspection (what will be checked, where and when) or one done, with
    /// its findings and the figures verified.
    struct InspectionInput: Sendable {
        var itemID: Int64?
        var unitID: Int64?
        var inspectedOn: CalendarDate
        var place: String
        var mode: InspectionMode
        var checked: String
        var findings: String
        /// Verified values by indicator.
        var verified: [Int64: Decimal]
        var planned: Bool

        init(
            itemID: Int64?, unitID: Int64?, inspectedOn: CalendarDate, place: String, mode: InspectionMode, checked: String, findings: String,
            verified: [Int64: Decimal], planned: Bool = false
        ) {
            self.itemID = itemID
            self.unitID = unitID
            self.inspectedOn = inspectedOn
            self.place = place
            self.mode = mode
            self.checked = checked
            self.findings = findings
            self.verified = verified
            self.planned = planned
        }
    }

    /// Plans an inspection, or records one done; each checked figure is stored beside the value accepted as of the
    /// inspection's month.
    func record(planID: Int64, _ input: InspectionInput, by actor: AuditActor) async throws -> Inspection {
        guard input.itemID != nil || input.unitID != nil else { throw SupervisionRefusals.inspectionNeedsSubject }
        guard !input.checked.trimmingCharacters(in: .whitespaces).isEmpty else { throw SupervisionRefusals.inspectionNeedsChecked }
        if input.planned {
            guard input.verified.isEmpty else {
                throw SupervisionRefusals.plannedHasNoFigures
            }
        } else if input.inspectedOn > today {
            throw SupervisionRefusals.inspectionInFuture(input.inspectedOn)
        }
        let createdAt = now
        return try await database.write { db in
            guard let plan = try await plans.plan(id: planID, on: db) else { throw Refusals.noPlan(planID) }
            guard input.inspectedOn.year == plan.year else { throw SupervisionRefusals.inspectionOtherYear(plan.year) }
            if let unitID = input.unitID, try await plans.unit(id: unitID, on: db) == nil { throw Refusals.noUnit(unitID) }
            let values = try await checkedValues(plan: plan, itemID: input.itemID, on: input.inspectedOn, verified: input.verified, on: db)
            let inspection = try await store.insertInspection(
                Inspection(
                    id: 0, planID: planID, itemID: input.itemID, unitID: input.unitID, inspectedOn: input.inspectedOn, place: input.place,
                    mode: input.mode,
                    state: input.planned ? .planned : .done, checked: input.checked, findings: input.findings, inspectorID: actor.userID,
                    values: values
                ), at: createdAt, on: db)
            try await AuditLog(clock: configuration.clock).record(
                input.planned ? "inspection.plan" : "inspection.record", entity: "inspection", id: inspection.id,
                after: ["mode": input.mode.rawValue, "place": input.place, "values": String(values.count)], by: actor, on: db)
            return inspection
        }
    }

    /// Records the results of a planned inspection.
    func complete(inspectionID: Int64, inspectedOn: CalendarDate, findings: String, verified: [Int64: Decimal], by actor: AuditActor)
        async throws -> Inspection
    {
        guard inspectedOn <= today else { throw SupervisionRefusals.inspectionInFuture(inspectedOn) }
        return try await database.write { db in
            guard let inspection = try await store.inspection(id: inspectionID, on: db) else {
                throw SupervisionRefusals.noInspection(inspectionID)
            }
            guard let plan = try await plans.plan(id: inspection.planID, on: db) else { throw SupervisionRefusals.inspectionPlanGone }
            guard inspectedOn.year == plan.year else { throw SupervisionRefusals.inspectionOtherYear(plan.year) }
            let values = try await checkedValues(plan: plan, itemID: inspection.itemID, on: inspectedOn, verified: verified, on: db)
            guard try await store.complete(inspectionID: inspectionID, on: inspectedOn, findings: findings, values: values, by: actor.userID, on: db)
            else {
                throw SupervisionRefusals.inspectionRecorded
            }
            try await AuditLog(clock: configuration.clock).record(
                "inspection.record", entity: "inspection", id: inspectionID, after: ["values": String(values.count)], by: actor, on: db)
            return try await store.inspection(id: inspectionID, on: db) ?? inspection
        }
    }

    /// The verified figures beside the values accepted as of the inspection's month.
    private func checkedValues(plan: Plan, itemID: Int64?, on day: CalendarDate, verified: [Int64: Decimal], on db: any SQLDatabase) async throws
        -> [CheckedValue]
    {
        guard !verified.isEmpty else { return [] }
        guard let itemID else { throw SupervisionRefusals.figuresNeedItem }
        let indicators = try await plans.indicators(planID: plan.id, on: db).filter { $0.itemID == itemID }
        let assessment = try await AssessmentService(database: database).assess(
            planID: plan.id, period: .month(year: plan.year, month: day.month), on: db)
        let reported = Dictionary(uniqueKeysWithValues: (assessment.item(itemID)?.indicators ?? []).map { ($0.indicatorID, $0.value) })
        return try verified.sorted(by: { $0.key < $1.key }).map { indicatorID, value in
            guard indicators.contains(where: { $0.id == indicatorID }) else {
                throw SupervisionRefusals.notTheItemsIndicator(indicatorID)
            }
            guard value >= 0 else { throw SupervisionRefusals.verifiedNegative }
            return CheckedValue(indicatorID: indicatorID, reported: reported[indicatorID] ?? nil, verified: value)
        }
    }

    /// Keeps a photo (or another file) with an inspection or a rectification's evidence.
    func attach(_ file: AttachmentStorage.Accepted, to owner: SupervisionFile.Owner, id: Int64, by actor: AuditActor) async throws
        -> SupervisionFile
    {
        let storage = AttachmentStorage(folder: configuration.uploadsDirectory)
        let key = try storage.store(file)
        let createdAt = now
        do {
            return try await database.write { db in
                let stored = try await store.addFile(
                    SupervisionFile(
                        id: 0, owner: owner, ownerID: id, fileName: file.fileName, contentType: file.contentType, size: Int64(file.data.count),
                        sha256: file.sha256, storageKey: key, createdAt: createdAt
                    ), by: actor.userID, on: db)
                try await AuditLog(clock: configuration.clock).record(
                    "\(owner.rawValue).attach", entity: owner.rawValue, id: id, after: ["file": file.fileName, "sha256": file.sha256], by: actor,
                    on: db)
                return stored
            }
        } catch {
            storage.remove(key: key)
            throw error
        }
    }
}
