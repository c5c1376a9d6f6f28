import Foundation
import MinshengCore
import Testing

/// The one check of the supervision settings that the web form and the API share.
@Suite struct SupervisionSettingsTests {
    @Test func theDefaultsMayBeStored() {
        #expect(SupervisionSettings().problem() == nil)
    }

    @Test func eachRangeNamesItsField() {
        var settings = SupervisionSettings()
        settings.notices.redResponseDays = 0
        #expect(settings.problem() == SettingsProblem(field: .redResponseDays, kind: .days))
        settings.notices.redResponseDays = 366
        #expect(settings.problem() == SettingsProblem(field: .redResponseDays, kind: .days))
        settings = SupervisionSettings()
        settings.accountability.consecutiveMonths = 13
        #expect(settings.problem() == SettingsProblem(field: .consecutiveMonths, kind: .months))
        settings = SupervisionSettings()
        settings.discrepancy.tolerance = 1
        #expect(settings.problem() == SettingsProblem(field: .tolerance, kind: .share))
        settings.discrepancy.tolerance = -Decimal(string: "0.01")!
        #expect(settings.problem() == SettingsProblem(field: .tolerance, kind: .share))
        settings = SupervisionSettings()
        settings.scoring.decisions[.allCases[0]] = 101
        #expect(settings.problem() == SettingsProblem(field: .decision(.allCases[0]), kind: .points))
    }

    @Test func theFourCriteriaAddUpToAHundred() {
        var settings = SupervisionSettings()
        settings.scoring.completion += 1
        #expect(settings.problem()?.kind == .total(settings.scoring.maximum))
        #expect(settings.problem()?.code == "supervision.settings.total")
    }

    @Test func fieldsAreNamedAsTheFormAndTheAPIName() {
        #expect(SettingsProblem.Field.tolerance.jsonPath == "discrepancy.tolerance")
        #expect(SettingsProblem.Field.nearDays.jsonPath == "notices.nearDays")
        #expect(SettingsProblem.Field.findingsCap.formName == "findingsCap")
        let decision = AccountabilityDecision.allCases[0]
        #expect(SettingsProblem.Field.decision(decision).formName == "decision.\(decision.rawValue)")
    }
}
