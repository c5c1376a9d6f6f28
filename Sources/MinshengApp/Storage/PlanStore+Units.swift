import Foundation
import MinshengCore
import SQLKit

/// The units of a jurisdiction's directory and their assignments to a plan's items.
extension PlanStore {
    // MARK: Units and assignments

    func insert(_ unit: MinshengCore.Unit, on db: any SQLDatabase) async throws -> MinshengCore.Unit {
        var stored = unit
        stored.id = try await db.insert(into: "units")
            .columns("jurisdiction_id", "name", "kind")
            .values(SQLBind(unit.jurisdictionID), SQLBind(unit.name), SQLBind(unit.kind.rawValue))
            .insertedID()
        return stored
    }

    /// The unit of that name in a jurisdiction's directory, created if it does not exist.
    func unit(named name: String, jurisdictionID: Int64, on db: any SQLDatabase) async throws -> MinshengCore.Unit {
        let row = try await db.select().column("*").from("units")
            .where("jurisdiction_id", .equal, jurisdictionID).where("name", .equal, name).first()
        if let row { return try Self.unit(row) }
        let unit = MinshengCore.Unit(id: 0, name: name, kind: UnitListParser.kind(of: name), jurisdictionID: jurisdictionID)
        return try await insert(unit, on: db)
    }

    func unit(id: Int64, on db: any SQLDatabase) async throws -> MinshengCore.Unit? {
        try await db.select().column("*").from("units").where("id", .equal, id).first().map(Self.unit)
    }

    /// Every unit of a jurisdiction's directory, by name.
    /// Every unit of every jurisdiction's directory.
    func allUnits(on db: any SQLDatabase) async throws -> [MinshengCore.Unit] {
        try await db.select().column("*").from("units").orderBy("id").all().map(Self.unit)
    }

    func units(jurisdictionID: Int64, on db: any SQLDatabase) async throws -> [MinshengCore.Unit] {
        try await db.select().column("*").from("units").where("jurisdiction_id", .equal, jurisdictionID)
            .orderBy("id").all().map(Self.unit)
    }

    static func unit(_ row: any SQLRow) throws -> MinshengCore.Unit {
        MinshengCore.Unit(
            id: try row.int64("id"), name: try row.string("name"),
            kind: try row.enumeration("kind", as: MinshengCore.Unit.Kind.self), jurisdictionID: try row.int64("jurisdiction_id")
        )
    }

    func insert(_ assignment: Assignment, on db: any SQLDatabase) async throws {
        try await db.insert(into: "assignments")
            .columns("item_id", "unit_id", "role", "ordinal")
            .values(SQLBind(assignment.itemID), SQLBind(assignment.unitID), SQLBind(assignment.role.rawValue), SQLBind(assignment.ordinal))
            .run()
    }

    /// The assignments of every item of a plan, by item, role and position.
    func assignments(planID: Int64, on db: any SQLDatabase) async throws -> [Assignment] {
        try await db.select()
            .column(SQLColumn("item_id", table: "assignments")).column(SQLColumn("unit_id", table: "assignments"))
            .column(SQLColumn("role", table: "assignments")).column(SQLColumn("ordinal", table: "assignments"))
            .from("assignments")
            .join("items", on: SQLColumn("item_id", table: "assignments"), .equal, SQLColumn("id", table: "items"))
            .where(SQLColumn("plan_id", table: "items"), .equal, SQLBind(planID))
            .orderBy(SQLColumn("item_id", table: "assignments")).orderBy(SQLColumn("role", table: "assignments"))
            .orderBy(SQLColumn("ordinal", table: "assignments"))
            .all().map { row in
                Assignment(
                    itemID: try row.int64("item_id"), unitID: try row.int64("unit_id"),
                    role: try row.enumeration("role", as: Assignment.Role.self), ordinal: try row.int("ordinal")
                )
            }
    }
}
