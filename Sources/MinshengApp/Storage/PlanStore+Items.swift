import Foundation
import MinshengCore
import SQLKit

/// A plan's categories, items and indicators.
extension PlanStore {
    // MARK: Categories and items

    func insert(_ category: MinshengCore.Category, on db: any SQLDatabase) async throws -> MinshengCore.Category {
        var stored = category
        stored.id = try await db.insert(into: "categories")
            .columns("plan_id", "ordinal", "name")
            .values(SQLBind(category.planID), SQLBind(category.ordinal), SQLBind(category.name))
            .insertedID()
        return stored
    }

    func categories(planID: Int64, on db: any SQLDatabase) async throws -> [MinshengCore.Category] {
        try await db.select().column("*").from("categories").where("plan_id", .equal, planID).orderBy("ordinal").all().map { row in
            MinshengCore.Category(
                id: try row.int64("id"), planID: try row.int64("plan_id"), ordinal: try row.int("ordinal"), name: try row.string("name"))
        }
    }

    func insert(_ item: Item, on db: any SQLDatabase) async throws -> Item {
        var stored = item
        stored.id = try await db.insert(into: "items")
            .columns("plan_id", "category_id", "number", "text", "title", "short_title", "deadline")
            .values(
                SQLBind(item.planID), SQLBind(item.categoryID), SQLBind(item.number), SQLBind(item.text),
                SQLBind(item.title), SQLBind(item.shortTitle), SQLBind(item.deadline?.iso)
            )
            .insertedID()
        return stored
    }

    func items(planID: Int64, on db: any SQLDatabase) async throws -> [Item] {
        try await db.select().column("*").from("items").where("plan_id", .equal, planID).orderBy("number").all().map(Self.item)
    }

    static func item(_ row: any SQLRow) throws -> Item {
        Item(
            id: try row.int64("id"), planID: try row.int64("plan_id"), categoryID: try row.int64("category_id"),
            number: try row.int("number"), text: try row.string("text"), title: try row.string("title"),
            shortTitle: try row.string("short_title"), deadline: try row.optionalDate("deadline")
        )
    }

    func item(id: Int64, on db: any SQLDatabase) async throws -> Item? {
        try await db.select().column("*").from("items").where("id", .equal, id).first().map(Self.item)
    }

    /// Renames an item in the official documents.
    func setShortTitle(_ shortTitle: String, itemID: Int64, on db: any SQLDatabase) async throws {
        try await db.update("items").set("short_title", to: SQLBind(shortTitle)).where("id", .equal, itemID).run()
    }

    // MARK: Indicators

    func insert(_ indicator: Indicator, on db: any SQLDatabase) async throws -> Indicator {
        var stored = indicator
        stored.id = try await db.insert(into: "indicators")
            .columns(
                "item_id", "parent_id", "ordinal", "name", "target", "measure", "comparator", "kind", "provisional",
                "allocated_to", "allocated_unit_id", "deadline", "source"
            )
            .values(
                SQLBind(indicator.itemID), SQLBind(indicator.parentID), SQLBind(indicator.ordinal), SQLBind(indicator.name),
                SQLBind(indicator.target.map(DecimalText.format)), SQLBind(indicator.measure),
                SQLBind(indicator.comparator.rawValue), SQLBind(indicator.kind.rawValue), SQLBind(indicator.provisional),
                SQLBind(indicator.allocatedTo), SQLBind(indicator.allocatedUnitID), SQLBind(indicator.deadline?.iso),
                SQLBind(indicator.source)
            )
            .insertedID()
        return stored
    }

    /// The indicators of every item of a plan, by item and position.
    func indicators(planID: Int64, on db: any SQLDatabase) async throws -> [Indicator] {
        try await db.select().column(SQLColumn(SQLLiteral.all, table: SQLIdentifier("indicators"))).from("indicators")
            .join("items", on: SQLColumn("item_id", table: "indicators"), .equal, SQLColumn("id", table: "items"))
            .where(SQLColumn("plan_id", table: "items"), .equal, SQLBind(planID))
            .orderBy(SQLColumn("item_id", table: "indicators")).orderBy(SQLColumn("ordinal", table: "indicators"))
            .all().map(Self.indicator)
    }

    static func indicator(_ row: any SQLRow) throws -> Indicator {
        Indicator(
            id: try row.int64("id"), itemID: try row.int64("item_id"), parentID: try row.optionalInt64("parent_id"),
            ordinal: try row.int("ordinal"), name: try row.string("name"), target: try row.optionalDecimal("target"),
            measure: try row.string("measure"), comparator: try row.enumeration("comparator", as: Indicator.Comparator.self),
            kind: try row.enumeration("kind", as: Indicator.Kind.self), provisional: try row.bool("provisional"),
            allocatedTo: try row.optionalString("allocated_to"), allocatedUnitID: try row.optionalInt64("allocated_unit_id"),
            deadline: try row.optionalDate("deadline"), source: try row.string("source")
        )
    }
}
