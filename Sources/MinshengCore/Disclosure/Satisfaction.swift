import Foundation

/// Public satisfaction with an item: 满意, 基本满意, 不满意.
package enum SatisfactionVerdict: String, Sendable, Hashable, Codable, CaseIterable {
    case satisfied, basicallySatisfied, dissatisfied

    package var chineseName: String {
        switch self {
        case .satisfied: return "满意"
        case .basicallySatisfied: return "基本满意"
        case .dissatisfied: return "不满意"
        }
    }

    package var englishName: String {
        switch self {
        case .satisfied: return "Satisfied"
        case .basicallySatisfied: return "Basically satisfied"
        case .dissatisfied: return "Dissatisfied"
        }
    }
}

/// Counts of the public's verdicts on an item, a unit's items or a plan.
package struct SatisfactionTally: Sendable, Hashable, Codable {
    package var satisfied: Int
    package var basicallySatisfied: Int
    package var dissatisfied: Int

    package init(satisfied: Int = 0, basicallySatisfied: Int = 0, dissatisfied: Int = 0) {
        self.satisfied = satisfied
        self.basicallySatisfied = basicallySatisfied
        self.dissatisfied = dissatisfied
    }

    package subscript(verdict: SatisfactionVerdict) -> Int {
        get {
            switch verdict {
            case .satisfied: return satisfied
            case .basicallySatisfied: return basicallySatisfied
            case .dissatisfied: return dissatisfied
            }
        }
        set {
            switch verdict {
            case .satisfied: satisfied = newValue
            case .basicallySatisfied: basicallySatisfied = newValue
            case .dissatisfied: dissatisfied = newValue
            }
        }
    }

    package var total: Int { satisfied + basicallySatisfied + dissatisfied }

    /// The satisfaction rate (满意度): 满意 plus 基本满意 over all verdicts, as a whole percentage, the way Chinese
    /// offices usually count it; nil without verdicts.
    package var rate: Int? {
        Percent.share(satisfied + basicallySatisfied, of: total).map(Percent.of)
    }

    package static func + (lhs: SatisfactionTally, rhs: SatisfactionTally) -> SatisfactionTally {
        SatisfactionTally(
            satisfied: lhs.satisfied + rhs.satisfied, basicallySatisfied: lhs.basicallySatisfied + rhs.basicallySatisfied,
            dissatisfied: lhs.dissatisfied + rhs.dissatisfied)
    }

    /// The sum of tallies.
    package static func sum<S: Sequence>(_ tallies: S) -> SatisfactionTally where S.Element == SatisfactionTally {
        tallies.reduce(SatisfactionTally(), +)
    }
}
