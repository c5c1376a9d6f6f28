import Foundation

/// A plan's supervision settings: notice deadlines, the discrepancy tolerance, accountability and the scoring scheme.
package struct SupervisionSettings: Sendable, Hashable, Codable {
    package var notices: NoticeRules
    package var discrepancy: DiscrepancyRule
    package var accountability: AccountabilitySettings
    package var scoring: ScoringScheme

    package init(
        notices: NoticeRules = NoticeRules(), discrepancy: DiscrepancyRule = DiscrepancyRule(),
        accountability: AccountabilitySettings = AccountabilitySettings(), scoring: ScoringScheme = ScoringScheme()
    ) {
        self.notices = notices
        self.discrepancy = discrepancy
        self.accountability = accountability
        self.scoring = scoring
    }

    /// Days a notice deadline or warning may span.
    package static let days = 1...365
    /// Months in a row an item may lag before accountability is proposed.
    package static let months = 1...12
    /// Points a criterion, a deduction or a decision may carry.
    package static let points: ClosedRange<Decimal> = 0...100
    /// The points the four criteria add up to.
    package static let totalPoints: Decimal = 100

    /// The first value out of its range, or nil when the settings may be stored. The web form and the API both ask.
    package func problem() -> SettingsProblem? {
        let dayFields: [(SettingsProblem.Field, Int)] = [
            (.nearDays, notices.nearDays), (.blueResponseDays, notices.blueResponseDays),
            (.yellowResponseDays, notices.yellowResponseDays), (.redResponseDays, notices.redResponseDays),
        ]
        for (field, value) in dayFields where !Self.days.contains(value) { return SettingsProblem(field: field, kind: .days) }
        if !Self.months.contains(accountability.consecutiveMonths) { return SettingsProblem(field: .consecutiveMonths, kind: .months) }
        if discrepancy.tolerance < 0 || discrepancy.tolerance >= 1 { return SettingsProblem(field: .tolerance, kind: .share) }
        let pointFields: [(SettingsProblem.Field, Decimal)] =
            [
                (.completion, scoring.completion), (.progress, scoring.progress), (.reporting, scoring.reporting),
                (.satisfaction, scoring.satisfaction), (.perDiscrepancy, scoring.perDiscrepancy),
                (.perOverdueRectification, scoring.perOverdueRectification), (.perRedNotice, scoring.perRedNotice),
                (.findingsCap, scoring.findingsCap),
            ] + AccountabilityDecision.allCases.map { (.decision($0), scoring.decisions[$0] ?? 0) }
        for (field, value) in pointFields where !Self.points.contains(value) { return SettingsProblem(field: field, kind: .points) }
        if scoring.maximum != Self.totalPoints { return SettingsProblem(field: .completion, kind: .total(scoring.maximum)) }
        return nil
    }
}

/// A supervision setting out of its range: which field, and which rule it breaks.
package struct SettingsProblem: Error, Sendable, Equatable {
    /// The setting, named as the web form and the API's body name it.
    package enum Field: Sendable, Hashable {
        case nearDays, blueResponseDays, yellowResponseDays, redResponseDays, consecutiveMonths, tolerance
        case completion, progress, reporting, satisfaction, perDiscrepancy, perOverdueRectification, perRedNotice, findingsCap
        case decision(AccountabilityDecision)

        /// The form field's name.
        package var formName: String {
            switch self {
            case .decision(let decision): return "decision.\(decision.rawValue)"
            default: return String(describing: self)
            }
        }

        /// The path of the value in the API's JSON body.
        package var jsonPath: String {
            switch self {
            case .nearDays, .blueResponseDays, .yellowResponseDays, .redResponseDays: return "notices.\(formName)"
            case .consecutiveMonths: return "accountability.consecutiveMonths"
            case .tolerance: return "discrepancy.tolerance"
            case .decision(let decision): return "scoring.decisions.\(decision.rawValue)"
            default: return "scoring.\(formName)"
            }
        }
    }

    /// The rule broken.
    package enum Kind: Sendable, Equatable {
        /// A whole number of days within ``SupervisionSettings/days``.
        case days
        /// A whole number of months within ``SupervisionSettings/months``.
        case months
        /// A share from 0 up to (not including) 1.
        case share
        /// Points within ``SupervisionSettings/points``.
        case points
        /// The four criteria add up to this, not ``SupervisionSettings/totalPoints``.
        case total(Decimal)
    }

    package var field: Field
    package var kind: Kind

    package init(field: Field, kind: Kind) {
        self.field = field
        self.kind = kind
    }

    /// A stable code for the rule broken.
    package var code: String {
        switch kind {
        case .days: return "supervision.settings.days"
        case .months: return "supervision.settings.months"
        case .share: return "supervision.settings.share"
        case .points: return "supervision.settings.points"
        case .total: return "supervision.settings.total"
        }
    }
}
