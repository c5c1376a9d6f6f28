import Foundation
import Testing

@testable import MinshengCore

@Suite struct ReviewFilterTests {
    /// 120 reports: 4 units × 10 items × 3 months, September's submitted, the rest accepted; item n in category
    /// n % 2.
    static let entries: [ReviewFilter.Entry] = {
        var entries: [ReviewFilter.Entry] = []
        var id: Int64 = 0
        for month in 7...9 {
            for unit in 1...4 {
                for item in 1...10 {
                    id += 1
                    entries.append(
                        ReviewFilter.Entry(
                            reportID: id, period: .month(year: 2019, month: month), unitID: Int64(unit), itemID: Int64(100 + item),
                            itemNumber: item, categoryID: Int64(item % 2), state: month == 9 ? .submitted : .accepted,
                            submittedAt: "2019-\(month < 10 ? "0" : "")\(month)-\(10 + item)T0\(unit):00:00Z"))
                }
            }
        }
        return entries
    }()

    @Test func theQueueShowsSubmittedReportsNewestFirstFiftyToAPage() {
        let filter = ReviewFilter()
        let first = filter.page(of: Self.entries)
        #expect(first.total == 40)
        #expect(first.pages == 1)
        #expect(first.rows.allSatisfy { $0.state == .submitted })
        #expect(first.rows.first?.submittedAt == "2019-09-20T04:00:00Z")
        let all = ReviewFilter(state: nil, page: 2).page(of: Self.entries)
        #expect(all.total == 120)
        #expect(all.pages == 3)
        #expect(all.rows.count == 50)
        #expect(ReviewFilter(state: nil, page: 9).page(of: Self.entries).page == 3)
        #expect(ReviewFilter(state: nil, page: 9).page(of: Self.entries).rows.count == 20)
    }

    @Test func filtersCombineAndCountTheOtherCriteria() {
        let filter = ReviewFilter(period: .month(year: 2019, month: 8), unitID: 3, categoryID: 1, state: .accepted)
        let page = filter.page(of: Self.entries)
        #expect(page.total == 5)
        #expect(page.rows.allSatisfy { $0.unitID == 3 && $0.categoryID == 1 && $0.period == .month(year: 2019, month: 8) })
        #expect(filter.countsByState(Self.entries) == [.accepted: 5])
        #expect(filter.countsByPeriod(Self.entries) == [.month(year: 2019, month: 7): 5, .month(year: 2019, month: 8): 5])
        #expect(ReviewFilter(itemID: 105).page(of: Self.entries).total == 4)
    }

    /// 下一条 goes on from where the report stood in the filter's order, also once it has left the filter (accepted).
    @Test func nextGoesOnInTheFiltersOrder() {
        let filter = ReviewFilter(unitID: 2, sort: .item)
        let queue = filter.matching(Self.entries)
        #expect(queue.map(\.itemNumber) == Array(1...10))
        #expect(filter.next(after: queue[3], in: Self.entries)?.reportID == queue[4].reportID)
        var accepted = Self.entries
        let index = accepted.firstIndex { $0.reportID == queue[3].reportID }!
        accepted[index].state = .accepted
        #expect(filter.next(after: accepted[index], in: accepted)?.reportID == queue[4].reportID)
        #expect(filter.next(after: queue[9], in: Self.entries)?.reportID == queue[0].reportID)
        #expect(ReviewFilter(itemID: 105, state: .returned).next(after: queue[0], in: Self.entries) == nil)
    }
}
