import Foundation
import MinshengCore
import MinshengHTML

/// A unit's page: its items as lead and as responsible unit, their statuses, and its on-time reporting rate.
struct UnitPage {
    struct Row {
        var item: Item
        var role: Assignment.Role
        var assessment: ItemAssessment?
    }

    var plan: Plan
    var unit: MinshengCore.Unit
    var period: Period
    var rows: [Row]
    var onTime: (owed: Int, onTime: Int)?
    var record: Record
    var page: PageContext

    /// The unit's supervision record: notices with their colour today, rectifications, cases and its score.
    struct Record {
        var directory: SupervisionDirectory
        var notices: [SupervisionNotice]
        var rectifications: [Rectification]
        var cases: [AccountabilityCase]
        var score: UnitScore?
    }

    func render() -> String {
        let words = page.language.assessment
        let rate = onTime.flatMap { $0.owed > 0 ? Decimal($0.onTime) / Decimal($0.owed) : nil }
        let content: Node = .group(
            .h1(.text(unit.name)),
            AssessmentPeriodForm(action: SiteURL.unitPage(.value(unit.id)).path, plan: plan, period: period, extra: [], language: page.language).node,
            .p(.text("\(words.onTimeRate)：\(Percent.text(rate))" + (onTime.map { "（\($0.onTime)/\($0.owed)）" } ?? ""))),
            section(words.itemsLed, rows.filter { $0.role == .lead }),
            section(words.itemsShared, rows.filter { $0.role == .responsible }),
            supervision
        )
        return Layout(title: unit.name, page: page, content: content).render()
    }

    private var supervision: Node {
        let words = page.language.supervisionWords
        let directory = record.directory
        return .section(
            .h2(.text(words.record)),
            .unwrap(record.score) { score in
                .p(
                    .text("\(words.scores)：\(DecimalText.format(score.total))（\(words.rank) \(score.rank)）"), .text(" "),
                    .a(.href(SiteURL.scores.path + "?plan=\(plan.id)&period=\(period)#score-\(unit.id)"), .text(words.explanation)))
            },
            .h3(.text("\(words.notices)（\(record.notices.count)）")),
            .ul(
                .forEach(record.notices) { notice in
                    .li(
                        .a(
                            .href(SiteURL.notice(.value(notice.id)).path),
                            .text("\(words.noticeNumber(notice, year: plan.year)) \(directory.item(notice.itemID)) ")),
                        GradeBadge.node(notice.standing(today: directory.day, rules: directory.settings.notices), words: words),
                        .text(" " + (notice.answeredOn == nil ? words.unanswered : words.answered)))
                }),
            .h3(.text("\(words.rectifications)（\(record.rectifications.count)）")),
            RectificationTable.node(record.rectifications, directory: directory, words: words),
            .h3(.text("\(words.accountability)（\(record.cases.count)）")),
            .ul(
                .forEach(record.cases) { entry in
                    .li(
                        .a(
                            .href(SiteURL.accountabilityCase(.value(entry.id)).path),
                            .text(
                                """
                                \(entry.openedOn.iso) \(directory.item(entry.itemID)) \
                                \(words.ruleName(entry.rule))：\(entry.decision.map(words.decisionName) ?? words.undecided)
                                """
                            )))
                })
        )
    }

    private func section(_ title: String, _ rows: [Row]) -> Node {
        let words = page.language.assessment
        return .section(
            .h2(.text("\(title)（\(rows.count)）")),
            .table(
                .class("list"),
                .thead(
                    .tr(
                        .th(.text(page.language.reporting.item)), .th(.text(page.language.reporting.state)), .th(.text(words.progress)),
                        .th(.text(words.expected)))),
                .tbody(
                    .forEach(rows) { row in
                        .tr(
                            .td(
                                .a(
                                    .href(SiteURL.item(plan: .value(plan.id), number: .value(row.item.number)).path + "?period=\(period)"),
                                    .text("\(row.item.number). \(row.item.title)"))),
                            .td(.unwrap(row.assessment) { StatusLight.node($0.status, words: words) }),
                            .td(.text(Percent.text(row.assessment?.progress))),
                            .td(.text(Percent.text(row.assessment?.expected)))
                        )
                    })
            )
        )
    }
}

/// 单位排名: lead units ranked by the share of their items on schedule or better, then by on-time reporting.
struct UnitRankingPage {
    struct Row {
        var unit: MinshengCore.Unit
        var items: Int
        var onTrack: Int
        var worst: ProgressStatus?
        var progress: Decimal?
        var onTimeRate: Decimal?
        /// The unit's score (考核评分), by which the ranking is ordered.
        var score: Decimal?

        var onTrackShare: Decimal { items > 0 ? Decimal(onTrack) / Decimal(items) : 0 }
    }

    var plan: Plan
    var period: Period
    var rows: [Row]
    var page: PageContext

    func render() -> String {
        let words = page.language.assessment
        let content: Node = .group(
            .h1(.text("\(words.ranking)：\(plan.title)")),
            AssessmentPeriodForm(action: SiteURL.unitRanking.path, plan: plan, period: period, extra: [], language: page.language).node,
            .table(
                .class("list"),
                .thead(
                    .tr(
                        .th(.text("#")), .th(.text(page.language.reporting.unit)), .th(.text(words.itemsLed)), .th(.text(words.onTrackShare)),
                        .th(.text(words.progress)), .th(.text(page.language.reporting.state)), .th(.text(words.onTimeRate)),
                        .th(.text(page.language.supervisionWords.scores)))),
                .tbody(
                    .forEach(Array(rows.enumerated())) { index, row in
                        .tr(
                            .td(.text(String(index + 1))),
                            .td(.a(.href(SiteURL.unitPage(.value(row.unit.id)).path + "?plan=\(plan.id)&period=\(period)"), .text(row.unit.name))),
                            .td(.text(String(row.items))),
                            .td(.text(Percent.text(row.onTrackShare))),
                            .td(.text(Percent.text(row.progress))),
                            .td(.unwrap(row.worst) { StatusLight.node($0, words: words) }),
                            .td(.text(Percent.text(row.onTimeRate))),
                            .td(.text(row.score.map { DecimalText.display($0) } ?? "—"))
                        )
                    })
            )
        )
        return Layout(title: words.ranking, page: page, content: content).render()
    }
}

/// The plan's assessment thresholds and completion month.
struct AssessmentSettingsPage {
    var plan: Plan
    var settings: AssessmentSettings
    var message: String?
    var page: PageContext

    func render() -> String {
        let words = page.language.assessment
        let content: Node = .group(
            .h1(.text("\(words.settings)：\(plan.title)")),
            .unwrap(message) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .p(.class("hint"), .text(words.thresholds(settings))),
            .form(
                .class("narrow"), .method(.post), .action(SiteURL.adminAssessment(.value(plan.id)).path),
                page.csrfField,
                field("yellow", words.yellow, DecimalText.format(settings.yellowThreshold)),
                field("red", words.red, DecimalText.format(settings.redThreshold)),
                field("ahead", words.ahead, DecimalText.format(settings.aheadThreshold)),
                field("completionMonth", words.completionMonth, String(settings.completionMonth)),
                .button(.type(.submit), .text(page.strings.save))
            )
        )
        return Layout(title: words.settings, page: page, content: content).render()
    }

    private func field(_ name: String, _ label: String, _ value: String) -> Node {
        .group(.label(.for(name), .text(label)), .input(.type(.text), .id(name), .name(name), .value(value)))
    }
}
