import Foundation
import MinshengCore
import MinshengHTML

extension UnitPage {
    /// Renders the unit page.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.assessment
            let rate = model.onTime.flatMap { $0.owed > 0 ? Decimal($0.onTime) / Decimal($0.owed) : nil }
            let content: Node = .group(
                .h1(.text(model.unit.name)),
                AssessmentPeriodForm(
                    action: SiteURL.unitPage(.value(model.unit.id)).path, plan: model.plan, period: model.period, extra: [], language: page.language
                ).node,
                .p(
                    .text(
                        "\(words.onTimeRate)\(page.punctuation.colon)\(Percent.text(rate))"
                            + (model.onTime.map { "\(page.punctuation.open)\($0.onTime)/\($0.owed)\(page.punctuation.close)" } ?? ""))),
                section(words.itemsLed, model.rows.filter { $0.role == .lead }),
                section(words.itemsShared, model.rows.filter { $0.role == .responsible }),
                supervision
            )
            return Layout(title: model.unit.name, page: page, content: content).render()
        }

        private var supervision: Node {
            let words = page.language.supervisionWords
            let directory = model.record.directory
            return .section(
                .h2(.text(words.record)),
                .unwrap(model.record.score) { score in
                    .p(
                        .text(
                            page.punctuation.labelled(words.scores, DecimalText.format(score.total))
                                + page.punctuation.aside("\(words.rank) \(score.rank)")
                        ), .text(" "),
                        .a(
                            .href(SiteURL.scores.path + "?plan=\(model.plan.id)&period=\(model.period)#score-\(model.unit.id)"),
                            .text(words.explanation)))
                },
                .h3(.text("\(words.notices)\(page.punctuation.open)\(model.record.notices.count)\(page.punctuation.close)")),
                .ul(
                    .forEach(model.record.notices) { notice in
                        .li(
                            .a(
                                .href(SiteURL.notice(.value(notice.id)).path),
                                .text("\(words.noticeNumber(notice, year: model.plan.year)) \(directory.item(notice.itemID)) ")),
                            GradeBadge.node(notice.standing(today: directory.day, rules: directory.settings.notices), words: words),
                            .text(" " + (notice.answeredOn == nil ? words.unanswered : words.answered)))
                    }),
                .h3(.text("\(words.rectifications)\(page.punctuation.open)\(model.record.rectifications.count)\(page.punctuation.close)")),
                RectificationTable.node(model.record.rectifications, directory: directory, words: words),
                .h3(.text("\(words.accountability)\(page.punctuation.open)\(model.record.cases.count)\(page.punctuation.close)")),
                .ul(
                    .forEach(model.record.cases) { entry in
                        .li(
                            .a(
                                .href(SiteURL.accountabilityCase(.value(entry.id)).path),
                                .text(
                                    """
                                    \(entry.openedOn.iso) \(directory.item(entry.itemID)) \
                                    \(words.ruleName(entry.rule))\(page.punctuation.colon)\(entry.decision.map(words.decisionName) ?? words.undecided)
                                    """
                                )))
                    })
            )
        }

        private func section(_ title: String, _ rows: [Model.Row]) -> Node {
            let words = page.language.assessment
            return .section(
                .h2(.text("\(title)\(page.punctuation.open)\(rows.count)\(page.punctuation.close)")),
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
                                        .href(
                                            SiteURL.item(plan: .value(model.plan.id), number: .value(row.item.number)).path
                                                + "?period=\(model.period)"),
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
}
