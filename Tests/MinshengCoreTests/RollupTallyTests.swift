import Foundation
import Testing

@testable import MinshengCore

/// Sums of plans for a higher level's view.
@Suite struct RollupTallyTests {
    static func assessment(_ items: [(ProgressStatus, Decimal?)]) -> PlanAssessment {
        PlanAssessment(
            period: .month(year: 2019, month: 9), settings: AssessmentSettings(),
            items: items.enumerated().map { index, item in
                ItemAssessment(
                    itemID: Int64(index + 1), number: index + 1, status: item.0, computedStatus: item.0, override: nil, progress: item.1,
                    expected: nil, forecast: nil, earlyWarning: false, indicators: [])
            })
    }

    @Test func plansAndJurisdictionsAddUp() {
        var city = RollupTally()
        city.add(Self.assessment([(.completed, 1), (.behind, Decimal(string: "0.5")), (.notReported, nil)]), reportsOwed: 10, onTime: 8)
        var county = RollupTally()
        county.add(Self.assessment([(.seriouslyBehind, Decimal(string: "0.2")), (.onSchedule, Decimal(string: "0.7"))]), reportsOwed: 5, onTime: 1)
        var province = RollupTally()
        province.add(city)
        province.add(county)
        #expect(province.plans == 2)
        #expect(province.items == 5)
        #expect(province.lagging == 2)
        #expect(province.onTrack == 1)
        #expect(province.count(.notReported) == 1)
        #expect(province.completionRate == Decimal(string: "0.2"))
        // Mean over the four items with a progress figure: (1 + 0.5 + 0.2 + 0.7) / 4.
        #expect(province.meanProgress == Decimal(string: "0.6"))
        #expect(province.onTimeRate == Decimal(9) / Decimal(15))
        #expect(RollupTally().meanProgress == nil && RollupTally().onTimeRate == nil && RollupTally().completionRate == nil)
    }
}
