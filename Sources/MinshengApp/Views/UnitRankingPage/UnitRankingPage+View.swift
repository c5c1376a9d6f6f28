import Foundation
import MinshengCore
import MinshengHTML

extension UnitRankingPage {
    /// Renders the ranking.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.assessment
            let content: Node = .group(
                .h1(.text("\(words.ranking)\(page.punctuation.colon)\(model.plan.title)")),
                AssessmentPeriodForm(action: SiteURL.unitRanking.path, plan: model.plan, period: model.period, extra: [], language: page.language)
                    .node,
                .table(
                    .class("list"),
                    .thead(
                        .tr(
                            .th(.text("#")), .th(.text(page.language.reporting.unit)), .th(.text(words.itemsLed)), .th(.text(words.onTrackShare)),
                            .th(.text(words.progress)), .th(.text(page.language.reporting.state)), .th(.text(words.onTimeRate)),
                            .th(.text(page.language.supervisionWords.scores)))),
                    .tbody(
                        .forEach(Array(model.rows.enumerated())) { index, row in
                            .tr(
                                .td(.text(String(index + 1))),
                                .td(
                                    .a(
                                        .href(SiteURL.unitPage(.value(row.unit.id)).path + "?plan=\(model.plan.id)&period=\(model.period)"),
                                        .text(row.unit.name))),
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
}
