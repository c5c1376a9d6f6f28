import Foundation
import MinshengCore
import MinshengHTML

extension ScoresPage {
    /// Renders the page from its model.
    struct View {
        var model: Model
        var page: PageContext

        func render() -> String {
            let words = page.language.supervisionWords
            let content: Node = .group(
                .h1(.text("\(words.scores)\(page.punctuation.colon)\(model.directory.plan.title)")),
                SupervisionTabs.node(.scores, page: page),
                AssessmentPeriodForm(
                    action: SiteURL.scores.path, plan: model.directory.plan, period: model.period, extra: [], language: page.language
                ).node,
                .table(
                    .class("list scores"),
                    .thead(header),
                    .tbody(
                        .forEach(model.scores) { score in
                            .tr(
                                .td(.text(String(score.rank))),
                                .td(.a(.href("#score-\(score.unitID)"), .text(score.name))),
                                .td(.strong(.text(DecimalText.format(score.total)))),
                                .group(score.lines.map { .td(.text(DecimalText.format($0.points))) })
                            )
                        })
                ),
                .forEach(model.scores) { score in
                    .section(
                        .id("score-\(score.unitID)"), .class("score-sheet"),
                        .h2(.text("\(score.rank). \(score.name)\(page.punctuation.colon)\(DecimalText.format(score.total))")),
                        .table(
                            .class("list"),
                            .thead(
                                .tr(.th(.text(words.criterion)), .th(.text(words.points)), .th(.text(words.maximum)), .th(.text(words.explanation)))),
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
            let criteria = model.scores.first?.lines.map(\.criterion) ?? []
            return .tr(.th(.text(words.rank)), .th(.text(words.unit)), .th(.text(words.total)), .forEach(criteria) { .th(.text($0)) })
        }
    }
}
