import Foundation
import MinshengCore
import Testing

/// Which lead figures count: the first lead unit with an accepted report that month, its newest accepted version.
@Suite struct LeadFiguresTests {
    static func row(unit: Int64, version: Int, _ state: ReportState, value: Decimal?, month: Int = 9) -> LeadFigures.Row {
        LeadFigures.Row(
            itemID: 1, unitID: unit, month: month, version: version, state: state, wasSubmitted: state != .draft,
            value: value.map { AcceptedValue(indicatorID: 7, month: month, value: $0) })
    }

    @Test func theFirstLeadUnitsNewestAcceptedVersionCounts() {
        let rows = [
            Self.row(unit: 20, version: 1, .accepted, value: 50),
            Self.row(unit: 10, version: 1, .accepted, value: 30),
            Self.row(unit: 10, version: 2, .accepted, value: 35),
            Self.row(unit: 10, version: 3, .submitted, value: 90),
        ]
        let selected = LeadFigures.select(rows, leadOrder: [1: [10, 20]])
        #expect(selected.accepted.map(\.value) == [35])
        #expect(selected.submitted == [1: [9]])
    }

    @Test func theSecondLeadUnitCountsWhenTheFirstHasNothingAccepted() {
        let rows = [Self.row(unit: 10, version: 1, .returned, value: 30), Self.row(unit: 20, version: 1, .accepted, value: 50)]
        #expect(LeadFigures.select(rows, leadOrder: [1: [10, 20]]).accepted.map(\.value) == [50])
    }

    @Test func draftsAreNotSubmissions() {
        let selected = LeadFigures.select([Self.row(unit: 10, version: 1, .draft, value: nil, month: 3)], leadOrder: [1: [10]])
        #expect(selected.accepted.isEmpty && selected.submitted.isEmpty)
    }
}
