/// The review queue's filter: reports of a plan by month, unit, item, category and state, sorted and cut into pages
/// of at most 50, with counts per state and per month under the other criteria. The same filter serves the page, its
/// 下一条 and the API.
package struct ReviewFilter: Sendable, Hashable {
    /// How the queue is ordered.
    package enum Sort: String, Sendable, CaseIterable {
        /// Newest submission first: what arrived today is on top.
        case newest
        case oldest
        /// By item number, then unit.
        case item
        /// By unit, then item number.
        case unit
    }

    /// One report as the filter sees it.
    package struct Entry: Sendable, Hashable {
        package var reportID: Int64
        package var period: Period
        package var unitID: Int64
        package var itemID: Int64
        package var itemNumber: Int
        package var categoryID: Int64
        package var state: ReportState
        /// When it was submitted (ISO 8601), nil for drafts.
        package var submittedAt: String?

        package init(
            reportID: Int64, period: Period, unitID: Int64, itemID: Int64, itemNumber: Int, categoryID: Int64, state: ReportState,
            submittedAt: String?
        ) {
            self.reportID = reportID
            self.period = period
            self.unitID = unitID
            self.itemID = itemID
            self.itemNumber = itemNumber
            self.categoryID = categoryID
            self.state = state
            self.submittedAt = submittedAt
        }
    }

    /// The most rows on a page.
    package static let pageSize = 50

    package var period: Period?
    package var unitID: Int64?
    package var itemID: Int64?
    package var categoryID: Int64?
    /// Nil: every state.
    package var state: ReportState?
    package var sort: Sort
    /// 1-based.
    package var page: Int

    package init(
        period: Period? = nil, unitID: Int64? = nil, itemID: Int64? = nil, categoryID: Int64? = nil, state: ReportState? = .submitted,
        sort: Sort = .newest, page: Int = 1
    ) {
        self.period = period
        self.unitID = unitID
        self.itemID = itemID
        self.categoryID = categoryID
        self.state = state
        self.sort = sort
        self.page = max(1, page)
    }

    /// Whether an entry passes every criterion except, when named, the state or the month.
    package func admits(_ entry: Entry, ignoringState: Bool = false, ignoringPeriod: Bool = false) -> Bool {
        (ignoringPeriod || period == nil || entry.period == period) && (unitID == nil || entry.unitID == unitID)
            && (itemID == nil || entry.itemID == itemID) && (categoryID == nil || entry.categoryID == categoryID)
            && (ignoringState || state == nil || entry.state == state)
    }

    /// Every entry that passes, in the filter's order.
    package func matching(_ entries: [Entry]) -> [Entry] {
        entries.filter { admits($0) }.sorted(by: ordered)
    }

    /// The page asked for (the last one when it asks past the end) and how many pass in all.
    package func page(of entries: [Entry]) -> (rows: [Entry], total: Int, page: Int, pages: Int) {
        let all = matching(entries)
        let pages = max(1, (all.count + Self.pageSize - 1) / Self.pageSize)
        let page = min(self.page, pages)
        let start = (page - 1) * Self.pageSize
        return (Array(all[min(start, all.count)..<min(start + Self.pageSize, all.count)]), all.count, page, pages)
    }

    /// How many entries pass per state, the state aside.
    package func countsByState(_ entries: [Entry]) -> [ReportState: Int] {
        var counts: [ReportState: Int] = [:]
        for entry in entries where admits(entry, ignoringState: true) { counts[entry.state, default: 0] += 1 }
        return counts
    }

    /// How many entries pass per month, the month aside.
    package func countsByPeriod(_ entries: [Entry]) -> [Period: Int] {
        var counts: [Period: Int] = [:]
        for entry in entries where admits(entry, ignoringPeriod: true) { counts[entry.period, default: 0] += 1 }
        return counts
    }

    /// The report after `current` in the filter's order (where it stood, when it no longer passes, as after being
    /// accepted), else the first other one; nil when no other report passes.
    package func next(after current: Entry, in entries: [Entry]) -> Entry? {
        let all = matching(entries).filter { $0.reportID != current.reportID }
        return all.first { ordered(current, $0) } ?? all.first
    }

    private func ordered(_ a: Entry, _ b: Entry) -> Bool {
        switch sort {
        case .newest: return ((a.submittedAt ?? ""), a.reportID) > ((b.submittedAt ?? ""), b.reportID)
        case .oldest: return ((a.submittedAt ?? "~"), a.reportID) < ((b.submittedAt ?? "~"), b.reportID)
        case .item: return (a.itemNumber, a.unitID, a.period.description) < (b.itemNumber, b.unitID, b.period.description)
        case .unit: return (a.unitID, a.itemNumber, a.period.description) < (b.unitID, b.itemNumber, b.period.description)
        }
    }
}
