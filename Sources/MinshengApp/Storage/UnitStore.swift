import Foundation
import MinshengCore
import SQLKit

/// Group units (各县(市、区)政府) and the member units that report in their place.
struct UnitStore: Sendable {

    /// Member unit ids by group unit id, for the units of a jurisdiction.
    func members(jurisdictionID: Int64, on db: any SQLDatabase) async throws -> [Int64: [Int64]] {
        let rows = try await db.select()
            .column(SQLColumn("group_id", table: "unit_members")).column(SQLColumn("member_id", table: "unit_members"))
            .from("unit_members")
            .join("units", on: SQLColumn("group_id", table: "unit_members"), .equal, SQLColumn("id", table: "units"))
            .where(SQLColumn("jurisdiction_id", table: "units"), .equal, SQLBind(jurisdictionID))
            .orderBy(SQLColumn("group_id", table: "unit_members")).orderBy(SQLColumn("member_id", table: "unit_members"))
            .all()
        var result: [Int64: [Int64]] = [:]
        for row in rows { result[try row.int64("group_id"), default: []].append(try row.int64("member_id")) }
        return result
    }

    /// Replaces a group's members.
    func setMembers(groupID: Int64, memberIDs: [Int64], on db: any SQLDatabase) async throws {
        try await db.delete(from: "unit_members").where("group_id", .equal, groupID).run()
        guard !memberIDs.isEmpty else { return }
        var insert = db.insert(into: "unit_members").columns("group_id", "member_id")
        for member in Set(memberIDs).sorted() where member != groupID {
            insert = insert.values(SQLBind(groupID), SQLBind(member))
        }
        try await insert.run()
    }

    /// Renames a unit or changes its kind.
    func update(_ unit: MinshengCore.Unit, on db: any SQLDatabase) async throws {
        try await db.update("units").set("name", to: SQLBind(unit.name)).set("kind", to: SQLBind(unit.kind.rawValue))
            .where("id", .equal, unit.id).run()
    }
}
