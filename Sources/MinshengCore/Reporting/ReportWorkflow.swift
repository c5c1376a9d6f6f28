import Foundation

/// The life of a monthly report: draft → submitted → returned (with a reason) → submitted → accepted.
/// An accepted report is never changed in place: a correction is a new version that runs the same course.
package enum ReportState: String, Sendable, Hashable, Codable, CaseIterable {
    case draft
    case submitted
    case returned
    case accepted
}

/// What can be done to a report.
package enum ReportAction: String, Sendable, Hashable, Codable, CaseIterable {
    /// Change the values or narrative of a draft or returned report.
    case edit
    case submit
    /// The office sends a submitted report back with a reason.
    case `return`
    /// The office accepts a submitted report; only accepted values count.
    case accept
    /// Start a new version of an accepted report, with a reason.
    case correct
}

/// Who acts on a report: the unit that owes it, or the supervision office.
package enum ReportActor: Sendable, Hashable {
    case owningUnit
    case office
    case other
}

/// The rules of the reporting cycle, without storage.
package enum ReportWorkflow {
    /// Why an action is refused.
    package enum Refusal: CodedRefusal, Sendable, Equatable, CustomStringConvertible {
        case notAllowedInState(ReportAction, ReportState)
        case notYourRole(ReportAction)
        case reasonRequired(ReportAction)

        /// The English form of ``phrase``.
        package var description: String { phrase.en }

        package var code: String {
            switch self {
            case .notAllowedInState(let action, let state): return "report.\(action.rawValue).notAllowedIn.\(state.rawValue)"
            case .notYourRole(let action): return "report.\(action.rawValue).notYourRole"
            case .reasonRequired(let action): return "report.\(action.rawValue).reasonRequired"
            }
        }

        package var phrase: Phrase {
            switch self {
            case .notAllowedInState(let action, let state):
                return Phrase(
                    zh: "处于“\(state.chineseName)”状态的报告不能\(action.chineseName)。", en: "A \(state.rawValue) report cannot be \(action.pastTense).")
            case .notYourRole(let action):
                return Phrase(zh: "您的角色不能\(action.chineseName)这份报告。", en: "Your role may not \(action.rawValue) this report.")
            case .reasonRequired(let action):
                return Phrase(zh: "\(action.chineseName)报告须填写原因。", en: "A reason is required to \(action.rawValue) a report.")
            }
        }
    }

    /// The state after `action`, or why it is refused.
    package static func apply(_ action: ReportAction, to state: ReportState, by actor: ReportActor, reason: String? = nil) -> Result<
        ReportState, Refusal
    > {
        let hasReason = !(reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        switch action {
        case .edit, .submit:
            guard actor == .owningUnit else { return .failure(.notYourRole(action)) }
            guard state == .draft || state == .returned else { return .failure(.notAllowedInState(action, state)) }
            return .success(action == .edit ? state : .submitted)
        case .return:
            guard actor == .office else { return .failure(.notYourRole(action)) }
            guard state == .submitted else { return .failure(.notAllowedInState(action, state)) }
            guard hasReason else { return .failure(.reasonRequired(action)) }
            return .success(.returned)
        case .accept:
            guard actor == .office else { return .failure(.notYourRole(action)) }
            guard state == .submitted else { return .failure(.notAllowedInState(action, state)) }
            return .success(.accepted)
        case .correct:
            guard actor == .owningUnit || actor == .office else { return .failure(.notYourRole(action)) }
            guard state == .accepted else { return .failure(.notAllowedInState(action, state)) }
            guard hasReason else { return .failure(.reasonRequired(action)) }
            return .success(.draft)
        }
    }
}

extension ReportState {
    /// The state's name in Chinese, as the interface writes it.
    var chineseName: String {
        switch self {
        case .draft: return "草稿"
        case .submitted: return "已报送"
        case .returned: return "已退回"
        case .accepted: return "已审核"
        }
    }
}

extension ReportAction {
    /// The action's verb in Chinese, as the interface writes it.
    var chineseName: String {
        switch self {
        case .edit: return "修改"
        case .submit: return "报送"
        case .return: return "退回"
        case .accept: return "审核通过"
        case .correct: return "更正"
        }
    }

    var pastTense: String {
        switch self {
        case .edit: return "edited"
        case .submit: return "submitted"
        case .return: return "returned"
        case .accept: return "accepted"
        case .correct: return "corrected"
        }
    }
}
