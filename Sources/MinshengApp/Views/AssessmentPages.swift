import Foundation
import MinshengCore
import MinshengHTML

/// A period chooser for the assessment pages: a month, or a quarter, half year or the year.
struct AssessmentPeriodForm {
    var action: String
    var plan: Plan
    var period: Period
    var extra: [(String, String)]
    var language: Language

    var node: Node {
        let words = language.reporting
        let options =
            Period.months(of: plan.year).map(\.description)
            + (1...4).map { "\(plan.year)-Q\($0)" } + ["\(plan.year)-H1", "\(plan.year)-H2", "\(plan.year)"]
        return .form(
            .class("period-form"), .method(.get), .action(action),
            .input(.type(.hidden), .name("plan"), .value(String(plan.id))),
            .forEach(extra) { .input(.type(.hidden), .name($0.0), .value($0.1)) },
            .label(.for("period"), .text(words.period)),
            SelectField.node(id: "period", name: "period", label: words.period, options: options.map { ($0, $0) }, selected: period.description),
            .button(.type(.submit), .text(words.show))
        )
    }
}

/// A coloured light with its status written beside it, so the page reads without colour.
enum StatusLight {
    static func node(_ status: ProgressStatus, words: AssessmentStrings) -> Node {
        .element(
            named: "span",
            nodes: [
                .attribute(named: "class", value: "light light-\(status.cssName)"),
                .element(named: "span", nodes: [.attribute(named: "class", value: "dot"), .attribute(named: "aria-hidden", value: "true")]),
                .text(words.status(status)),
            ])
    }
}

/// The plan and period of an assessment page: the requested plan (or the newest within reach) and the requested
/// period in any form (or the plan's default period).
struct AssessmentScope: Sendable {
    var plan: Plan
    var period: Period

    static func resolve(
        planID: Int64?, period periodText: String?, reach: PlanReach, language: Language, services: Services
    ) async throws -> AssessmentScope {
        let today = services.configuration.today
        return try await services.database.read { db in
            let plans = PlanStore()
            let plan: Plan?
            if let planID {
                plan = try await plans.plan(id: planID, on: db)
            } else {
                plan = try await plans.plans(within: reach, on: db).first
            }
            guard let plan else { throw AppError.notFound(language.reporting.noPlan) }
            if let periodText {
                guard let period = Period(periodText), period.year == plan.year else {
                    throw AppError.invalidInput(PeriodWords(language: language).any(plan.year))
                }
                return AssessmentScope(plan: plan, period: period)
            }
            return AssessmentScope(plan: plan, period: try await PlanScope.defaultPeriod(plan: plan, today: today, on: db))
        }
    }
}

extension AssessmentScope {
    /// The plan with the id, for a form posted about it; not found when there is none.
    static func plan(id: Int64, services: Services) async throws -> Plan {
        try await services.database.read { db -> Plan in
            guard let plan = try await PlanStore().plan(id: id, on: db) else { throw Refusals.noPlan(id) }
            return plan
        }
    }
}
