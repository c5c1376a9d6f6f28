import MinshengCore
import SQLKit

/// Every item carries the short title official documents name it by, which the office may edit. Items stored before
/// take `ItemShortTitle` of their full text, so that no document names an item by a title cut with an ellipsis.
/// (0012 is left to the migration being written beside this one; the migrator applies names, not a count.)
struct M0013ItemShortTitles: Migration {
    let name = "0013_item_short_titles"

    func prepare(on db: any SQLDatabase) async throws {
        try await db.alter(table: "items").column("short_title", type: .text, .notNull, .default("")).run()
        for row in try await db.select().column("id").column("text").from("items").all() {
            try await db.update("items").set("short_title", to: SQLBind(ItemShortTitle.make(from: try row.string("text"))))
                .where("id", .equal, try row.int64("id")).run()
        }
    }
}
