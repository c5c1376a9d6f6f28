import Foundation

/// Which reported figures count for an item's assessment: in each month, the newest accepted version of the report
/// of the first lead unit (in the plan's order) that has an accepted report that month; and the months in which a
/// lead unit submitted anything.
package enum LeadFigures {
    /// One value of one version of a lead unit's monthly report (or the report alone, when it has no values).
    package struct Row: Sendable, Hashable {
        package var itemID: Int64
        package var unitID: Int64
        package var month: Int
        package var version: Int
        package var state: ReportState
        package var wasSubmitted: Bool
        package var value: AcceptedValue?

        package init(itemID: Int64, unitID: Int64, month: Int, version: Int, state: ReportState, wasSubmitted: Bool, value: AcceptedValue?) {
            self.itemID = itemID
            self.unitID = unitID
            self.month = month
            self.version = version
            self.state = state
            self.wasSubmitted = wasSubmitted
            self.value = value
        }
    }

    /// The figures that count, and each item's months with a submission. `leadOrder` lists each item's lead units
    /// in the plan's order.
    package static func select(_ rows: [Row], leadOrder: [Int64: [Int64]]) -> (accepted: [AcceptedValue], submitted: [Int64: Set<Int>]) {
        struct Key: Hashable {
            var item: Int64
            var month: Int
        }
        var submitted: [Int64: Set<Int>] = [:]
        var chosen: [Key: (rank: Int, version: Int)] = [:]
        var values: [Key: [(rank: Int, version: Int, value: AcceptedValue)]] = [:]
        for row in rows {
            if row.wasSubmitted { submitted[row.itemID, default: []].insert(row.month) }
            guard row.state == .accepted, let value = row.value else { continue }
            let rank = leadOrder[row.itemID]?.firstIndex(of: row.unitID) ?? Int.max
            let key = Key(item: row.itemID, month: row.month)
            if let best = chosen[key], (best.rank, -best.version) < (rank, -row.version) { continue }
            chosen[key] = (rank, row.version)
            values[key, default: []].append((rank, row.version, value))
        }
        var accepted: [AcceptedValue] = []
        for (key, candidates) in values {
            guard let best = chosen[key] else { continue }
            accepted += candidates.filter { $0.rank == best.rank && $0.version == best.version }.map(\.value)
        }
        return (accepted, submitted)
    }
}
