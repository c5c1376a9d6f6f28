import Foundation
import MinshengCore
import MinshengHTML

/// 问责: the cases the rules call for (for the office to open) and every case with its decision.
struct AccountabilityPage {
    var directory: SupervisionDirectory
    var proposals: [AccountabilityProposal]
    var cases: [AccountabilityCase]
    var page: PageContext

    var words: SupervisionStrings { page.language.supervisionWords }

    func render() -> String {
        let content: Node = .group(
            .h1(.text("\(words.accountability)：\(directory.plan.title)")),
            SupervisionTabs.node(.accountability, page: page),
            .if(page.principal.map(SupervisionPolicy.canDecide) ?? false, proposalList),
            .h2(.text("\(words.accountability)（\(cases.count)）")),
            cases.isEmpty
                ? .p(.class("hint"), .text(words.noCases))
                : .div(
                    .class("table-scroll"),
                    .table(
                        .class("list"),
                        .thead(
                            .tr(
                                .th(.text(words.openedOn)), .th(.text(words.unit)), .th(.text(words.item)), .th(.text(words.rule)),
                                .th(.text(words.decision)))),
                        .tbody(
                            .forEach(cases) { entry in
                                .tr(
                                    .td(.a(.href(SiteURL.accountabilityCase(.value(entry.id)).path), .text(entry.openedOn.iso))),
                                    .td(.text(directory.unit(entry.unitID))),
                                    .td(.text(directory.item(entry.itemID))),
                                    .td(.text(words.ruleName(entry.rule))),
                                    .td(.text(entry.decision.map { "\(words.decisionName($0))（\(entry.decidedOn?.iso ?? "")）" } ?? words.undecided))
                                )
                            })
                    ))
        )
        return Layout(title: words.accountability, page: page, content: content).render()
    }

    private var proposalList: Node {
        .section(
            .h2(.text("\(words.caseProposals)（\(proposals.count)）")),
            proposals.isEmpty
                ? .p(.class("hint"), .text(words.noCaseProposals))
                : .forEach(proposals.enumerated()) { index, proposal in
                    .form(
                        .class("proposal"), .method(.post), .action(SiteURL.accountability.path),
                        page.csrfField,
                        .input(.type(.hidden), .name("plan"), .value(String(directory.plan.id))),
                        .input(.type(.hidden), .name("unit"), .value(String(proposal.unitID))),
                        .input(.type(.hidden), .name("item"), .value(proposal.itemID.map(String.init) ?? "")),
                        .input(.type(.hidden), .name("rule"), .value(proposal.rule.rawValue)),
                        .h3(.text("\(directory.unit(proposal.unitID)) · \(directory.item(proposal.itemID)) · \(words.ruleName(proposal.rule))")),
                        .ul(.forEach(proposal.grounds) { .li(.text($0.text)) }),
                        .button(.type(.submit), .id("open-\(index)"), .text(words.openCase))
                    )
                }
        )
    }
}

/// One case: the unit, item, grounds with links to the evidence, and the decision (and the form for it).
struct AccountabilityCasePage {
    var directory: SupervisionDirectory
    var entry: AccountabilityCase
    var canDecide: Bool
    var error: String?
    var page: PageContext

    func render() -> String {
        let words = page.language.supervisionWords
        let content: Node = .group(
            .p(.a(.href(SiteURL.accountability.path + "?plan=\(directory.plan.id)"), .text("← \(words.accountability)"))),
            .h1(.text("\(directory.unit(entry.unitID))：\(words.ruleName(entry.rule))")),
            .unwrap(error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
            .dl(
                .class("facts"),
                .dt(.text(words.item)), .dd(.text(directory.item(entry.itemID))),
                .dt(.text(words.openedOn)), .dd(.text(entry.openedOn.iso)),
                .dt(.text(words.decision)), .dd(.text(entry.decision.map(words.decisionName) ?? words.undecided)),
                .dt(.text(words.decidedOn)), .dd(.text(entry.decidedOn?.iso ?? "—")),
                .dt(.text(words.note)), .dd(.text(entry.decisionNote ?? "—"))
            ),
            .h2(.text(words.grounds)),
            .ul(.forEach(entry.grounds) { evidence in .li(link(evidence)) }),
            .if(
                canDecide && entry.decision == nil,
                .form(
                    .class("narrow"), .method(.post), .action(SiteURL.caseDecision(.value(entry.id)).path),
                    page.csrfField,
                    .label(.for("decision"), .text(words.decision)),
                    SelectField.node(
                        id: "decision", name: "decision", label: words.decision,
                        options: AccountabilityDecision.allCases.map { ($0.rawValue, words.decisionName($0)) },
                        selected: AccountabilityDecision.interview.rawValue),
                    .label(.for("note"), .text(words.note)),
                    .textarea(.id("note"), .name("note"), .attribute(named: "rows", value: "3"), .attribute(named: "required", value: "required")),
                    .button(.type(.submit), .class("primary"), .text(words.decide))
                ))
        )
        return Layout(title: words.accountability, page: page, content: content).render()
    }

    /// Evidence with a link to what it points at.
    private func link(_ evidence: Evidence) -> Node {
        let plan = directory.plan
        switch evidence.kind {
        case .notice: return .a(.href(SiteURL.notice(.value(evidence.reference)).path), .text(evidence.text))
        case .inspection: return .a(.href(SiteURL.inspection(.value(evidence.reference)).path), .text(evidence.text))
        case .rectification: return .a(.href(SiteURL.rectification(.value(evidence.reference)).path), .text(evidence.text))
        case .assessment:
            guard let item = entry.itemID.flatMap({ directory.items[$0] }) else { return .text(evidence.text) }
            let period = Period.month(year: plan.year, month: Int(evidence.reference))
            return .a(.href(SiteURL.item(plan: .value(plan.id), number: .value(item.number)).path + "?period=\(period)"), .text(evidence.text))
        }
    }
}

/// 考核评分: the units ranked, each with its scoring sheet explaining every point.
struct ScoresPage {
    var directory: SupervisionDirectory
    var period: Period
    var scores: [UnitScore]
    var page: PageContext

    func render() -> String {
        let words = page.language.supervisionWords
        let content: Node = .group(
            .h1(.text("\(words.scores)：\(directory.plan.title)")),
            SupervisionTabs.node(.scores, page: page),
            AssessmentPeriodForm(action: SiteURL.scores.path, plan: directory.plan, period: period, extra: [], language: page.language).node,
            .table(
                .class("list scores"),
                .thead(header),
                .tbody(
                    .forEach(scores) { score in
                        .tr(
                            .td(.text(String(score.rank))),
                            .td(.a(.href("#score-\(score.unitID)"), .text(score.name))),
                            .td(.strong(.text(DecimalText.format(score.total)))),
                            .group(score.lines.map { .td(.text(DecimalText.format($0.points))) })
                        )
                    })
            ),
            .forEach(scores) { score in
                .section(
                    .id("score-\(score.unitID)"), .class("score-sheet"),
                    .h2(.text("\(score.rank). \(score.name)：\(DecimalText.format(score.total))")),
                    .table(
                        .class("list"),
                        .thead(.tr(.th(.text(words.criterion)), .th(.text(words.points)), .th(.text(words.maximum)), .th(.text(words.explanation)))),
                        .tbody(
                            .forEach(score.lines) { line in
                                .tr(
                                    .td(.text(line.criterion)), .td(.text(DecimalText.format(line.points))),
                                    .td(.text(line.maximum > 0 ? DecimalText.format(line.maximum) : "—")), .td(.text(line.explanation)))
                            })
                    )
                )
            }
        )
        return Layout(title: words.scores, page: page, content: content).render()
    }

    private var header: Node {
        let words = page.language.supervisionWords
        let criteria = scores.first?.lines.map(\.criterion) ?? []
        return .tr(.th(.text(words.rank)), .th(.text(words.unit)), .th(.text(words.total)), .forEach(criteria) { .th(.text($0)) })
    }
}

/// The office's supervision settings: notice rules, discrepancy tolerance, accountability rules, scoring scheme.
struct SupervisionSettingsPage {
    var plan: Plan
    var settings: SupervisionSettings
    var message: String?
    var error: String?
    var page: PageContext

    func render() -> String {
        let words = page.language.supervisionWords
        let labels = SupervisionSettingsWords(language: page.language)
        let numbers = SupervisionSettingsWords.fields.map { ($0.formName, labels.label($0), Self.value($0, in: settings)) }
        let content: Node = .group(
            .h1(.text("\(words.settings)：\(plan.title)")),
            SupervisionTabs.node(.supervisionSettings, page: page),
            .unwrap(message) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .unwrap(error) { .p(.class("alert"), .attribute(named: "role", value: "alert"), .text($0)) },
            .form(
                .class("narrow"), .method(.post), .action(SiteURL.supervisionSettings.path),
                page.csrfField,
                .input(.type(.hidden), .name("plan"), .value(String(plan.id))),
                .forEach(numbers) { field in
                    .group(
                        .label(.for(field.0), .text(field.1)),
                        .input(.type(.text), .id(field.0), .name(field.0), .value(field.2), .attribute(named: "inputmode", value: "decimal")))
                },
                .fieldset(
                    .element(named: "legend", text: words.rules),
                    .forEach(AccountabilityRule.allCases) { rule in
                        .label(
                            .class("check"),
                            .input(
                                .type(.checkbox), .name("rule"), .value(rule.rawValue),
                                settings.accountability.rules.contains(rule) ? .attribute(named: "checked", value: "checked") : .empty),
                            .text(" " + words.ruleName(rule)))
                    }
                ),
                .button(.type(.submit), .class("primary"), .text(words.save))
            )
        )
        return Layout(title: words.settings, page: page, content: content).render()
    }

    /// A field's value as the form shows it (the tolerance as a percentage).
    static func value(_ field: SettingsProblem.Field, in settings: SupervisionSettings) -> String {
        let scheme = settings.scoring
        switch field {
        case .nearDays: return String(settings.notices.nearDays)
        case .blueResponseDays: return String(settings.notices.blueResponseDays)
        case .yellowResponseDays: return String(settings.notices.yellowResponseDays)
        case .redResponseDays: return String(settings.notices.redResponseDays)
        case .tolerance: return DecimalText.format(settings.discrepancy.tolerance * 100)
        case .consecutiveMonths: return String(settings.accountability.consecutiveMonths)
        case .completion: return DecimalText.format(scheme.completion)
        case .progress: return DecimalText.format(scheme.progress)
        case .reporting: return DecimalText.format(scheme.reporting)
        case .satisfaction: return DecimalText.format(scheme.satisfaction)
        case .perDiscrepancy: return DecimalText.format(scheme.perDiscrepancy)
        case .perOverdueRectification: return DecimalText.format(scheme.perOverdueRectification)
        case .perRedNotice: return DecimalText.format(scheme.perRedNotice)
        case .findingsCap: return DecimalText.format(scheme.findingsCap)
        case .decision(let decision): return DecimalText.format(scheme.decisions[decision] ?? 0)
        }
    }
}
