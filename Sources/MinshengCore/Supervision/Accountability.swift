import Foundation

/// A rule by which Minsheng proposes an accountability case (问责); the office sets which apply.
package enum AccountabilityRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// Seriously behind for a number of consecutive months.
    case seriouslyBehind
    /// A red notice not answered by its due day.
    case redNoticeUnanswered
    /// A rectification not done by its due day.
    case rectificationOverdue
    /// An inspection found a reported figure overstated.
    case discrepancy

    package var chineseName: String {
        switch self {
        case .seriouslyBehind: return "连续严重滞后"
        case .redNoticeUnanswered: return "红色督办逾期未反馈"
        case .rectificationOverdue: return "整改逾期"
        case .discrepancy: return "报送数据与核查不符"
        }
    }

    package var englishName: String {
        switch self {
        case .seriouslyBehind: return "Seriously behind for consecutive months"
        case .redNoticeUnanswered: return "Red notice unanswered"
        case .rectificationOverdue: return "Rectification overdue"
        case .discrepancy: return "Reported figure overstated"
        }
    }
}

/// What the office decides in a case.
package enum AccountabilityDecision: String, Sendable, Hashable, Codable, CaseIterable {
    /// 约谈
    case interview
    /// 通报批评
    case publicCriticism
    /// 诫勉谈话
    case admonition
    /// 问责处理
    case disciplinary
    /// 不予问责
    case noAccountability

    package var chineseName: String {
        switch self {
        case .interview: return "约谈"
        case .publicCriticism: return "通报批评"
        case .admonition: return "诫勉谈话"
        case .disciplinary: return "问责处理"
        case .noAccountability: return "不予问责"
        }
    }

    package var englishName: String {
        switch self {
        case .interview: return "Interview"
        case .publicCriticism: return "Public criticism"
        case .admonition: return "Admonition"
        case .disciplinary: return "Disciplinary action"
        case .noAccountability: return "No accountability"
        }
    }
}

/// The office's accountability settings: which rules propose cases, and how many consecutive seriously-behind
/// months it takes.
package struct AccountabilitySettings: Sendable, Hashable, Codable {
    package var rules: Set<AccountabilityRule>
    package var consecutiveMonths: Int

    package init(rules: Set<AccountabilityRule> = Set(AccountabilityRule.allCases), consecutiveMonths: Int = 2) {
        self.rules = rules
        self.consecutiveMonths = consecutiveMonths
    }
}

/// A piece of evidence behind a proposal or a case: what it is, and what it points at.
package struct Evidence: Sendable, Hashable, Codable {
    package enum Kind: String, Sendable, Hashable, Codable {
        case assessment, notice, inspection, rectification
    }

    package var kind: Kind
    /// The notice's, inspection's or rectification's id; the month for an assessment.
    package var reference: Int64
    package var text: String

    package init(kind: Kind, reference: Int64, text: String) {
        self.kind = kind
        self.reference = reference
        self.text = text
    }
}

/// A case Minsheng proposes; a person opens it.
package struct AccountabilityProposal: Sendable, Hashable {
    package var unitID: Int64
    package var itemID: Int64?
    package var rule: AccountabilityRule
    package var grounds: [Evidence]
}

/// The facts the rules read, gathered by the server.
package struct AccountabilityFacts: Sendable {
    /// Each item's status at the end of each month assessed so far.
    package var monthlyStatuses: [Int64: [Int: ProgressStatus]]
    /// Each item's lead units.
    package var leads: [Int64: [Int64]]
    package var notices: [Notice]
    package var rectifications: [Rectification]
    package var discrepancies: [Discrepancy]

    /// An issued notice as the rules see it.
    package struct Notice: Sendable, Hashable {
        package var id: Int64
        package var itemID: Int64
        package var unitID: Int64
        package var standing: NoticeStanding

        package init(id: Int64, itemID: Int64, unitID: Int64, standing: NoticeStanding) {
            self.id = id
            self.itemID = itemID
            self.unitID = unitID
            self.standing = standing
        }
    }

    /// A rectification as the rules see it.
    package struct Rectification: Sendable, Hashable {
        package var id: Int64
        package var itemID: Int64?
        package var unitID: Int64
        package var due: CalendarDate
        package var state: RectificationState

        package init(id: Int64, itemID: Int64?, unitID: Int64, due: CalendarDate, state: RectificationState) {
            self.id = id
            self.itemID = itemID
            self.unitID = unitID
            self.due = due
            self.state = state
        }
    }

    /// An inspection's finding that a figure was overstated.
    package struct Discrepancy: Sendable, Hashable {
        package var inspectionID: Int64
        package var itemID: Int64
        package var unitID: Int64
        package var text: String

        package init(inspectionID: Int64, itemID: Int64, unitID: Int64, text: String) {
            self.inspectionID = inspectionID
            self.itemID = itemID
            self.unitID = unitID
            self.text = text
        }
    }

    package init(
        monthlyStatuses: [Int64: [Int: ProgressStatus]], leads: [Int64: [Int64]], notices: [Notice] = [], rectifications: [Rectification] = [],
        discrepancies: [Discrepancy] = []
    ) {
        self.monthlyStatuses = monthlyStatuses
        self.leads = leads
        self.notices = notices
        self.rectifications = rectifications
        self.discrepancies = discrepancies
    }
}

/// Applies the office's rules to the facts and proposes cases, leaving out those already opened.
package struct AccountabilityProposer: Sendable {
    package var settings: AccountabilitySettings

    package init(settings: AccountabilitySettings = AccountabilitySettings()) {
        self.settings = settings
    }

    /// A proposal's identity: a case opened for the same unit, item and rule answers it.
    package struct Key: Sendable, Hashable {
        package var unitID: Int64
        package var itemID: Int64?
        package var rule: AccountabilityRule

        package init(unitID: Int64, itemID: Int64?, rule: AccountabilityRule) {
            self.unitID = unitID
            self.itemID = itemID
            self.rule = rule
        }
    }

    package func propose(_ facts: AccountabilityFacts, today: CalendarDate, opened: Set<Key> = []) -> [AccountabilityProposal] {
        var proposals: [AccountabilityProposal] = []
        if settings.rules.contains(.seriouslyBehind) {
            for (itemID, statuses) in facts.monthlyStatuses.sorted(by: { $0.key < $1.key }) {
                guard let run = Self.latestRun(statuses, of: .seriouslyBehind), run.count >= settings.consecutiveMonths else { continue }
                let grounds = run.map { Evidence(kind: .assessment, reference: Int64($0), text: "\($0)月严重滞后") }
                for unit in facts.leads[itemID] ?? [] {
                    proposals.append(AccountabilityProposal(unitID: unit, itemID: itemID, rule: .seriouslyBehind, grounds: grounds))
                }
            }
        }
        if settings.rules.contains(.redNoticeUnanswered) {
            for notice in facts.notices where notice.standing.redOverdue {
                proposals.append(
                    AccountabilityProposal(
                        unitID: notice.unitID, itemID: notice.itemID, rule: .redNoticeUnanswered,
                        grounds: [
                            Evidence(kind: .notice, reference: notice.id, text: "红色督办单应于\(notice.standing.due.iso)前反馈，至今未反馈")
                        ]))
            }
        }
        if settings.rules.contains(.rectificationOverdue) {
            for rectification in facts.rectifications where rectification.state.isPending && today > rectification.due {
                proposals.append(
                    AccountabilityProposal(
                        unitID: rectification.unitID, itemID: rectification.itemID, rule: .rectificationOverdue,
                        grounds: [
                            Evidence(kind: .rectification, reference: rectification.id, text: "整改应于\(rectification.due.iso)前完成，至今未完成")
                        ]))
            }
        }
        if settings.rules.contains(.discrepancy) {
            for finding in facts.discrepancies {
                proposals.append(
                    AccountabilityProposal(
                        unitID: finding.unitID, itemID: finding.itemID, rule: .discrepancy,
                        grounds: [
                            Evidence(kind: .inspection, reference: finding.inspectionID, text: finding.text)
                        ]))
            }
        }
        var merged: [Key: AccountabilityProposal] = [:]
        var order: [Key] = []
        for proposal in proposals {
            let key = Key(unitID: proposal.unitID, itemID: proposal.itemID, rule: proposal.rule)
            guard !opened.contains(key) else { continue }
            if merged[key] == nil { order.append(key) }
            merged[key, default: AccountabilityProposal(unitID: proposal.unitID, itemID: proposal.itemID, rule: proposal.rule, grounds: [])]
                .grounds += proposal.grounds
        }
        return order.compactMap { merged[$0] }
    }

    /// The months of the latest unbroken run of a status that reaches the last month assessed.
    static func latestRun(_ statuses: [Int: ProgressStatus], of status: ProgressStatus) -> [Int]? {
        guard let last = statuses.keys.max(), statuses[last] == status else { return nil }
        var run: [Int] = []
        var month = last
        while statuses[month] == status {
            run.insert(month, at: 0)
            month -= 1
        }
        return run
    }
}

extension AccountabilityDecision: CodingKeyRepresentable {}
