import MinshengCore
import SQLKit

extension ReportStore {
    /// The newest version of every report of a plan, as the review queue's filter sees it: one light query, no
    /// values.
    func queueEntries(planID: Int64, on db: any SQLDatabase) async throws -> [ReviewFilter.Entry] {
        let rows = try await db.select()
            .column(SQLColumn("id", table: "reports")).column(SQLColumn("period", table: "reports"))
            .column(SQLColumn("unit_id", table: "reports")).column(SQLColumn("item_id", table: "reports"))
            .column(SQLColumn("version", table: "reports")).column(SQLColumn("state", table: "reports"))
            .column(SQLColumn("submitted_at", table: "reports")).column(SQLColumn("number", table: "items"))
            .column(SQLColumn("category_id", table: "items"))
            .from("reports")
            .join("items", on: SQLColumn("item_id", table: "reports"), .equal, SQLColumn("id", table: "items"))
            .where(SQLColumn("plan_id", table: "reports"), .equal, SQLBind(planID))
            .all()
        var newest: [String: (version: Int, entry: ReviewFilter.Entry)] = [:]
        for row in rows {
            guard let period = Period(try row.string("period")) else { continue }
            let entry = ReviewFilter.Entry(
                reportID: try row.int64("id"), period: period, unitID: try row.int64("unit_id"), itemID: try row.int64("item_id"),
                itemNumber: try row.int("number"), categoryID: try row.int64("category_id"),
                state: try row.enumeration("state", as: ReportState.self), submittedAt: try row.optionalString("submitted_at"))
            let key = "\(entry.itemID) \(entry.unitID) \(period)"
            let version = try row.int("version")
            if (newest[key]?.version ?? 0) < version { newest[key] = (version, entry) }
        }
        return newest.values.map(\.entry)
    }

    /// The reports with these ids, with their values.
    func reports(ids: [Int64], on db: any SQLDatabase) async throws -> [Report] {
        guard !ids.isEmpty else { return [] }
        let rows = try await db.select().column("*").from("reports").where("id", .in, ids).all()
        let byID = Dictionary(uniqueKeysWithValues: try rows.map(Self.report).map { ($0.id, $0) })
        return try await withValues(ids.compactMap { byID[$0] }, on: db)
    }
}
