import Foundation
import MinshengCore
import SQLKit

/// An inspection (抽查暗访): planned, then done with what was found and the figures checked.
struct Inspection: Sendable, Hashable {
    /// Planned (on the inspectors' schedule, never shown to units) or done.
    enum State: String, Sendable, Hashable, Codable, CaseIterable {
        case planned, done
    }

    var id: Int64
    var planID: Int64
    var itemID: Int64?
    var unitID: Int64?
    var inspectedOn: CalendarDate
    var place: String
    var mode: InspectionMode
    var state: State
    var checked: String
    var findings: String
    var inspectorID: Int64?
    var values: [CheckedValue]
}

/// Inspections (抽查暗访): planned or recorded, completed later, with the figures they checked.
extension SupervisionStore {
    func insertInspection(_ inspection: Inspection, at now: String, on db: any SQLDatabase) async throws -> Inspection {
        var stored = inspection
        stored.id = try await db.insert(into: "inspections")
            .columns("plan_id", "item_id", "unit_id", "inspected_on", "place", "mode", "state", "checked", "findings", "inspector_id", "created_at")
            .values(
                SQLBind(inspection.planID), SQLBind(inspection.itemID), SQLBind(inspection.unitID), SQLBind(inspection.inspectedOn.iso),
                SQLBind(inspection.place), SQLBind(inspection.mode.rawValue), SQLBind(inspection.state.rawValue), SQLBind(inspection.checked),
                SQLBind(inspection.findings), SQLBind(inspection.inspectorID), SQLBind(now)
            )
            .insertedID()
        try await insertValues(inspection.values, inspectionID: stored.id, on: db)
        return stored
    }

    /// Records the results of a planned inspection; false when it was done already.
    func complete(
        inspectionID: Int64, on day: CalendarDate, findings: String, values: [CheckedValue], by userID: Int64?, on db: any SQLDatabase
    ) async throws -> Bool {
        guard try await inspection(id: inspectionID, on: db)?.state == .planned else { return false }
        try await db.update("inspections").set("state", to: SQLBind(Inspection.State.done.rawValue)).set("inspected_on", to: SQLBind(day.iso))
            .set("findings", to: SQLBind(findings)).set("inspector_id", to: SQLBind(userID))
            .where("id", .equal, inspectionID).where("state", .equal, Inspection.State.planned.rawValue).run()
        try await insertValues(values, inspectionID: inspectionID, on: db)
        return true
    }

    private func insertValues(_ values: [CheckedValue], inspectionID: Int64, on db: any SQLDatabase) async throws {
        guard !values.isEmpty else { return }
        var insert = db.insert(into: "inspection_values").columns("inspection_id", "indicator_id", "reported", "verified")
        for value in values {
            insert = insert.values(
                SQLBind(inspectionID), SQLBind(value.indicatorID), SQLBind(value.reported.map(DecimalText.format)),
                SQLBind(DecimalText.format(value.verified)))
        }
        try await insert.run()
    }

    func inspections(planID: Int64, itemID: Int64? = nil, on db: any SQLDatabase) async throws -> [Inspection] {
        var query = db.select().column("*").from("inspections").where("plan_id", .equal, planID)
        if let itemID { query = query.where("item_id", .equal, itemID) }
        let rows = try await query.orderBy("inspected_on", .descending).orderBy("id", .descending).all()
        let ids = try rows.map { try $0.int64("id") }
        var values: [Int64: [CheckedValue]] = [:]
        if !ids.isEmpty {
            for row in try await db.select().column("*").from("inspection_values").where("inspection_id", .in, ids).orderBy("indicator_id").all() {
                guard let verified = try row.optionalDecimal("verified") else { continue }
                values[try row.int64("inspection_id"), default: []].append(
                    CheckedValue(indicatorID: try row.int64("indicator_id"), reported: try row.optionalDecimal("reported"), verified: verified)
                )
            }
        }
        return try rows.map { row in
            let id = try row.int64("id")
            return Inspection(
                id: id, planID: try row.int64("plan_id"), itemID: try row.optionalInt64("item_id"), unitID: try row.optionalInt64("unit_id"),
                inspectedOn: try Self.date(row, "inspected_on"), place: try row.string("place"),
                mode: try row.enumeration("mode", as: InspectionMode.self),
                state: try row.enumeration("state", as: Inspection.State.self), checked: try row.string("checked"),
                findings: try row.string("findings"), inspectorID: try row.optionalInt64("inspector_id"),
                values: values[id] ?? []
            )
        }
    }

    func inspection(id: Int64, on db: any SQLDatabase) async throws -> Inspection? {
        guard let planID = try await db.select().column("plan_id").from("inspections").where("id", .equal, id).first()?.int64("plan_id") else {
            return nil
        }
        return try await inspections(planID: planID, on: db).first { $0.id == id }
    }
}
